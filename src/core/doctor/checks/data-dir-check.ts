import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DoctorCheck } from '@shared/models';
import { writeFileAtomic } from '../../storage/atomic-write';

export async function checkDataDir(dataDir: string): Promise<DoctorCheck> {
  const probe = join(dataDir, `.doctor-probe-${randomBytes(4).toString('hex')}`);
  const content = randomBytes(8).toString('hex');
  try {
    await writeFileAtomic(probe, content);
    if ((await readFile(probe, 'utf8')) !== content) throw new Error('read back differs');
    return {
      id: 'data-dir',
      status: 'ok',
      detail: `Data folder ${dataDir} is writable.`,
      params: { dataDir },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      id: 'data-dir',
      status: 'fail',
      detail: `Data folder ${dataDir} is not writable (${reason}).`,
      hint: 'Make sure your user owns that folder, or point PONTE_DATA_DIR to a writable one.',
      params: { dataDir },
    };
  } finally {
    await rm(probe, { force: true });
  }
}
