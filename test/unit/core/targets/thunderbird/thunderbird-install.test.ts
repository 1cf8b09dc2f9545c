import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '@core/accounts/account-store';
import { detectTargets } from '@core/targets/configure-target';
import { heldSecrets } from '../../../../support/memory-secrets';
import { sampleAccount } from '../sample-account';
import { useTempDir } from '../../../../support/use-temp-dir';

// `configure --list` and the wizard tell "installed but never started" from "not installed": a Thunderbird
// that was never started has no profile yet, and the person must start it once, not install it.

const dir = useTempDir('ponte-tb-install-');

async function thunderbirdState(withProgram: boolean, os: 'linux' | 'win32'): Promise<unknown> {
  const store = new AccountStore(join(dir(), 'data'), heldSecrets());
  const account = sampleAccount();
  await store.add(account, { main: 'x', sync: 'y' });
  const bin = join(dir(), 'bin');
  const programFiles = join(dir(), 'Program Files');
  if (withProgram) {
    const program =
      os === 'linux'
        ? join(bin, 'thunderbird')
        : join(programFiles, 'Mozilla Thunderbird', 'thunderbird.exe');
    await mkdir(join(program, '..'), { recursive: true });
    await writeFile(program, '#!/bin/sh\n');
    await chmod(program, 0o755);
  }
  const env = { PATH: bin, ProgramFiles: programFiles, APPDATA: join(dir(), 'AppData') };
  const found = await detectTargets(
    { store, dataDir: join(dir(), 'data'), os, home: join(dir(), 'home'), env },
    account.id,
  );
  return found.find((entry) => entry.target === 'thunderbird');
}

describe('Thunderbird without a profile', () => {
  it.each(['linux', 'win32'] as const)('%s: installed but never started says so', async (os) => {
    expect(await thunderbirdState(true, os)).toEqual({
      target: 'thunderbird',
      available: false,
      reason: 'neverStarted',
      configured: false,
    });
  });

  it.each(['linux', 'win32'] as const)('%s: not installed says not installed', async (os) => {
    expect(await thunderbirdState(false, os)).toMatchObject({ available: false, reason: 'notInstalled' });
  });
});
