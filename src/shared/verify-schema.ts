import { z } from 'zod';
import { MAIN_CREDENTIAL, SERVICE_KINDS, type VerifyRequest } from './verify';

// Bounds for what the UI (or the CLI) may ask the engine to check. Kept out of verify.ts so code that only
// needs the types does not pull in the schema library.

const hostName = z
  .string()
  .min(1)
  .max(253)
  // Names, IPv4, and bracket-free IPv6: no scheme, path, port or spaces.
  .regex(/^[A-Za-z0-9.\-:_]+$/);

const endpoint = z
  .object({
    host: hostName,
    port: z.number().int().min(1).max(65_535),
    security: z.enum(['tls', 'starttls']),
  })
  .strict();

// https only at the boundary too: core would refuse an http URL (INSECURE_URL), but nothing should ask it to.
const httpsUrl = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'not an https URL');

export const credentialIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .max(32);

const username = z.string().trim().min(1).max(320);

export const verifyRequestSchema = z
  .object({
    username,
    imap: endpoint.optional(),
    smtp: endpoint.optional(),
    caldav: z.object({ url: httpsUrl }).strict().optional(),
    carddav: z.object({ url: httpsUrl }).strict().optional(),
    webdav: z.object({ url: httpsUrl, writeTest: z.boolean().optional() }).strict().optional(),
    caPem: z.string().max(65_536).includes('-----BEGIN CERTIFICATE-----').optional(),
    pinned: z
      .array(
        z
          .object({
            sha256: z.string().regex(/^([0-9A-Fa-f]{2}:?){32}$/),
            pem: z.string().max(16_384).includes('-----BEGIN CERTIFICATE-----'),
          })
          .strict(),
      )
      .max(10)
      .optional(),
    timeoutSeconds: z.number().int().min(1).max(300).optional(),
    credentials: z
      .array(z.object({ id: credentialIdSchema.refine((id) => id !== MAIN_CREDENTIAL), username }).strict())
      .max(5)
      .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'credential ids repeat')
      .optional(),
    use: z.partialRecord(z.enum(SERVICE_KINDS), credentialIdSchema).optional(),
  })
  .strict()
  .refine(
    (request) => Boolean(request.imap ?? request.smtp ?? request.caldav ?? request.carddav ?? request.webdav),
    'no service to check',
  )
  .refine(
    (request) =>
      Object.values(request.use ?? {}).every(
        (id) => id === MAIN_CREDENTIAL || request.credentials?.some((c) => c.id === id),
      ),
    'a service uses a credential the request does not name',
  ) satisfies z.ZodType<VerifyRequest>;

/** Pasted passwords: bounded, never trimmed here (the wizard normalises grouped app passwords itself). */
export const passwordSchema = z.string().min(1).max(1024);

/** Passwords of a request's further credentials, by credential id. */
export const passwordsSchema = z.record(credentialIdSchema, passwordSchema).optional();

export const operationIdSchema = z.uuid();
