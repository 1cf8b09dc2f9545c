import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from 'webdav';
import { mountPlan } from '@core/targets/mount/mount-plan';
import { runPlanSteps } from '@core/targets/run-plan';
import { sampleProcesses } from '../../support/secret-sweep';
import { startGvfsDaemon } from '../../support/gvfs-daemon';
import { rigHttpsAgent } from '../../rig/rig-tls';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

const run = promisify(execFile);
const rig = inject('rig');
const anna = rigUser(rig, 0);
const dir = useTempDir('ponte-gvfs-', 'all');
let gvfsd: { stop(): Promise<void> };

beforeAll(async () => {
  gvfsd = await startGvfsDaemon(dir(), rig.caPem);
}, 20_000);

afterAll(async () => {
  await gvfsd?.stop();
});

describe('GVfs drive mount on the rig (Linux)', () => {
  it('mounts with the password on stdin only, lists a file put there through WebDAV, and undoes it all', async () => {
    const name = `from-the-test-${Date.now()}.txt`;
    const dav = createClient(anna.webdavUrl, {
      username: anna.login,
      password: anna.password,
      httpsAgent: rigHttpsAgent(rig.caPem),
    });
    await dav.putFileContents(`/${name}`, 'hello from the rig');
    const home = join(dir(), 'home');
    const bookmarks = join(home, '.config/gtk-3.0/bookmarks');
    const before = 'file:///home/anna/Documents Documents\nsftp://nas.local/ NAS';
    await run('mkdir', ['-p', join(home, '.config/gtk-3.0')]);
    await writeFile(bookmarks, before);

    const plan = mountPlan('linux', { url: anna.webdavUrl, username: anna.login, label: 'Rig drive', home });
    const seen: string[] = [];
    // While gio runs, sample every process's command line and environment for the password.
    const sampler = sampleProcesses([anna]);
    let leaks: string[] = [];
    try {
      await runPlanSteps(plan.steps, {
        password: anna.password,
        onStep: (step) => seen.push(step.kind),
      });
    } finally {
      leaks = sampler.stop().leaks;
    }
    expect(seen).toEqual(['require', 'require', 'run', 'add-line']);
    expect(leaks).toEqual([]);

    const listing = await run('gio', ['list', plan.location]);
    expect(listing.stdout.split('\n')).toContain(name);
    expect((await run('gio', ['mount', '--list'])).stdout).toContain(new URL(anna.webdavUrl).host);
    expect(await readFile(bookmarks, 'utf8')).toBe(`${before}\n${plan.location} Rig drive`);

    await runPlanSteps(plan.undo);
    expect(await readFile(bookmarks, 'utf8')).toBe(before);
    expect((await run('gio', ['mount', '--list'])).stdout).not.toContain(new URL(anna.webdavUrl).host);
    await dav.deleteFile(`/${name}`);
  }, 60_000);

  it('a wrong password: a clear error, nothing mounted, no bookmark written', async () => {
    const home = join(dir(), 'home-wrong');
    const plan = mountPlan('linux', { url: anna.webdavUrl, username: anna.login, label: 'Rig drive', home });
    await expect(runPlanSteps(plan.steps, { password: 'not-the-password' })).rejects.toMatchObject({
      code: 'MOUNT_FAILED',
    });
    await expect(readFile(join(home, '.config/gtk-3.0/bookmarks'), 'utf8')).rejects.toThrow();
    expect((await run('gio', ['mount', '--list'])).stdout).not.toContain(new URL(anna.webdavUrl).host);
  }, 60_000);
});
