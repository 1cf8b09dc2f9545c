import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccountSummary } from '@shared/models';
import type { TargetAvailability } from '@shared/targets';
import { readPrefs } from '@core/targets/thunderbird/prefs-js';
import { loadedByEds } from '../../support/eds-registry';
import { ponteWith } from '../../support/run-ponte';
import { addRigAccount } from '../../support/rig-accounts';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

// Thunderbird and Evolution set up from a saved account, end to end through the CLI: the calendars and
// address books come live from the rig's Radicale (password from the real keychain), the files are read back
// (prefs.js by our parser, Evolution's sources by evolution-data-server itself), and the undo restores them.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const dir = useTempDir('ponte-clients-', 'all');
let home: string;
let profile: string;
const PREFS = '// Mozilla User Preferences\n\nuser_pref("mail.accountmanager.accounts", "account1");\n';

beforeAll(async () => {
  home = join(dir(), 'home');
  profile = join(home, '.thunderbird', 'k3y.default-release');
  await mkdir(profile, { recursive: true });
  await writeFile(
    join(home, '.thunderbird', 'profiles.ini'),
    '[Profile0]\nName=default-release\nIsRelative=1\nPath=k3y.default-release\nDefault=1\n',
  );
});

/** A real process named thunderbird holding the profile's lock, as Thunderbird does while it runs. */
async function whileThunderbirdRuns(work: () => Promise<void>): Promise<void> {
  const fake = join(dir(), 'thunderbird');
  await copyFile('/bin/sleep', fake);
  await chmod(fake, 0o755);
  const running = spawn(fake, ['60']);
  await symlink(`127.0.1.1:+${running.pid}`, join(profile, 'lock'));
  try {
    await work();
  } finally {
    running.kill();
    await rm(join(profile, 'lock'));
  }
}

const ponte = ponteWith(() => ({
  dataDir: join(dir(), 'data'),
  home,
  env: { XDG_CONFIG_HOME: join(home, '.config') },
}));

async function addAnna(): Promise<string> {
  return (await addRigAccount(ponte, rig, anna, ['imap', 'smtp', 'caldav', 'carddav'])).id;
}

