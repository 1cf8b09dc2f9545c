import { randomBytes } from 'node:crypto';
import { runCommand } from './run-command';

export interface RigAccount {
  email: string;
  login: string;
  password: string;
  localPart: string;
}

export const rigDomain = 'ponte.test';

// `rota` is for the lifecycle tests alone: they change its password on the servers (rig-passwords.ts).
// `paola` is the PEC tests' sender: receipts pile up in her box, away from the others'. `ugo`'s box is filled
// nearly full by the quota test; `vera`'s old messages are archived (and her drive receives them).
const localParts = ['anna', 'marco', 'rota', 'paola', 'ugo', 'vera'];

/** Fresh accounts per run: base64url passwords need no quoting in any of the servers' files. */
export function createAccounts(): RigAccount[] {
  return localParts.map((localPart) => {
    const email = `${localPart}@${rigDomain}`;
    return { email, login: email, password: randomBytes(18).toString('base64url'), localPart };
  });
}

/** An htpasswd file body with bcrypt hashes, which both Radicale and Apache read. */
export async function bcryptHtpasswd(accounts: readonly RigAccount[]): Promise<string> {
  // Cost 5 keeps each login check fast; these hashes guard throwaway passwords.
  const lines = await Promise.all(
    accounts.map((account) =>
      runCommand('htpasswd', ['-niB', '-C', '5', account.login], { input: `${account.password}\n` }),
    ),
  );
  return lines.map((line) => line.trim()).join('\n') + '\n';
}
