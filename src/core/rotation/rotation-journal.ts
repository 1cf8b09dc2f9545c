import { join } from 'node:path';
import { z } from 'zod/mini';
import { readVersionedFile, type VersionedFile, writeVersionedFile } from '../storage/versioned-file';

// What a rotation under way has done, written before each step it depends on, so that the next start knows
// whether to finish it or take it back after a crash or a power cut.
//   started          → the new password may or may not be in the keychain's pending entry: roll back
//   verified         → the new password is in the pending entry and was accepted everywhere: roll forward
//   targets-updated  → the machine uses the new password already: commit it

export const ROTATION_PHASES = ['started', 'verified', 'targets-updated'] as const;
export type RotationPhase = (typeof ROTATION_PHASES)[number];

// zod/mini: read by every command that reads a password (see selection-schema.ts).
const entrySchema = z.strictObject({
  accountId: z.uuid(),
  credentialId: z.string(),
  phase: z.enum(ROTATION_PHASES),
  /** When the new password counts from, once committed. */
  at: z.iso.datetime(),
});
export type RotationEntry = z.output<typeof entrySchema>;

const journalSchema = z.strictObject({ rotations: z.array(entrySchema) });

export class RotationJournal {
  private readonly file: VersionedFile<z.output<typeof journalSchema>>;

  constructor(dataDir: string) {
    this.file = {
      path: join(dataDir, 'rotations.json'),
      label: 'rotations',
      version: 1,
      schema: journalSchema,
      defaults: () => ({ rotations: [] }),
    };
  }

  async list(): Promise<RotationEntry[]> {
    return (await readVersionedFile(this.file)).rotations;
  }

  async put(entry: RotationEntry): Promise<void> {
    const others = (await this.list()).filter((other) => !same(other, entry));
    await writeVersionedFile(this.file, { rotations: [...others, entry] });
  }

  async drop(entry: Pick<RotationEntry, 'accountId' | 'credentialId'>): Promise<void> {
    await writeVersionedFile(this.file, {
      rotations: (await this.list()).filter((other) => !same(other, entry)),
    });
  }
}

const same = (a: Pick<RotationEntry, 'accountId' | 'credentialId'>, b: typeof a): boolean =>
  a.accountId === b.accountId && a.credentialId === b.credentialId;
