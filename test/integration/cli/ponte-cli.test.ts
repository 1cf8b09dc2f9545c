import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ponteWith } from '../../support/run-ponte';
import type { DoctorReport } from '@shared/models';
import { version } from '../../../package.json';
import { useTempDir } from '../../support/use-temp-dir';

const dataDir = useTempDir('ponte-cli-');
const ponte = ponteWith(() => ({ dataDir: dataDir() }));

describe('ponte doctor', () => {
  it('reports the keychain reachable inside the keyring session, and cleans up its probes', async () => {
    const { code, stdout } = await ponte(['doctor', '--json']);
    const report = JSON.parse(stdout) as DoctorReport;
    const byId = Object.fromEntries(report.checks.map((check) => [check.id, check]));
    expect(byId.keychain?.status).toBe('ok');
    expect(byId['data-dir']?.status).toBe('ok');
    // No Electron binary can be downloaded here: a warning, not a failure.
    expect(['ok', 'warn']).toContain(byId.electron?.status);
    expect(report.ok).toBe(true);
    expect(code).toBe(0);
    expect(await readdir(dataDir())).toEqual([]);
  });

  it('fails with exit 1 and says what to do when no keychain is reachable', async () => {
    // A session bus address that leads nowhere, and no X11 to autolaunch one: what a user over SSH gets.
    const env = { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dataDir(), 'no-bus')}`, DISPLAY: '' };
    const json = await ponte(['doctor', '--json'], { env });
    const report = JSON.parse(json.stdout) as DoctorReport;
    expect(json.code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.id === 'keychain')).toMatchObject({
      status: 'fail',
      params: { code: 'KEYCHAIN_UNAVAILABLE' },
    });

    const human = await ponte(['doctor', '--lang', 'it'], { env });
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('✘');
    expect(human.stdout).toContain('Portachiavi non utilizzabile');
    expect(human.stdout).toContain('GNOME Keyring');
    expect(human.stdout).toContain('dbus-run-session');
    expect(human.stdout).not.toMatch(/Cannot autolaunch|X11/);
  });
});

describe('ponte basics', () => {
  it('prints its version and help', async () => {
    expect((await ponte(['--version'])).stdout.trim()).toBe(version);
    const help = await ponte(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('doctor');
    expect(help.stdout).toContain('--json');
  });

  it.each([[['frobnicate']], [[]], [['doctor', '--password', 'hunter2']], [['--lang', 'xx', 'doctor']]])(
    'exits 2 on a usage error: %j',
    async (args) => {
      const result = await ponte(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/ponte --help/);
    },
  );

  it('speaks the language of the environment', async () => {
    const result = await ponte(['frobnicate'], { env: { LANG: 'de_DE.UTF-8' } });
    expect(result.stderr).not.toBe((await ponte(['frobnicate'])).stderr);
  });

  it('gives usage errors as JSON with --json', async () => {
    const result = await ponte(['frobnicate', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });
});