describe('ponte configure --target thunderbird|evolution', () => {
  it('lists what this machine has, sets Thunderbird up from the live calendars, refuses while it runs, and undoes byte for byte', async () => {
    await writeFile(join(profile, 'prefs.js'), PREFS);
    const id = await addAnna();

    const list = await ponte(['configure', id, '--list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    const found = JSON.parse(list.stdout) as TargetAvailability[];
    expect(found.find((entry) => entry.target === 'thunderbird')).toEqual({
      target: 'thunderbird',
      available: true,
      location: profile,
      configured: false,
    });
    expect(found.find((entry) => entry.target === 'mount')).toMatchObject({
      available: false,
      reason: 'noDrive',
    });

    const dry = await ponte(['configure', id, '--target', 'thunderbird', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('nothing has been changed');
    expect(dry.stdout).toContain('Thunderbird is not running');
    expect(await readFile(join(profile, 'prefs.js'), 'utf8')).toBe(PREFS);

    // Thunderbird open: nothing is written, no copy taken, nothing recorded — and nothing to take back.
    await whileThunderbirdRuns(async () => {
      const refused = await ponte(['configure', id, '--target', 'thunderbird', '--json']);
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'PROGRAM_RUNNING' } });
    });
    expect(await readFile(join(profile, 'prefs.js'), 'utf8')).toBe(PREFS);
    await expect(readdir(join(dir(), 'data', 'backups'))).rejects.toThrow();
    const afterRefusal = JSON.parse((await ponte(['account', 'list', '--json'])).stdout) as AccountSummary[];
    expect(afterRefusal.find((account) => account.id === id)?.targets).toEqual([]);

    const done = await ponte(['configure', id, '--target', 'thunderbird']);
    expect(done.code, done.stdout + done.stderr).toBe(0);
    expect(done.stdout).toContain('Set up in Thunderbird');
    expect(done.stdout).toContain('asks for each one once');
    const text = await readFile(join(profile, 'prefs.js'), 'utf8');
    expect(text).not.toContain(anna.password);
    const prefs = readPrefs(text);
    const calendarUris = [...prefs].filter(([key]) => key.endsWith('.uri')).map(([, value]) => value);
    // Radicale's event calendar (its tasks-only list is left out), found with the password from the keychain.
    expect(calendarUris).toHaveLength(1);
    expect(String(calendarUris[0])).toMatch(/\/calendar\/$/);
    expect([...prefs.values()]).toContain('Lavoro');
    expect([...prefs.values()]).toContain('Contatti');
    expect(String(prefs.get('mail.accountmanager.accounts'))).toMatch(/^account1,account_ponte_/);

    expect((await ponte(['configure', id, '--target', 'thunderbird'])).stdout).toContain('Already set up');

    // Thunderbird running with the profile: the undo refuses, changes nothing and keeps its record.
    await whileThunderbirdRuns(async () => {
      const refused = await ponte(['unconfigure', id, '--target', 'thunderbird', '--json']);
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'PROGRAM_RUNNING' } });
      expect(await readFile(join(profile, 'prefs.js'), 'utf8')).toBe(text);
    });

    const undo = await ponte(['unconfigure', id, '--target', 'thunderbird']);
    expect(undo.code, undo.stdout + undo.stderr).toBe(0);
    expect(await readFile(join(profile, 'prefs.js'), 'utf8')).toBe(PREFS);
    // A copy of prefs.js was kept before each change, in Ponte's folder.
    expect((await readdir(join(dir(), 'data', 'backups', 'thunderbird'))).length).toBe(2);
    await ponte(['account', 'remove', id]);
  }, 90_000);

  it('Evolution: evolution-data-server loads the account and Radicale’s calendar; removing the account takes them back', async () => {
    const id = await addAnna();
    const done = await ponte(['configure', id, '--target', 'evolution', '--json']);
    expect(done.code, done.stdout + done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({
      changed: true,
      location: join(home, '.config/evolution/sources'),
      warnings: ['evolutionAsksPassword'],
    });
    const loaded = await loadedByEds(home, 'ponte-');
    expect(loaded.map((source) => source.name)).toEqual(expect.arrayContaining(['Lavoro', 'Contatti']));
    const calendar = loaded.find((source) => source.calendar);
    // EDS's own URI for the calendar: the rig's server, anna's login, Radicale's event calendar.
    const uri = new URL(String(calendar?.uri));
    expect(uri.origin).toBe(new URL(rig.caldav.url).origin);
    expect(decodeURIComponent(uri.username)).toBe(anna.login);
    expect(uri.pathname).toMatch(/\/calendar\/$/);
    expect(JSON.stringify(loaded)).not.toContain(anna.password);

    const removed = await ponte(['account', 'remove', id, '--undo-targets']);
    expect(removed.code, removed.stdout + removed.stderr).toBe(0);
    // EDS wrote a source of its own (system-proxy) while it ran; only Ponte's are gone.
    const left = await readdir(join(home, '.config/evolution/sources'));
    expect(left.filter((file) => file.startsWith('ponte-'))).toEqual([]);
    expect(await loadedByEds(home, 'ponte-')).toEqual([]);
  }, 90_000);

  it('a password the server now refuses stops before anything is written', async () => {
    const id = await addAnna();
    await keytar.setPassword('Ponte', `account:${id}:main`, 'changed-elsewhere');
    const before = await readFile(join(profile, 'prefs.js'), 'utf8');
    const refused = await ponte(['configure', id, '--target', 'thunderbird', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'CHECK_FAILED' } });
    expect(await readFile(join(profile, 'prefs.js'), 'utf8')).toBe(before);
    const listed = JSON.parse((await ponte(['account', 'list', '--json'])).stdout) as AccountSummary[];
    expect(listed.find((account) => account.id === id)?.targets).toEqual([]);
    await ponte(['account', 'remove', id]);
  }, 60_000);
});
