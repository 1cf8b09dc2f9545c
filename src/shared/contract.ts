// The IPC contract: every call the UI can make, its input schema (validated by whoever receives it) and its
// result type. Main, preload, renderer and the browser bridge are all typed from this one map.
import { z } from 'zod';
import type { Channel } from './channels';
import type { Envelope } from './error-codes';
import { LANGUAGES } from './i18n/languages';
import type { DiscoveryResult } from './discovery';
import type { PecTestStatus } from './pec';
import type { ProfileImport } from './profile';
import type { ArchiveStatus } from './pec-archive';
import type {
  AccountSummary,
  AppInfo,
  AppPasswordGuide,
  DoctorReport,
  LoginFlowStatus,
  PasswordChange,
  ProviderSummary,
  Settings,
} from './models';
import { selectionSchema } from './selection-schema';
import { type PhoneSetup, TARGET_KINDS, type TargetAvailability, type TargetOutcome } from './targets';
import { reminderDaysSchema } from './settings-schema';
import type { VerifyProgress } from './verify';
import {
  credentialIdSchema,
  operationIdSchema,
  passwordSchema,
  passwordsSchema,
  verifyRequestSchema,
} from './verify-schema';

interface CallSpec<I extends z.ZodType, R> {
  input: I;
  /** Phantom: carries the result type, never set at run time. */
  readonly result?: R;
}

function call<R>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, R> => ({ input });
}

const noInput = z.undefined();
const credentialKind = z.enum(['app-password', 'mailbox-password', 'account-password']);
const lifetimeDays = z.number().int().min(1).max(3650).nullable().optional();
/** Instead of a typed password: the one a granted Nextcloud sign-in gave core. */
const loginFlowId = z.uuid().optional();
const onePassword = (input: { password?: string | undefined; loginFlowId?: string | undefined }): boolean =>
  (input.password === undefined) !== (input.loginFlowId === undefined);

