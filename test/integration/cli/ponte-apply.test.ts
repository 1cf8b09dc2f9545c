import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApplyReport } from '@core/profiles/apply-profile';
import type { AccountSummary, Settings } from '@shared/models';
import { readPrefs } from '@core/targets/thunderbird/prefs-js';
import { ponteWith } from '../../support/run-ponte';
import { addRigAccount } from '../../support/rig-accounts';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

// IT provisioning end to end: a profile (no secrets) applied with the password on stdin against the rig's real
// servers, the real keychain and a Thunderbird profile in a throwaway HOME; applied again (nothing changes);
// invalid profiles refused with exit 2 and JSON pointers; a saved account exported, validated and applied.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const marco = rigUser(rig, 1);
const dir = useTempDir('ponte-apply-', 'all');
let home: string;
let tbProfile: string;

beforeAll(async () => {
  home = join(dir(), 'home');
  tbProfile = join(home, '.thunderbird', 'p1.default-release');
  await mkdir(tbProfile, { recursive: true });
  await writeFile(
    join(home, '.thunderbird', 'profiles.ini'),
    '[Profile0]\nName=default-release\nIsRelative=1\nPath=p1.default-release\nDefault=1\n',
  );
  await writeFile(join(tbProfile, 'prefs.js'), '// Mozilla User Preferences\n');
});
afterAll(async () => {
  await rm('/tmp/ponte-apply-macs', { recursive: true, force: true });
});

const ponte = ponteWith(() => ({
  dataDir: join(dir(), 'data'),
  home,
  env: { XDG_CONFIG_HOME: join(home, '.config') },
}));

const profile = {
  $schema: 'https://ponte.invalid/profile-v1.schema.json',
  profileVersion: 1,
  organisation: { name: 'Studio Test', support: { email: 'it@studio.test' } },
  accounts: [
    {
      key: 'office',
      displayName: 'Ufficio {localpart}',
      servers: {
        imap: `127.0.0.1:${rig.imap.tlsPort}`,
        smtp: `127.0.0.1:${rig.smtp.submissionPort}/starttls`,
        caldav: rig.caldav.url,
        carddav: rig.caldav.url,
      },
      username: '{email}',
      caPem: rig.caPem,
      calendars: ['Lavoro', 'Ferie'],
      credential: { kind: 'app-password', lifetimeDays: 90 },
      targets: ['thunderbird'],
      mobileconfig: { folder: '/tmp/ponte-apply-macs/{localpart}' },
    },
  ],
  settings: { reminderDays: [21, 7], reconnectDrives: false },
  locked: ['reminderDays'],
};

