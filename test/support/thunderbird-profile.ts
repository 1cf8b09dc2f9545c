import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatUserPrefLine } from '@core/targets/formats/libpref';

/** A person's Thunderbird before Ponte: one IMAP account of their own, with its SMTP server. */
export const OWN_ACCOUNT_PREFS = [
  ['mail.accountmanager.accounts', 'account1'],
  ['mail.accountmanager.defaultaccount', 'account1'],
  ['mail.account.account1.server', 'server1'],
  ['mail.account.account1.identities', 'id1'],
  ['mail.server.server1.type', 'imap'],
  ['mail.server.server1.hostname', 'imap.own.example'],
  ['mail.server.server1.port', 993],
  ['mail.server.server1.userName', 'me@own.example'],
  ['mail.server.server1.socketType', 3],
  ['mail.identity.id1.useremail', 'me@own.example'],
  ['mail.identity.id1.smtpServer', 'smtp1'],
  ['mail.smtpservers', 'smtp1'],
  ['mail.smtp.defaultserver', 'smtp1'],
  ['mail.smtpserver.smtp1.hostname', 'smtp.own.example'],
  ['mail.smtpserver.smtp1.port', 465],
] as const;

/** A profile folder whose prefs.js holds exactly `prefs` (in libpref's grammar); returns the folder. */
export async function writeProfile(
  profile: string,
  prefs: readonly (readonly [string, string | number | boolean])[] = OWN_ACCOUNT_PREFS,
): Promise<string> {
  await mkdir(profile, { recursive: true });
  await writeFile(
    join(profile, 'prefs.js'),
    prefs.map(([key, value]) => `${formatUserPrefLine(key, value)}\n`).join(''),
  );
  return profile;
}
