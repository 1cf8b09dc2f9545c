import { z } from 'zod';
import type { PlanStep } from '@shared/targets';

// The undo steps of a configured target are kept in accounts.json, so "unconfigure" takes back exactly what
// was done, even after the account's settings changed. Read back through this schema like the rest of the file.

const store = z.enum(['windows-credential-manager', 'macos-internet-password']);

export const planStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('require'), program: z.string(), package: z.string() }).strict(),
  z
    .object({
      kind: z.literal('run'),
      command: z.array(z.string()).min(1),
      stdin: z.enum(['password', 'nothing']).optional(),
      mayNeedAdmin: z.boolean().optional(),
    })
    .strict(),
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
]) satisfies z.ZodType<PlanStep>;

export const configuredTargetSchema = z
  .object({
    target: z.literal('mount'),
    at: z.iso.datetime(),
    /** Where the person finds it (a GVfs URI, a drive letter, a folder). */
    location: z.string(),
    undo: z.array(planStepSchema),
  })
  .strict();

export type ConfiguredTarget = z.output<typeof configuredTargetSchema>;