async function write(name: string, value: unknown): Promise<string> {
  const file = join(dir(), name);
  await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

describe('ponte apply', () => {
  it('--dry-run: the plan, with nothing saved and no password asked', async () => {
    const file = await write('studio.json', profile);
    const run = await ponte(['apply', file, '--email', anna.email, '--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ApplyReport;
    expect(report).toMatchObject({ dryRun: true, changed: false, settings: 'planned' });
    expect(report.accounts[0]).toMatchObject({
      status: 'planned',
      username: anna.email,
      servers: { imap: `127.0.0.1:${rig.imap.tlsPort}`, caldav: rig.caldav.url },
      targets: [
        { target: 'thunderbird', status: 'planned' },
        { target: 'mobileconfig', status: 'planned', location: '/tmp/ponte-apply-macs/anna' },
      ],
    });
    expect(JSON.parse((await ponte(['account', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('applies: checked for real, saved (keychain), Thunderbird set up with the named calendar, settings locked', async () => {
    const file = await write('studio.json', profile);
    const run = await ponte(['apply', file, '--email', anna.email, '--password-stdin'], {
      stdin: anna.password,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Studio Test’s profile, applied:');
    expect(run.stdout).toContain(`office: ${anna.email} checked and saved (user ${anna.email})`);
    expect(run.stdout).toContain('Not on the server: “Ferie”');

    const [account] = JSON.parse((await ponte(['account', 'list', '--json'])).stdout) as AccountSummary[];
    expect(account).toMatchObject({ displayName: 'Ufficio anna', email: anna.email });
    expect(account?.targets.map((target) => target.target)).toEqual(['thunderbird']);
    expect(await keytar.getPassword('Ponte', `account:${account?.id}:main`)).toBe(anna.password);
    const prefs = readPrefs(await readFile(join(tbProfile, 'prefs.js'), 'utf8'));
    const calendarNames = [...prefs.entries()].filter(([key]) => /^calendar\.registry\..+\.name$/.test(key));
    expect(calendarNames.map(([, value]) => value)).toEqual(['Lavoro']);

    const settings = JSON.parse(await readFile(join(dir(), 'data', 'settings.json'), 'utf8')) as {
      data: Settings;
    };
    expect(settings.data).toMatchObject({
      reminderDays: [21, 7],
      reconnectDrives: false,
      managedBy: {
        organisation: 'Studio Test',
        locked: ['reminderDays'],
        support: { email: 'it@studio.test' },
      },
    });
    const mac = await readFile('/tmp/ponte-apply-macs/anna/Ufficio-anna.mobileconfig', 'utf8');
    expect(mac).toContain('com.apple.caldav.account');
    expect(mac).not.toContain(anna.password);
    const log = await readFile(join(dir(), 'data', 'logs', 'apply.log'), 'utf8');
    expect(log).toContain('"organisation":"Studio Test"');
    expect(log).not.toContain(anna.password);
  });

  it('applied again: nothing changes, and it says so', async () => {
    const file = await write('studio.json', profile);
    const prefsBefore = await readFile(join(tbProfile, 'prefs.js'), 'utf8');
    const run = await ponte(['apply', file, '--email', anna.email, '--password-stdin', '--json'], {
      stdin: anna.password,
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ApplyReport;
    expect(report).toMatchObject({ changed: false, settings: 'unchanged' });
    expect(report.accounts[0]).toMatchObject({
      status: 'unchanged',
      targets: [
        { target: 'thunderbird', status: 'unchanged' },
        { target: 'mobileconfig', status: 'unchanged' },
      ],
    });
    expect(await readFile(join(tbProfile, 'prefs.js'), 'utf8')).toBe(prefsBefore);
    const words = await ponte(['apply', file, '--email', anna.email, '--password-stdin'], {
      stdin: anna.password,
    });
    expect(words.stdout).toContain('Studio Test’s profile was already applied here: nothing changed.');
  });

  it('a wrong password: that account fails with the reason, nothing of it is saved (exit 1)', async () => {
    const file = await write('studio-other.json', {
      ...profile,
      accounts: [{ ...profile.accounts[0], key: 'other', targets: [] }],
    });
    const run = await ponte(['apply', file, '--email', marco.email, '--password-stdin', '--json'], {
      stdin: 'not-his-password',
      dataDir: join(dir(), 'data-wrong'),
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as ApplyReport;
    expect(report.accounts[0]).toMatchObject({ status: 'failed', error: { code: 'NOT_VERIFIED' } });
    expect(
      JSON.parse((await ponte(['account', 'list', '--json'], { dataDir: join(dir(), 'data-wrong') })).stdout),
    ).toEqual([]);
  });

  it.each([
    [
      'a password inside',
      { ...profile, accounts: [{ ...profile.accounts[0], password: 'x' }] },
      '/accounts/0/password',
    ],
    [
      'an unknown provider',
      { ...profile, accounts: [{ key: 'pec', provider: 'no-such-provider' }] },
      '/accounts/0/provider',
    ],
    ['a schema error', { ...profile, organisation: { name: '' } }, '/organisation/name'],
  ])(
    'refuses a profile with %s: exit 2, the JSON pointer and what is wrong',
    async (_name, value, pointer) => {
      const file = await write('bad.json', value);
      const validate = await ponte(['profile', 'validate', file]);
      expect(validate.code).toBe(2);
      expect(validate.stderr).toContain('This profile is not valid:');
      expect(validate.stderr).toContain(`  ${pointer}: `);
      const apply = await ponte(['apply', file, '--email', anna.email, '--password-stdin', '--json'], {
        stdin: anna.password,
        dataDir: join(dir(), 'data-bad'),
      });
      expect(apply.code).toBe(2);
      expect(JSON.parse(apply.stdout)).toMatchObject({
        ok: false,
        problems: [expect.objectContaining({ pointer })],
      });
    },
  );

  it('export → validate → apply for someone else: the same setup, no secret in the file', async () => {
    const [account] = JSON.parse((await ponte(['account', 'list', '--json'])).stdout) as AccountSummary[];
    const exported = await ponte(['profile', 'export', account?.id ?? '']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).not.toContain(anna.password);
    const file = await write('exported.json', exported.stdout);
    const validate = await ponte(['profile', 'validate', file]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toContain('Valid profile for Studio Test: 1 account.');
    const parsed = JSON.parse(exported.stdout) as typeof profile;
    expect(parsed.accounts[0]).toMatchObject({
      key: 'office',
      username: '{email}',
      targets: ['thunderbird'],
    });

    // On another machine (data folder), for marco, without Thunderbird this time.
    const forMarco = { ...parsed, accounts: [{ ...parsed.accounts[0], targets: [] }] };
    const run = await ponte(
      [
        'apply',
        await write('exported-marco.json', forMarco),
        '--email',
        marco.email,
        '--password-stdin',
        '--json',
      ],
      { stdin: marco.password, dataDir: join(dir(), 'data-marco') },
    );
    expect(run.code, run.stdout).toBe(0);
    const [saved] = JSON.parse(
      (await ponte(['account', 'list', '--json'], { dataDir: join(dir(), 'data-marco') })).stdout,
    ) as AccountSummary[];
    expect(saved).toMatchObject({ email: marco.email, services: ['imap', 'smtp', 'caldav', 'carddav'] });
  });

  it('a login that is neither the address nor its local part exports as {login}; apply fills it from --login', async () => {
    // A shared office box: the address people write to is not the login.
    const office = { ...anna, email: 'segreteria@studio.test' };
    const saved = await addRigAccount(
      (args, options) => ponte(args, { ...options, dataDir: join(dir(), 'data-login') }),
      rig,
      office,
      ['imap'],
    );
    const exported = await ponte(['profile', 'export', saved.id], { dataDir: join(dir(), 'data-login') });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).not.toContain(anna.login);
    const parsed = JSON.parse(exported.stdout) as typeof profile;
    expect(parsed.accounts[0]).toMatchObject({ username: '{login}', services: ['imap'] });

    const run = await ponte(
      [
        'apply',
        await write('exported-login.json', exported.stdout),
        '--email',
        'amministrazione@studio.test',
        '--login',
        marco.login,
        '--password-stdin',
        '--json',
      ],
      { stdin: marco.password, dataDir: join(dir(), 'data-login-marco') },
    );
    expect(run.code, run.stdout).toBe(0);
    const [applied] = JSON.parse(
      (await ponte(['account', 'list', '--json'], { dataDir: join(dir(), 'data-login-marco') })).stdout,
    ) as AccountSummary[];
    expect(applied?.email).toBe('amministrazione@studio.test');
    expect(applied?.credentials.map((credential) => credential.username)).toEqual([marco.login]);
  });
});
