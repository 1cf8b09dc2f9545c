import type { z } from 'zod';
import { type Profile, profileSchema } from './profile-schema';

export interface ProfileProblem {
  /** RFC 6901 JSON Pointer to the value at fault ("" for the whole file). */
  pointer: string;
  message: string;
}

export type ProfileCheck = { ok: true; profile: Profile } | { ok: false; problems: ProfileProblem[] };

// A key that names a secret is refused wherever it is, before any other check: a profile is copied around by
// e-mail and USB stick, and a password in one must never be accepted, not even ignored.
const secretKey = /pass(word|wd|phrase)?$|^pwd$|secret|token|credentials?$/i;

const pointer = (path: readonly PropertyKey[]): string =>
  path.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

function secretsIn(value: unknown, path: PropertyKey[] = []): ProfileProblem[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => secretsIn(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    // `credential` (kind and lifetime of the account's password) is allowed; its own keys are checked.
    secretKey.test(key) && key !== 'credential'
      ? [
          {
            pointer: pointer([...path, key]),
            message:
              'a profile never holds a password or other secret; give it to ponte apply --password-stdin',
          },
        ]
      : secretsIn(inner, [...path, key]),
  );
}

const issueProblem = (issue: z.core.$ZodIssue): ProfileProblem => ({
  pointer: pointer(issue.path),
  message: issue.message,
});

/**
 * A profile file's text → the profile, or every problem with where it is. `knownProvider` says whether a
 * catalogued provider id exists (the catalog is core's, so the caller passes it in).
 */
export function validateProfile(text: string, knownProvider: (id: string) => boolean): ProfileCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ pointer: '', message: `not JSON: ${(error as Error).message}` }] };
  }
  const secrets = secretsIn(raw);
  if (secrets.length > 0) return { ok: false, problems: secrets };
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(issueProblem) };
  const problems: ProfileProblem[] = [];
  const seen = new Set<string>();
  parsed.data.accounts.forEach((template, index) => {
    if (seen.has(template.key))
      problems.push({
        pointer: `/accounts/${index}/key`,
        message: `the key "${template.key}" is used twice`,
      });
    seen.add(template.key);
    if (template.provider !== undefined && !knownProvider(template.provider)) {
      problems.push({
        pointer: `/accounts/${index}/provider`,
        message: `unknown provider "${template.provider}" (ponte providers lists them)`,
      });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, profile: parsed.data };
}
