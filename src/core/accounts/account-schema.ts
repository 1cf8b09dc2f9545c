import { z } from 'zod';
import { selectionSchema } from '@shared/selection-schema';
import { configuredTargetSchema } from '../targets/plan-schema';
import { SERVICE_KINDS, VERIFY_CODES } from '@shared/verify';

// accounts.json: everything about an account except its secrets, which live in the keychain under
// `account:<account id>:<credential id>`.

const endpoint = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535),
    security: z.enum(['tls', 'starttls']),
  })
  .strict();

const mail = z.object({ endpoint, credential: z.string() }).strict();
const dav = z.object({ url: z.string().url(), credential: z.string() }).strict();

export const credentialSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    kind: z.enum(['app-password', 'mailbox-password', 'account-password']),
    username: z.string().min(1),
    createdAt: z.iso.datetime(),
    lifetimeDays: z.number().int().positive().nullable(),
    /** The provider extended it (Aruba PEC: another 3 months); its lifetime counts from here. */
    extendedAt: z.iso.datetime().optional(),
  })
  .strict();

export const accountSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string().min(1),
    email: z.string().min(3),
    providerId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    credentials: z.array(credentialSchema).min(1),
    services: z
      .object({
        imap: mail.optional(),
        smtp: mail.optional(),
        caldav: dav.optional(),
        carddav: dav.optional(),
        webdav: dav.optional(),
      })
      .strict(),
    selection: selectionSchema.optional(),
    /** An Italian certified-mail (PEC) box: receipts to test, a small quota to watch. */
    pec: z.boolean().optional(),
    /** Set up by `ponte apply` from an IT profile: which organisation, which of its account templates. */
    provisioned: z.object({ organisation: z.string(), key: z.string() }).strict().optional(),
    /** What Ponte set up on this machine for the account, with how to take it back. */
    targets: z.array(configuredTargetSchema).optional(),
    lastCheck: z
      .object({
        at: z.iso.datetime(),
        results: z.array(
          z
            .object({
              service: z.enum(SERVICE_KINDS),
              status: z.enum(['ok', 'failed']),
              code: z.enum(VERIFY_CODES).nullable(),
            })
            .strict(),
        ),
        quota: z
          .object({
            usedBytes: z.number().nonnegative(),
            limitBytes: z.number().positive().optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    trust: z
      .object({
        caPem: z.string().optional(),
        pinned: z.array(z.object({ sha256: z.string(), pem: z.string() }).strict()).optional(),
      })
      .strict(),
  })
  .strict();

export const accountsFileSchema = z.object({ accounts: z.array(accountSchema) }).strict();

export type Account = z.output<typeof accountSchema>;
export type StoredCredential = z.output<typeof credentialSchema>;

/** The keychain entry holding one credential's secret. */
export function secretKey(accountId: string, credentialId: string): string {
  return `account:${accountId}:${credentialId}`;
}
