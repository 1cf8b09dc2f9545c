import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Account } from '@core/accounts/account-schema';
import { autoconfigXml } from '@core/targets/autoconfig-export';
import { shownName } from '@core/targets/written-text';
import { NAMED_HOSTILE } from '../../support/hostile-strings';
import { addRigAccount } from '../../support/rig-accounts';
import { ponteWith } from '../../support/run-ponte';
import { readAutoconfigWithThunderbird, type AutoconfigServer } from '../../support/thunderbird';
import { sampleAccount } from '../../unit/core/targets/sample-account';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

// The autoconfig file Ponte exports for IT, read by Thunderbird's own account wizard code (FetchConfig.fromDisk
// and AccountConfig.replaceVariables, as for a file shipped in its isp/ folder): every file Ponte writes is
// accepted and means the servers and logins Ponte meant; what the format cannot express is refused by Ponte
// (exit 1, with the reason) rather than written for Thunderbird to reject.

const rig = inject('rig');
const dir = useTempDir('ponte-tb-autoconfig-', 'all');

// Thunderbird's enums: nsMsgSocketType (3 SSL, 2 always STARTTLS) and nsMsgAuthMethod (3 cleartext password).
const SSL = 3;
const STARTTLS = 2;
const PASSWORD = 3;

/** The sample office account at its own domain (Thunderbird finds a shipped file by the domain's name). */
function accountAt(domain: string, changes: Partial<Account> = {}, mainLogin?: string): Account {
  const base = sampleAccount();
  const email = `anna@${domain}`;
  return {
    ...base,
    email,
    credentials: base.credentials.map((credential) =>
      credential.id === 'main' ? { ...credential, username: mainLogin ?? email } : credential,
    ),
    ...changes,
  };
}

const mailServers = (username: string): { incoming: AutoconfigServer[]; outgoing: AutoconfigServer[] } => ({
  incoming: [
    { type: 'imap', hostname: 'mail.studio-rossi.ch', port: 993, socketType: SSL, auth: PASSWORD, username },
  ],
  outgoing: [
    {
      type: 'smtp',
      hostname: 'mail.studio-rossi.ch',
      port: 587,
      socketType: STARTTLS,
      auth: PASSWORD,
      username,
    },
  ],
});

describe('Ponte’s autoconfig export, read by Thunderbird', () => {
  it('every name, however hostile, gives a file Thunderbird accepts, showing the name Ponte meant', async () => {
    const accounts = NAMED_HOSTILE.map((name, index) =>
      accountAt(`h${index}.example`, { displayName: name }),
    );
    const readings = await readAutoconfigWithThunderbird(
      accounts.map((account) => ({
        domain: account.email.split('@')[1] ?? '',
        xml: autoconfigXml(account),
        email: account.email,
        realname: 'Anna Rossi',
      })),
    );
    readings.forEach((reading, index) => {
      const account = accounts[index] as Account;
      const domain = account.email.split('@')[1] ?? '';
      expect(reading, account.displayName).toEqual({
        displayName: shownName(account.displayName, domain, 'xml').value,
        ...mailServers(account.email),
        identity: { realname: 'Anna Rossi', emailAddress: account.email },
      });
    });
  }, 60_000);

  it('a login that is the local part is filled in for each address at the domain; another login stays', async () => {
    const local = accountAt('local.example', {}, 'anna');
    const other = accountAt('other.example', {}, 'AB12345');
    const [forMarco, forOther] = await readAutoconfigWithThunderbird([
      { domain: 'local.example', xml: autoconfigXml(local), email: 'marco@local.example', realname: 'Marco' },
      { domain: 'other.example', xml: autoconfigXml(other), email: 'anna@other.example', realname: 'Anna' },
    ]);
    expect(forMarco).toMatchObject(mailServers('marco'));
    expect(forOther).toMatchObject(mailServers('AB12345'));
  }, 60_000);

  it('an account without an outgoing server is refused with the reason, and no file is written', async () => {
    const anna = rigUser(rig, 0);
    const ponte = ponteWith(() => ({ dataDir: join(dir(), 'data'), home: dir() }));
    const account = await addRigAccount(ponte, rig, anna, ['imap']);
    const file = join(dir(), 'autoconfig.xml');
    const refused = await ponte(['configure', account.id, '--target', 'autoconfig', '--out', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('no SMTP server');
    await expect(access(file)).rejects.toThrow();
    await ponte(['account', 'remove', account.id]);
  }, 60_000);
});
