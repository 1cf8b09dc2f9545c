import { z } from 'zod';
import { type PlanStep, TARGET_KINDS } from '@shared/targets';

// The undo steps of a configured target are kept in accounts.json, so "unconfigure" takes back exactly what
// was done, even after the account's settings changed. Read back through this schema like the rest of the file.

const store = z.enum(['windows-credential-manager', 'macos-internet-password']);
const prefEntry = z
  .object({ key: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) })
  .strict();
const listEntry = z.object({ key: z.string(), item: z.string() }).strict();

export const planStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('require'), program: z.string(), package: z.string() }).strict(),
  z
    .object({
      kind: z.literal('run'),
      command: z.array(z.string()).min(1),
      stdin: z.enum(['password', 'nothing']).optional(),
      optional: z.boolean().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('require-service'), service: z.literal('WebClient') }).strict(),
  z.object({ kind: z.literal('require-free-drive'), letter: z.string().regex(/^[D-Z]:$/) }).strict(),
  z
    .object({
      kind: z.literal('store-credential'),
      store,
      server: z.string(),
      port: z.number().int(),
      path: z.string(),
      username: z.string(),
    })
    .strict(),
  z
    .object({ kind: z.literal('remove-credential'), store, server: z.string(), username: z.string() })
    .strict(),
  z.object({ kind: z.literal('add-line'), file: z.string(), line: z.string() }).strict(),
  z.object({ kind: z.literal('remove-line'), file: z.string(), line: z.string() }).strict(),
  z
    .object({ kind: z.literal('require-closed'), program: z.literal('thunderbird'), profile: z.string() })
    .strict(),
  z.object({ kind: z.literal('backup-file'), file: z.string(), to: z.string() }).strict(),
  z
    .object({
      kind: z.literal('set-prefs'),
      file: z.string(),
      prefs: z.array(prefEntry),
      ifAbsent: z.array(prefEntry),
      lists: z.array(listEntry),
    })
    .strict(),
  z
    .object({
      kind: z.literal('remove-prefs'),
      file: z.string(),
      branches: z.array(z.string().min(2)),
      lists: z.array(listEntry),
      ifEquals: z.array(prefEntry),
    })
    .strict(),
  z
    .object({
      kind: z.literal('remove-profile-data'),
      file: z.string(),
      profile: z.string(),
      branches: z.array(z.string().min(2)),
    })
    .strict(),
  z.object({ kind: z.literal('write-file'), file: z.string(), content: z.string() }).strict(),
  z.object({ kind: z.literal('remove-file'), file: z.string() }).strict(),
]) satisfies z.ZodType<PlanStep>;

export const configuredTargetSchema = z
  .object({
    target: z.enum(TARGET_KINDS),
    at: z.iso.datetime(),
    /** Where the person finds it (a GVfs URI, a drive letter, a folder). */
    location: z.string(),
    undo: z.array(planStepSchema),
  })
  .strict();

export type ConfiguredTarget = z.output<typeof configuredTargetSchema>;
