import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileJsonSchema } from '@core/profiles/profile-schema';
import { validateProfile } from '@core/profiles/validate-profile';

const dir = join(__dirname, '../../../../resources/profiles');
const known = (id: string): boolean => ['aruba-pec', 'infomaniak'].includes(id);

const base = {
  profileVersion: 1,
  organisation: { name: 'Studio Rossi' },
  accounts: [
    { key: 'mail', servers: { imap: 'mail.example.com:993', smtp: 'mail.example.com:587/starttls' } },
  ],
};
const check = (value: unknown) => validateProfile(JSON.stringify(value), known);
const problems = (value: unknown) => {
  const result = check(value);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('provisioning profiles', () => {
  it('the published JSON Schema matches the code (run `npm run catalog:schema` after changing it)', async () => {
    const published = await readFile(join(dir, 'profile-v1.schema.json'), 'utf8');
    expect(JSON.parse(published)).toEqual(JSON.parse(profileJsonSchema()));
  });

  it('the shipped example is valid, with its defaults filled in', async () => {
    const result = validateProfile(
      await readFile(join(dir, 'examples/studio-aruba-pec.json'), 'utf8'),
      known,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.profile.accounts[0]).toMatchObject({
      key: 'pec',
      provider: 'aruba-pec',
      username: '{email}',
    });
    expect(result.profile.locked).toEqual(['reminderDays']);
  });

  it('refuses any password or secret, wherever it is, with where it is', () => {
    expect(problems({ ...base, accounts: [{ ...base.accounts[0], password: 'x' }] })).toEqual([
      { pointer: '/accounts/0/password', message: expect.stringContaining('never holds a password') },
    ]);
    expect(problems({ ...base, organisation: { name: 'S', appPassword: 'x' } })[0]?.pointer).toBe(
      '/organisation/appPassword',
    );
    expect(problems({ ...base, extra: [{ token: 'x' }] })[0]?.pointer).toBe('/extra/0/token');
    // The credential's kind and lifetime are not a secret.
    expect(
      check({ ...base, accounts: [{ ...base.accounts[0], credential: { kind: 'app-password' } }] }).ok,
    ).toBe(true);
  });

  it.each([
    ['no organisation name', { ...base, organisation: {} }, '/organisation/name'],
    [
      'an unknown placeholder',
      { ...base, accounts: [{ ...base.accounts[0], username: '{user}' }] },
      '/accounts/0/username',
    ],
    [
      'a bad endpoint',
      { ...base, accounts: [{ key: 'mail', servers: { imap: 'mail.example.com' } }] },
      '/accounts/0/servers/imap',
    ],
    [
      'an http address',
      { ...base, accounts: [{ key: 'd', servers: { webdav: 'http://dav.example.com/' } }] },
      '/accounts/0/servers/webdav',
    ],
    [
      'provider and servers both',
      { ...base, accounts: [{ ...base.accounts[0], provider: 'aruba-pec' }] },
      '/accounts/0',
    ],
    ['an unknown provider', { ...base, accounts: [{ key: 'x', provider: 'nope' }] }, '/accounts/0/provider'],
    ['a key used twice', { ...base, accounts: [base.accounts[0], base.accounts[0]] }, '/accounts/1/key'],
    ['an unknown field', { ...base, colour: 'blue' }, ''],
    ['another version', { ...base, profileVersion: 2 }, '/profileVersion'],
    ['a setting that cannot be locked', { ...base, locked: ['accounts'] }, '/locked/0'],
  ])('%s: the problem and its JSON pointer', (_name, value, pointer) => {
    expect(problems(value).map((problem) => problem.pointer)).toContain(pointer);
  });

  it('not JSON at all', () => {
    expect(validateProfile('{ "profileVersion": 1,', known)).toEqual({
      ok: false,
      problems: [{ pointer: '', message: expect.stringMatching(/^not JSON/) }],
    });
  });
});
