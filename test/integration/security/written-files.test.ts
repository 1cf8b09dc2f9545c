import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '@core/accounts/account-schema';
import { formatKeyFile } from '@core/targets/evolution/key-file';
import { autoconfigXml } from '@core/targets/autoconfig-export';
import { mobileconfig } from '@core/targets/mobileconfig';
import { shownName } from '@core/targets/written-text';
import { fuzzSeed, hostileString, NAMED_HOSTILE, noFileCanHold } from '../../support/hostile-strings';
import { isRefusal, parseBack, type ParsedBack } from '../../support/parse-back';
import { sampleAccount } from '../../unit/core/targets/sample-account';

// Hostile strings through the writers, read back by the parsers the other programs use: GLib's GKeyFile
// (evolution-data-server's sources) and expat (plistlib for .mobileconfig, ElementTree for autoconfig). Each
// value is either read back exactly as meant, or refused by Ponte before anything is written — never read as
// something else, never a file the parser refuses, never an extra group, key or element.

const samples = (count: number): string[] => [
  ...NAMED_HOSTILE,
  ...fc.sample(hostileString, { seed: fuzzSeed(), numRuns: count }),
];

function written<T>(values: string[], write: (value: string) => T): { value: string; output: T }[] {
  const kept: { value: string; output: T }[] = [];
  for (const value of values) {
    try {
      kept.push({ value, output: write(value) });
    } catch (error) {
      // Refusing is allowed only with Ponte's own error, never a library's bare throw.
      expect(error).toMatchObject({ code: 'UNWRITABLE_VALUE' });
    }
  }
  return kept;
}

describe('what Ponte writes, read back by the parsers other programs use', () => {
  it('GLib reads every Evolution source value exactly as written, and no other group or key', async () => {
    const values = samples(400);
    const files = written(values, (value) =>
      formatKeyFile({
        'Data Source': { DisplayName: value, Enabled: true, Parent: 'caldav-stub' },
        Authentication: { User: value, Port: 443 },
      }),
    );
    // Only what no UTF-8 file can hold, and a leading blank GLib has no escape for, is refused.
    expect(files.map((file) => file.value)).toEqual(
      values.filter((value) => !noFileCanHold(value) && !/^[\v\f]/u.test(value)),
    );
    const parsed = await parseBack(
      'keyfile',
      files.map((file) => file.output),
    );
    parsed.forEach((result: ParsedBack, index) => {
      const value = files[index]?.value ?? '';
      expect(result, JSON.stringify(value)).toEqual({
        'Data Source': { DisplayName: value, Enabled: 'true', Parent: 'caldav-stub' },
        Authentication: { User: value, Port: '443' },
      });
    });
  });

  const accountWith = (value: string): Account => {
    const account = sampleAccount();
    return {
      ...account,
      displayName: value,
      credentials: account.credentials.map((credential) =>
        credential.id === 'sync' ? { ...credential, username: value } : credential,
      ),
    };
  };

  it('plistlib reads every .mobileconfig: names as cleaned, user names exactly or refused', async () => {
    const profiles = written(samples(300), (value) => mobileconfig(accountWith(value)));
    expect(profiles.length).toBeGreaterThan(100);
    const parsed = await parseBack(
      'plist',
      profiles.map((profile) => profile.output),
    );
    parsed.forEach((result, index) => {
      const value = profiles[index]?.value ?? '';
      expect(isRefusal(result), JSON.stringify(result)).toBe(false);
      const name = shownName(value, 'anna@studio-rossi.ch', 'xml').value;
      expect(result).toMatchObject({
        PayloadType: 'Configuration',
        PayloadDisplayName: `${name} (Ponte)`,
        PayloadContent: [
          { CalDAVUsername: value, CalDAVAccountDescription: name },
          { CardDAVUsername: value },
          { EmailAddress: 'anna@studio-rossi.ch', EmailAccountName: name },
        ],
      });
      expect((result as { PayloadContent: unknown[] }).PayloadContent).toHaveLength(3);
    });
  });

  it('expat reads every name of an autoconfig file as meant, carriage returns included', async () => {
    // Names alone: the test below also puts each value into a user name, which refuses every control character.
    const names = samples(300);
    const files = written(names, (value) => autoconfigXml({ ...sampleAccount(), displayName: value }));
    expect(files).toHaveLength(names.length);
    const parsed = await parseBack(
      'xml',
      files.map((file) => file.output),
    );
    parsed.forEach((result, index) => {
      const name = shownName(files[index]?.value ?? '', 'studio-rossi.ch', 'xml').value;
      const provider = (result as { children: { children: { tag: string; text: string }[] }[] }).children[0];
      expect(
        provider?.children.find((child) => child.tag === 'displayName')?.text,
        JSON.stringify(name),
      ).toBe(name);
    });
  });

  it('expat reads every autoconfig file with the one provider, its name as cleaned and nothing added', async () => {
    const files = written(samples(300), (value) => autoconfigXml(accountWith(value)));
    const parsed = await parseBack(
      'xml',
      files.map((file) => file.output),
    );
    parsed.forEach((result, index) => {
      const value = files[index]?.value ?? '';
      expect(isRefusal(result), JSON.stringify(result)).toBe(false);
      const document = result as {
        tag: string;
        children: { tag: string; children: { tag: string; text: string }[] }[];
      };
      expect(document.tag).toBe('clientConfig');
      expect(document.children.map((child) => child.tag)).toEqual([
        'emailProvider',
        'addressBook',
        'calendar',
      ]);
      const provider = document.children[0]?.children ?? [];
      const name = shownName(value, 'studio-rossi.ch', 'xml').value;
      expect(provider.find((child) => child.tag === 'displayName')?.text).toBe(name);
      expect(provider.map((child) => child.tag)).toEqual([
        'domain',
        'displayName',
        'displayShortName',
        'incomingServer',
        'outgoingServer',
      ]);
      const calendar = document.children[2]?.children ?? [];
      // An empty user name is the address itself, written as Mozilla's placeholder.
      expect(calendar.find((child) => child.tag === 'username')?.text).toBe(
        value === '' ? '%EMAILADDRESS%' : value,
      );
    });
  });
});
