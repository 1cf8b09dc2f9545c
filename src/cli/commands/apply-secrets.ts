import { z } from 'zod';
import type { ApplyInput } from '@core/profiles/apply-profile';
import { normalizePastedPassword } from '@shared/normalize-password';
import { MAIN_CREDENTIAL } from '@shared/verify';
import { parseJsonLines } from '../json-lines';

const line = z
  .object({
    account: z.string().min(1).max(40).optional(),
    credential: z.string().min(1).max(32).optional(),
    username: z.string().trim().min(1).max(320).optional(),
    password: z.string().min(1).max(1024),
  })
  .strict();

/**
 * `ponte apply`'s standard input: one password (for every account's main credential), or JSON lines
 * `{"account":"pec","credential":"main","password":"…"}` — `account` left out means every account,
 * `credential` left out means the main one. A line that does not parse is named by its number only: it may
 * hold a password.
 */
export function parseApplySecrets(text: string, badLine: (line: number) => string): ApplyInput['secret'] {
  if (!text.trimStart().startsWith('{')) {
    const password = normalizePastedPassword(text);
    return (_account, credential) => (credential === MAIN_CREDENTIAL && password ? { password } : undefined);
  }
  const entries = parseJsonLines(text, line, badLine);
  return (account, credential) => {
    const found =
      entries.find((e) => e.account === account && (e.credential ?? MAIN_CREDENTIAL) === credential) ??
      entries.find((e) => e.account === undefined && (e.credential ?? MAIN_CREDENTIAL) === credential);
    return found
      ? {
          password: normalizePastedPassword(found.password),
          ...(found.username ? { username: found.username } : {}),
        }
      : undefined;
  };
}
