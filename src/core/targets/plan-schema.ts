import { z } from 'zod/mini';
import { type PlanStep, TARGET_KINDS } from '@shared/targets';

// The undo steps of a configured target are kept in accounts.json, so "unconfigure" takes back exactly what
// was done, even after the account's settings changed. Read back through this schema like the rest of the file
// (zod/mini, as everything every command reads at start: see selection-schema.ts).

const store = z.enum(['windows-credential-manager', 'macos-internet-password']);
const prefEntry = z.strictObject({ key: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) });
const listEntry = z.strictObject({ key: z.string(), item: z.string() });
const branch = z.string().check(z.minLength(2));

export const planStepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('require'), program: z.string(), package: z.string() }),
  z.strictObject({
    kind: z.literal('run'),
    command: z.array(z.string()).check(z.minLength(1)),
    stdin: z.optional(z.enum(['password', 'nothing'])),
    optional: z.optional(z.boolean()),
  }),
  z.strictObject({ kind: z.literal('require-service'), service: z.literal('WebClient') }),
  z.strictObject({ kind: z.literal('require-free-drive'), letter: z.string().check(z.regex(/^[D-Z]:$/)) }),
  z.strictObject({
    kind: z.literal('store-credential'),
    store,
    server: z.string(),
    port: z.int(),
    path: z.string(),
    username: z.string(),
  }),
  z.strictObject({ kind: z.literal('remove-credential'), store, server: z.string(), username: z.string() }),
  z.strictObject({ kind: z.literal('add-line'), file: z.string(), line: z.string() }),
  z.strictObject({ kind: z.literal('remove-line'), file: z.string(), line: z.string() }),
  z.strictObject({
    kind: z.literal('require-closed'),
    program: z.literal('thunderbird'),
    profile: z.string(),
  }),
  z.strictObject({ kind: z.literal('backup-file'), file: z.string(), to: z.string() }),
  z.strictObject({
    kind: z.literal('set-prefs'),
    file: z.string(),
    prefs: z.array(prefEntry),
    ifAbsent: z.array(prefEntry),
    lists: z.array(listEntry),
  }),
  z.strictObject({
    kind: z.literal('remove-prefs'),
    file: z.string(),
    branches: z.array(branch),
    lists: z.array(listEntry),
    ifEquals: z.array(prefEntry),
  }),
  z.strictObject({
    kind: z.literal('remove-profile-data'),
    file: z.string(),
    profile: z.string(),
    branches: z.array(branch),
  }),
  z.strictObject({ kind: z.literal('write-file'), file: z.string(), content: z.string() }),
  z.strictObject({ kind: z.literal('remove-file'), file: z.string() }),
]) satisfies z.ZodMiniType<PlanStep>;

export const configuredTargetSchema = z.strictObject({
  target: z.enum(TARGET_KINDS),
  at: z.iso.datetime(),
  /** Where the person finds it (a GVfs URI, a drive letter, a folder). */
  location: z.string(),
  undo: z.array(planStepSchema),
});

export type ConfiguredTarget = z.output<typeof configuredTargetSchema>;
