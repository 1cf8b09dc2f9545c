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

/** Walked with a stack of its own, not by recursion: a hostile file nested 100 000 deep must not crash. */
function secretsIn(root: unknown): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const pending: { value: unknown; path: PropertyKey[] }[] = [{ value: root, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (path.length > MAX_DEPTH) {
      return [{ pointer: pointer(path), message: `nested more than ${MAX_DEPTH} levels deep` }];
    }
    if (Array.isArray(value))
      value.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        // `credential` (kind and lifetime of the account's password) is allowed; its own keys are checked.
        if (secretKey.test(key) && key !== 'credential') {
          problems.push({
            pointer: pointer([...path, key]),
            message:
              'a profile never holds a password or other secret; give it to ponte apply --password-stdin',
          });
        } else pending.push({ value: inner, path: [...path, key] });
      }
    }
  }
  return problems.sort((a, b) => a.pointer.localeCompare(b.pointer));
}

/** A profile is a few levels deep and a few kilobytes; these bounds keep a hostile file cheap to refuse. */
const MAX_DEPTH = 16;
const MAX_PROFILE_CHARS = 1_000_000;

const issueProblem = (issue: z.core.$ZodIssue): ProfileProblem => ({
  pointer: pointer(issue.path),
  message: issue.message,
});

/**
 * A profile file's text → the profile, or every problem with where it is. `knownProvider` says whether a
 * catalogued provider id exists (the catalog is core's, so the caller passes it in).
 */
export function validateProfile(text: string, knownProvider: (id: string) => boolean): ProfileCheck {
  if (text.length > MAX_PROFILE_CHARS) {
    return { ok: false, problems: [{ pointer: '', message: `larger than ${MAX_PROFILE_CHARS} characters` }] };
  }
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
