import { z } from 'zod/mini';
import { selectionSchema } from '@shared/selection-schema';
import { configuredTargetSchema } from '../targets/plan-schema';
import { SERVICE_KINDS, VERIFY_CODES } from '@shared/verify';

// accounts.json: everything about an account except its secrets, which live in the keychain under
// `account:<account id>:<credential id>`. zod/mini: every command reads this file (see selection-schema.ts).

const endpoint = z.strictObject({
  host: z.string().check(z.minLength(1)),
  port: z.int().check(z.minimum(1), z.maximum(65_535)),
  security: z.enum(['tls', 'starttls']),
});

const mail = z.strictObject({ endpoint, credential: z.string() });
const dav = z.strictObject({ url: z.url(), credential: z.string() });

export const credentialSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  kind: z.enum(['app-password', 'mailbox-password', 'account-password']),
  username: z.string().check(z.minLength(1)),
  createdAt: z.iso.datetime(),
  lifetimeDays: z.nullable(z.int().check(z.positive())),
  /** The provider extended it (Aruba PEC: another 3 months); its lifetime counts from here. */
  extendedAt: z.optional(z.iso.datetime()),
});

export const accountSchema = z.strictObject({
  id: z.uuid(),
  displayName: z.string().check(z.minLength(1)),
  email: z.string().check(z.minLength(3)),
  providerId: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
  credentials: z.array(credentialSchema).check(z.minLength(1)),
  services: z.strictObject({
    imap: z.optional(mail),
    smtp: z.optional(mail),
    caldav: z.optional(dav),
    carddav: z.optional(dav),
    webdav: z.optional(dav),
  }),
  selection: z.optional(selectionSchema),
  /** An Italian certified-mail (PEC) box: receipts to test, a small quota to watch. */
  pec: z.optional(z.boolean()),
  /** Set up by `ponte apply` from an IT profile: which organisation, which of its account templates. */
  provisioned: z.optional(z.strictObject({ organisation: z.string(), key: z.string() })),
  /** What Ponte set up on this machine for the account, with how to take it back. */
  targets: z.optional(z.array(configuredTargetSchema)),
  lastCheck: z.optional(
    z.strictObject({
      at: z.iso.datetime(),
      results: z.array(
        z.strictObject({
          service: z.enum(SERVICE_KINDS),
          status: z.enum(['ok', 'failed']),
          code: z.nullable(z.enum(VERIFY_CODES)),
        }),
      ),
      quota: z.optional(
        z.strictObject({
          usedBytes: z.number().check(z.nonnegative()),
          limitBytes: z.optional(z.number().check(z.positive())),
        }),
      ),
    }),
  ),
  trust: z.strictObject({
    caPem: z.optional(z.string()),
    pinned: z.optional(z.array(z.strictObject({ sha256: z.string(), pem: z.string() }))),
  }),
});

export const accountsFileSchema = z.strictObject({ accounts: z.array(accountSchema) });

export type Account = z.output<typeof accountSchema>;
export type StoredCredential = z.output<typeof credentialSchema>;

/** The keychain entry holding one credential's secret. */
export function secretKey(accountId: string, credentialId: string): string {
  return `account:${accountId}:${credentialId}`;
}
