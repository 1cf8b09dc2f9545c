import { z } from 'zod';

// The provider catalog's file format: one JSON file per provider under resources/providers/. Data, not code:
// adding a provider is adding a file that passes this schema (checked when the catalog loads and in tests;
// resources/providers/provider.schema.json is generated from it for editors and IT).

const languages = ['it', 'fr', 'de', 'en'] as const;

/** Text in every language Ponte speaks. */
const localized = z
  .object(
    Object.fromEntries(languages.map((l) => [l, z.string().min(1)])) as Record<
      (typeof languages)[number],
      z.ZodString
    >,
  )
  .strict();

const localizedSteps = z
  .object(
    Object.fromEntries(languages.map((l) => [l, z.array(z.string().min(1)).min(1)])) as Record<
      (typeof languages)[number],
      z.ZodArray<z.ZodString>
    >,
  )
  .strict();

const hostPattern = z
  .string()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a lower-case host name, optionally starting with "*."');

/** Where a fact comes from: the provider's own help page, or Mozilla's ISPDB file; https only. */
const sourceUrl = z.url().refine((url) => url.startsWith('https://'), 'an https:// URL');

/**
 * Where the provider's customers are, for `ponte providers` and the catalog's coverage: ISO 3166 alpha-2 codes
 * in lower case, or `world` for a provider used everywhere (Gmail, iCloud).
 */
const country = z.union([
  z.string().regex(/^[a-z]{2}$/, 'an ISO 3166 country code in lower case'),
  z.literal('world'),
]);

/** `{email}`, `{localPart}`, `{domain}`, or a placeholder the wizard asks for, e.g. `{kdriveId}`. */
const template = z.string().min(1).max(300);

const source = z.object({
  /** Where the fact comes from (official help page, Mozilla ISPDB file …). */
  source: sourceUrl.optional(),
  /** False when no official source confirms it: the UI says so and lets the user correct it. */
  confirmed: z.boolean(),
});

const mailService = source
  .extend({
    host: template,
    port: z.number().int().min(1).max(65_535),
    security: z.enum(['tls', 'starttls']),
    credential: z.string(),
  })
  .strict();

const davService = source
  .extend({
    /** https only; may contain placeholders. */
    url: template.regex(/^https:\/\//, 'an https:// URL'),
    credential: z.string(),
  })
  .strict();

const credential = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    kind: z.enum(['app-password', 'mailbox-password', 'account-password']),
    /** The user name template for services using this credential. */
    username: template,
    label: localized,
    usernameHint: localized.optional(),
  })
  .strict();

const appPassword = z
  .object({
    /** 'with-2fa': needed once two-factor authentication is on; 'always': needed in any case. */
    required: z.enum(['with-2fa', 'always', 'optional']),
    /**
     * With 'with-2fa': the password programs use while two-step verification is off (Aruba PEC: the mailbox
     * password). Set only where a source says so; the wizard then asks which case applies instead of assuming.
     */
    withoutTwoStep: z.enum(['mailbox-password', 'account-password']).optional(),
    createUrl: sourceUrl,
    /** Days until it stops working (Aruba PEC: 90); null when it does not expire or nobody says. */
    lifetimeDays: z.number().int().positive().nullable(),
    /** The provider can extend it without a new password (Aruba PEC: "posticipa la scadenza"). */
    extendable: z.boolean(),
    maxCount: z.number().int().positive().nullable(),
    /** Whether changing the main password revokes every app password (iCloud, Google: yes). */
    revokedOnPasswordChange: z.boolean().nullable(),
    shownOnce: z.boolean(),
    steps: localizedSteps,
    tips: localizedSteps.optional(),
    confirmed: z.boolean(),
    source: sourceUrl,
  })
  .strict();

const placeholder = z
  .object({
    id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
    label: localized,
    hint: localized.optional(),
    pattern: z.string().min(1),
  })
  .strict();

export const providerSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(1),
    countries: z.array(country).min(1),
    /** E-mail domains the provider hosts (lower case). */
    domains: z.array(hostPattern),
    /** MX hosts that reveal a custom domain hosted here, e.g. `*.mail.infomaniak.ch`. */
    mxPatterns: z.array(hostPattern),
    /** Where the domains and MX patterns come from; required when there are any. */
    domainsSource: sourceUrl.optional(),
    /** Italian certified mail (PEC): receipts, small quotas. */
    pec: z.boolean(),
    /** Hosts DAV redirects may lead to beyond those in the service URLs (`*.icloud.com`). */
    confirmedHosts: z.array(hostPattern).default([]),
    /** Set for providers Ponte cannot serve (OAuth only): the UI says so and stops. */
    unsupported: z.object({ reason: localized, source: sourceUrl }).strict().optional(),
    credentials: z.array(credential),
    services: z
      .object({
        imap: mailService.optional(),
        smtp: mailService.optional(),
        caldav: davService.optional(),
        carddav: davService.optional(),
        webdav: davService.optional(),
      })
      .strict(),
    placeholders: z.array(placeholder).default([]),
    /** Nextcloud's Login Flow v2: the app password is created in the browser and handed to Ponte, no paste. */
    signIn: z.enum(['nextcloud-login-flow-v2']).optional(),
    appPassword: appPassword.nullable(),
    /**
     * Only the servers are sourced: whether and how the provider uses app passwords could not be, so
     * `appPassword` is null and the wizard says so instead of claiming the mailbox password works.
     */
    serversOnly: z.boolean().default(false),
    notes: localized.optional(),
    /** Said as well when a custom domain is recognised by its MX (Google Workspace: the admin decides). */
    mxNotes: localized.optional(),
  })
  .strict()
  .superRefine((provider, context) => {
    const ids = new Set(provider.credentials.map((c) => c.id));
    for (const [name, service] of Object.entries(provider.services)) {
      if (service && !ids.has(service.credential)) {
        context.addIssue({
          code: 'custom',
          path: ['services', name, 'credential'],
          message: `no credential "${service.credential}" in credentials`,
        });
      }
    }
    const known = new Set(['email', 'localPart', 'domain', ...provider.placeholders.map((p) => p.id)]);
    const templates = [
      ...provider.credentials.map((c) => c.username),
      ...Object.values(provider.services).flatMap((s) => (s ? ['host' in s ? s.host : s.url] : [])),
    ];
    for (const text of templates) {
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
        if (name && !known.has(name)) {
          context.addIssue({
            code: 'custom',
            path: ['placeholders'],
            message: `"{${name}}" is not declared`,
          });
        }
      }
    }
    if ((provider.domains.length > 0 || provider.mxPatterns.length > 0) && !provider.domainsSource) {
      context.addIssue({
        code: 'custom',
        path: ['domainsSource'],
        message: 'domains and MX patterns need a source',
      });
    }
    if (provider.serversOnly && provider.appPassword) {
      context.addIssue({
        code: 'custom',
        path: ['serversOnly'],
        message: 'a servers-only provider has no app-password facts',
      });
    }
    if (provider.appPassword?.withoutTwoStep && provider.appPassword.required !== 'with-2fa') {
      context.addIssue({
        code: 'custom',
        path: ['appPassword', 'withoutTwoStep'],
        message: 'only an app password required with two-step verification has a case without it',
      });
    }
    if (!provider.unsupported && provider.credentials.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['credentials'],
        message: 'a supported provider needs a credential',
      });
    }
  });

export type Provider = z.output<typeof providerSchema>;