export const contract = {
  'app:info': call<AppInfo>()(noInput),
  'settings:get': call<Settings>()(noInput),
  'settings:update': call<Settings>()(
    z
      .object({
        language: z.enum(['auto', ...LANGUAGES]).optional(),
        reminderDays: z.optional(reminderDaysSchema),
        startAtLogin: z.boolean().optional(),
        reconnectDrives: z.boolean().optional(),
      })
      .strict(),
  ),
  'accounts:list': call<AccountSummary[]>()(noInput),
  // Only URLs on the allow-list open; main checks again, the schema only bounds the shape.
  'links:open': call<{ opened: true }>()(z.object({ url: z.string().min(8).max(2048) }).strict()),
  'doctor:run': call<DoctorReport>()(noInput),
  // The password goes in here and nowhere else; no result carries it back.
  'verify:start': call<VerifyProgress>()(
    z
      .object({
        request: verifyRequestSchema,
        password: passwordSchema.optional(),
        loginFlowId,
        passwords: passwordsSchema,
      })
      .strict()
      .refine(onePassword, 'give a password or a Nextcloud sign-in'),
  ),
  'verify:status': call<VerifyProgress>()(
    z.object({ operationId: operationIdSchema, afterVersion: z.number().int().min(0).optional() }).strict(),
  ),
  'verify:cancel': call<VerifyProgress>()(z.object({ operationId: operationIdSchema }).strict()),
  'providers:list': call<ProviderSummary[]>()(noInput),
  // Checked again in core before anything is saved; the password goes to the keychain only.
  'accounts:add': call<AccountSummary>()(
    z
      .object({
        request: verifyRequestSchema,
        password: passwordSchema.optional(),
        loginFlowId,
        email: z.string().trim().min(3).max(320),
        displayName: z.string().trim().max(120).optional(),
        providerId: z
          .string()
          .regex(/^[a-z][a-z0-9-]*$/)
          .max(64)
          .optional(),
        kind: credentialKind.optional(),
        lifetimeDays,
        /** For an app password that already existed: when it was created (its lifetime counts from then). */
        passwordsCreatedAt: z.iso.datetime().optional(),
        passwords: passwordsSchema,
        selection: z.optional(selectionSchema),
        /** A PEC box, as the person said; unsaid, the catalogued provider decides. */
        pec: z.boolean().optional(),
        /** Whether two-step verification is on at the provider, as the person answered. */
        twoStep: z.boolean().optional(),
        /** Kind and lifetime of a further credential, when said explicitly; unsaid, core decides. */
        credentialFacts: z
          .record(credentialIdSchema, z.object({ kind: credentialKind, lifetimeDays }).strict())
          .optional(),
      })
      .strict()
      .refine(onePassword, 'give a password or a Nextcloud sign-in'),
  ),
  // undoTargets: also take back what the account set up here (asked when it set something up).
  'accounts:remove': call<{ removed: true }>()(
    z.object({ id: z.uuid(), undoTargets: z.boolean().optional() }).strict(),
  ),
  // Re-checks a saved account with the password from the keychain; followed with verify:status.
  'accounts:check': call<VerifyProgress>()(z.object({ id: z.uuid() }).strict()),
  // Where this account can be set up on this machine (drive, Thunderbird, Evolution) and where it already is.
  'targets:detect': call<TargetAvailability[]>()(z.object({ id: z.uuid() }).strict()),
  // Sets the account up there (passwords from the keychain, never written into a program); dryRun only plans.
  'targets:configure': call<TargetOutcome>()(
    z.object({ id: z.uuid(), target: z.enum(TARGET_KINDS), dryRun: z.boolean().optional() }).strict(),
  ),
  // DAVx⁵'s login link and its QR code for an Android phone (null: no calendars or contacts). No password.
  'targets:phone': call<PhoneSetup | null>()(z.object({ id: z.uuid() }).strict()),
  'targets:unconfigure': call<{ changed: boolean; notes: string[] }>()(
    z.object({ id: z.uuid(), target: z.enum(TARGET_KINDS) }).strict(),
  ),
  // Starts a Nextcloud sign-in and opens its page in the person's browser; the app password stays in core.
  'nextcloud:start': call<LoginFlowStatus>()(
    z
      .object({
        server: z.string().trim().min(3).max(2048),
        caPem: z.string().max(65_536).includes('-----BEGIN CERTIFICATE-----').optional(),
      })
      .strict(),
  ),
  'nextcloud:status': call<LoginFlowStatus>()(
    z.object({ flowId: z.uuid(), afterVersion: z.number().int().min(0).optional() }).strict(),
  ),
  'nextcloud:cancel': call<LoginFlowStatus>()(z.object({ flowId: z.uuid() }).strict()),
  // The provider extended a password (Aruba PEC): its lifetime counts again from now.
  'accounts:extend': call<AccountSummary>()(
    z.object({ id: z.uuid(), credentialId: credentialIdSchema }).strict(),
  ),
  // A new password for one credential: replaces the old one only once every service using it accepted it.
  'accounts:change-password': call<PasswordChange>()(
    z.object({ id: z.uuid(), credentialId: credentialIdSchema, password: passwordSchema }).strict(),
  ),
  // A test PEC from the account to itself (or `to`), then its receipts; followed with pec:test-status.
  'pec:test-start': call<PecTestStatus>()(
    z.object({ id: z.uuid(), to: z.email().max(320).optional(), language: z.enum(LANGUAGES) }).strict(),
  ),
  'pec:test-status': call<PecTestStatus>()(
    z.object({ operationId: operationIdSchema, afterVersion: z.number().int().min(0).optional() }).strict(),
  ),
  'pec:test-cancel': call<PecTestStatus>()(z.object({ operationId: operationIdSchema }).strict()),
  // Old messages out of the box (or, with dryRun, what would move); followed with pec:archive-status.
  'pec:archive-start': call<ArchiveStatus>()(
    z
      .object({
        id: z.uuid(),
        olderThanDays: z.number().int().min(1).max(36_500),
        destination: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('folder'), path: z.string().trim().min(1).max(4096) }).strict(),
          z
            .object({ kind: z.literal('webdav'), accountId: z.uuid(), path: z.string().trim().max(1024) })
            .strict(),
        ]),
        dryRun: z.boolean(),
      })
      .strict(),
  ),
  'pec:archive-status': call<ArchiveStatus>()(
    z.object({ operationId: operationIdSchema, afterVersion: z.number().int().min(0).optional() }).strict(),
  ),
  'pec:archive-cancel': call<ArchiveStatus>()(z.object({ operationId: operationIdSchema }).strict()),
  // An IT profile's text (read by the window from a file the person chose or dropped) → what pre-fills the
  // wizard, or its problems. Core validates it; nothing is applied.
  'profiles:preview': call<ProfileImport>()(z.object({ text: z.string().max(1_000_000) }).strict()),
  // Null when the provider has no app passwords.
  'providers:guide': call<AppPasswordGuide | null>()(
    z
      .object({
        id: z
          .string()
          .regex(/^[a-z][a-z0-9-]*$/)
          .max(64),
        language: z.enum(LANGUAGES),
      })
      .strict(),
  ),
  // With providerId: that catalogued provider's settings for the address, without asking the network.
  'discovery:run': call<DiscoveryResult>()(
    z
      .object({
        email: z.string().trim().min(3).max(320),
        providerId: z
          .string()
          .regex(/^[a-z][a-z0-9-]*$/)
          .max(64)
          .optional(),
      })
      .strict(),
  ),
} satisfies Record<Channel, CallSpec<z.ZodType, unknown>>;

// Compile-time proof that CHANNELS and the contract list the same calls.
type Contract = typeof contract;
type MissingFromContract = Exclude<Channel, keyof Contract>;
type MissingFromChannels = Exclude<keyof Contract, Channel>;
const channelsMatch: [MissingFromContract, MissingFromChannels] extends [never, never] ? true : false = true;
void channelsMatch;

export type CallInput<C extends Channel> = z.input<Contract[C]['input']>;
export type CallResult<C extends Channel> = Contract[C] extends CallSpec<z.ZodType, infer R> ? R : never;

/** What the preload exposes as `window.ponte`, and what the browser bridge client imitates. */
export interface PonteApi {
  invoke<C extends Channel>(channel: C, input: CallInput<C>): Promise<Envelope<CallResult<C>>>;
}
