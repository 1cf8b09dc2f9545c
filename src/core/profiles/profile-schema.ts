import { z } from 'zod';
import { LANGUAGES } from '@shared/i18n/languages';
import { LOCKABLE_SETTINGS, reminderDaysSchema } from '@shared/settings-schema';
import { TARGET_KINDS } from '@shared/targets';
import { SERVICE_KINDS } from '@shared/verify';
import { ENDPOINT_SPEC } from '@shared/endpoint-spec';

// An IT provisioning profile (version 1): how an organisation's accounts are set up on a machine, written
// once and applied with `ponte apply`. It never holds a secret; the published JSON Schema is generated from
// this (resources/profiles/profile-v1.schema.json).

/** Placeholders a profile may use in user names, display names and addresses. */
export const PROFILE_PLACEHOLDERS = ['{email}', '{login}', '{localpart}', '{domain}'] as const;

const withPlaceholders = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine(
      (value) =>
        (value.match(/\{[^}]*\}/g) ?? []).every((p) =>
          (PROFILE_PLACEHOLDERS as readonly string[]).includes(p),
        ),
      {
        message: `only ${PROFILE_PLACEHOLDERS.join(', ')} may appear in braces`,
      },
    );

const endpointSpec = z.string().regex(ENDPOINT_SPEC, 'HOST:PORT, or HOST:PORT/starttls');
const httpsTemplate = withPlaceholders(2048).refine((value) => /^https:\/\/[^\s/]+/.test(value), {
  message: 'an https:// address',
});
const collectionChoice = z.union([z.literal('all'), z.array(z.string().min(1).max(200)).min(1).max(100)]);
const providerId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .max(64);

export const accountTemplateSchema = z
  .object({
    /** The template's own name in the profile; an applied account remembers it. */
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .max(40),
    displayName: withPlaceholders(120).optional(),
    /** A catalogued provider (its servers, app-password rules)… */
    provider: providerId.optional(),
    /** …or the servers themselves. */
    servers: z
      .object({
        imap: endpointSpec.optional(),
        smtp: endpointSpec.optional(),
        caldav: httpsTemplate.optional(),
        carddav: httpsTemplate.optional(),
        webdav: httpsTemplate.optional(),
      })
      .strict()
      .optional(),
    /** The login, e.g. `{email}` (the default) or `{login}` (given with --login). */
    username: withPlaceholders(320).default('{email}'),
    /** Which services to set up; default: every one the provider or the servers offer. */
    services: z.array(z.enum(SERVICE_KINDS)).min(1).optional(),
    credential: z
      .object({
        kind: z.enum(['app-password', 'mailbox-password', 'account-password']).default('app-password'),
        lifetimeDays: z.number().int().min(1).max(3650).nullable().optional(),
      })
      .strict()
      .optional(),
    pec: z.boolean().optional(),
    /** A private CA for in-house servers (PEM); public servers need none. */
    caPem: z.string().max(65_536).includes('-----BEGIN CERTIFICATE-----').optional(),
    calendars: collectionChoice.optional(),
    addressBooks: collectionChoice.optional(),
    /** What to set up on the machine once the account is saved. */
    targets: z.array(z.enum(TARGET_KINDS)).optional(),
    /** Also write the account's .mobileconfig (no password inside) into this folder, for Macs and iPhones. */
    mobileconfig: z
      .object({
        folder: withPlaceholders(1024).refine(
          (value) => value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value),
          { message: 'a full path' },
        ),
      })
      .strict()
      .optional(),
    /** The drive (target `mount`): on Windows, the letter it is mapped to (GVfs and macOS name their own place). */
    drive: z
      .object({ letter: z.string().regex(/^[D-Zd-z]:?$/, 'a drive letter from D: to Z:') })
      .strict()
      .optional(),
  })
  .strict()
  .refine((template) => (template.provider === undefined) !== (template.servers === undefined), {
    message: 'give either provider or servers, not both',
  });

export const profileSchema = z
  .object({
    $schema: z.string().optional(),
    profileVersion: z.literal(1),
    organisation: z
      .object({
        name: z.string().min(1).max(200),
        support: z
          .object({
            email: z.email().optional(),
            phone: z.string().max(40).optional(),
            url: z.url().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    accounts: z.array(accountTemplateSchema).min(1).max(20),
    settings: z
      .object({
        language: z.enum(['auto', ...LANGUAGES]).optional(),
        reminderDays: z.optional(reminderDaysSchema),
        startAtLogin: z.boolean().optional(),
        reconnectDrives: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** Settings people on this machine may not change in the app. */
    locked: z.array(z.enum(LOCKABLE_SETTINGS)).optional(),
  })
  .strict();

export type Profile = z.output<typeof profileSchema>;
export type AccountTemplate = z.output<typeof accountTemplateSchema>;

/** The profile's JSON Schema as published in resources/profiles/profile-v1.schema.json. */
export function profileJsonSchema(): string {
  const schema = z.toJSONSchema(profileSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Ponte provisioning profile, version 1' }, null, 2)}\n`;
}
