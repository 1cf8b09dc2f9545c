import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Ponte, ponteWith, type RunPonteOptions } from '../../support/run-ponte';
import { addRigAccount } from '../../support/rig-accounts';
import { filesHolding, sampleProcesses, textsHolding, type TestSecret } from '../../support/secret-sweep';
import { makeTempDir, removeTempDir } from '../../support/temp-dir';
import { rigUser } from '../verify/rig-targets';

// The CLI's flows for real against the rig — save, check, report, set up Thunderbird and Evolution, export
// files and a profile, apply it, send a test PEC — then a search for the passwords (as typed, URL-encoded,
// and as Basic / SASL PLAIN credentials) in every output, every file Ponte wrote (data folder, home, exports)
// and the command line and environment of every process while they ran — ponte.log, --verbose output and
// the support report (doctor --report) included. The WebDAV mount's own flow is swept the same way in
// gvfs-mount.test.ts; the window's in the E2E fixtures.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const paola = rigUser(rig, 3);
const secrets: TestSecret[] = [anna, paola].map(({ login, password }) => ({ login, password }));
let dir: string;
let home: string;

beforeAll(async () => {
  dir = await makeTempDir('ponte-leaks-');
  home = join(dir, 'home');
  const profile = join(home, '.thunderbird', 'p1.default-release');
  await mkdir(profile, { recursive: true });
  await writeFile(
    join(home, '.thunderbird', 'profiles.ini'),
    '[Profile0]\nName=default-release\nIsRelative=1\nPath=p1.default-release\nDefault=1\n',
  );
  await writeFile(join(profile, 'prefs.js'), '// Mozilla User Preferences\n');
});
afterAll(() => (process.env.KEEP ? undefined : removeTempDir(dir)));

describe('no secret leaks from the CLI flows', () => {
  it('no password in any output, any file written, or any process’s command line or environment', async () => {
    const outputs: Record<string, string> = {};
    const runIn = ponteWith(() => ({
      dataDir: join(dir, 'data'),
      home,
      env: { XDG_CONFIG_HOME: join(home, '.config') },
    }));
    const ponte: Ponte = async (args, options) => {
      const run = await runIn(args, options);
      outputs[`ponte ${args.slice(0, 2).join(' ')} #${Object.keys(outputs).length}`] =
        run.stdout + run.stderr;
      return run;
    };
    const ok = async (args: string[], options?: RunPonteOptions): Promise<string> => {
      const run = await ponte(args, options);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      return run.stdout;
    };

    const sampler = sampleProcesses(secrets);
    let sampled: ReturnType<typeof sampler.stop>;
    try {
      const { id } = await addRigAccount(ponte, rig, anna, ['imap', 'smtp', 'caldav', 'carddav', 'webdav']);
      await ok(['verify', '--account', id, '--json']);
      await ok(['check', '--json']);
      await ok(['expiry', '--json']);
      await ok(['configure', id, '--target', 'thunderbird', '--json']);
      await ok(['configure', id, '--target', 'evolution', '--json']);
      await ok(['configure', id, '--target', 'mobileconfig', '--out', join(dir, 'out', 'anna.mobileconfig')]);
      await ok(['configure', id, '--target', 'autoconfig', '--out', join(dir, 'out', 'config-v1.1.xml')]);
      await ok(['configure', id, '--target', 'davx5']);
      const profile = await ok(['profile', 'export', id]);
      const file = join(dir, 'out', 'profile.json');
      await writeFile(file, profile);
      await ok(['apply', file, '--email', anna.email, '--password-stdin', '--json'], {
        stdin: anna.password,
        dataDir: join(dir, 'data-apply'),
      });
      const pec = await addRigAccount(
        ponte,
        rig,
        paola,
        ['imap'],
        ['--smtp', `127.0.0.1:${rig.pec.port}`, '--pec'],
      );
      await ok(['pec', 'test', pec.id, '--json']);
      // The log and what leaves the machine for support: --verbose's stderr (in the outputs), ponte.log, the
      // support report. A failing command makes sure the log holds something to search.
      await ok(['--verbose', 'check', '--json']);
      await ok(['--verbose', 'verify', '--account', id, '--json']);
      expect((await ponte(['--verbose', 'verify', '--account', 'no-such-account'])).code).toBe(1);
      await ok(['doctor', '--report', join(dir, 'out', 'support-report.json')]);
    } finally {
      sampled = sampler.stop();
    }

    // The search works: a planted copy is found (so "none found" below means something).
    await writeFile(join(dir, 'planted'), `x${anna.password}x`);
    expect(await filesHolding(dir, secrets)).toEqual([join(dir, 'planted')]);
    await rm(join(dir, 'planted'));

    console.log(`${Object.keys(outputs).length} runs of ponte, /proc sampled ${sampled.samples} times`);
    expect(Object.keys(outputs).length).toBeGreaterThanOrEqual(13);
    expect(textsHolding(outputs, secrets)).toEqual([]);
    expect(await filesHolding(dir, secrets)).toEqual([]);
    // …and the log and the report were there to be searched.
    expect((await readFile(join(dir, 'data', 'ponte.log'), 'utf8')).length).toBeGreaterThan(0);
    expect((await readFile(join(dir, 'out', 'support-report.json'), 'utf8')).length).toBeGreaterThan(0);
    expect(sampled.samples).toBeGreaterThan(20);
    expect(sampled.leaks).toEqual([]);

    // On a shared machine, other users cannot even read what holds no secret: the data folder is 0700, its
    // files 0600.
    const data = join(dir, 'data');
    const open: string[] = [];
    for (const entry of [
      data,
      ...(await readdir(data, { recursive: true })).map((name) => join(data, name)),
    ]) {
      if (((await stat(entry)).mode & 0o077) !== 0) open.push(entry);
    }
    expect(open).toEqual([]);
  }, 120_000);
});
