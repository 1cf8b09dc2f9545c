import type { ProviderCredential } from '@shared/discovery';
import { filledUsername } from '@shared/discovery-settings';
import { normalizePastedPassword } from '@shared/normalize-password';
import { z } from 'zod';
import { UsageError } from '../parse-args';
import { parseJsonLines } from '../json-lines';
import { promptHidden, promptLine, readPasswordFromStream } from '../read-password';
import type { VerifyContext } from './verify-command';

export interface EnteredCredential {
  id: string;
  username: string;
  password: string;
}

const line = z
  .object({
    credential: z.string().min(1).max(32),
    username: z.string().trim().min(1).max(320).optional(),
    password: z.string().min(1).max(1024),
  })
  .strict();

/**
 * The passwords of a provider that wants several (Infomaniak): on stdin as JSON lines
 * (`{"credential":"sync","username":"AB12345","password":"…"}`, one per credential), or asked for one by one
 * on a terminal (a user name too where the catalog has none to offer).
 */
export async function readCredentials(
  credentials: readonly ProviderCredential[],
  fromStdin: boolean,
  context: VerifyContext,
): Promise<EnteredCredential[]> {
  const { io, t } = context;
  const label = (credential: ProviderCredential): string =>
    credential.label[context.language as keyof ProviderCredential['label']] ?? credential.label.en;
  if (fromStdin) {
    const text = await readPasswordFromStream(io.stdin, 64 * 1024);
    const given = new Map(
      parseJsonLines(text, line, (number) => t('accounts.cli.badCredentialLine', { line: number })).map(
        (entry) => [entry.credential, entry],
      ),
    );
    return credentials.map((credential) => {
      const entry = given.get(credential.id);
      const username = entry?.username ?? filledUsername(credential);
      if (!entry || username === '') {
        throw new UsageError(
          t('accounts.cli.missingCredential', { id: credential.id, label: label(credential) }),
        );
      }
      return { id: credential.id, username, password: normalizePastedPassword(entry.password) };
    });
  }
  if (!io.stdinIsTty) throw new UsageError(t('verify.cli.missingPassword'));
  const entered: EnteredCredential[] = [];
  for (const credential of credentials) {
    const username =
      filledUsername(credential) ||
      (await promptLine(
        t('accounts.cli.usernamePrompt', { label: label(credential) }),
        io.stdin,
        io.promptOutput,
      ));
    const password = normalizePastedPassword(
      await promptHidden(
        t('accounts.cli.credentialPrompt', { label: label(credential), user: username }),
        io.stdin,
        io.promptOutput,
      ),
    );
    if (username.trim() === '' || password === '') throw new UsageError(t('verify.cli.emptyPassword'));
    entered.push({ id: credential.id, username: username.trim(), password });
  }
  return entered;
}
