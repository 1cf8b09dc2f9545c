import type { Resumed, RotationContext } from './rotate-credential';
import { RotationJournal } from './rotation-journal';

/**
 * Finishes or takes back rotations a crash interrupted, so the machine uses either the old password
 * everywhere or the new one everywhere. Run before anything reads passwords (app start, each CLI command):
 * so it reads only the journal, and loads the rotation itself (checks, drives) when there is one to finish.
 */
export async function resumeRotations(context: RotationContext): Promise<Resumed[]> {
  if ((await new RotationJournal(context.dataDir).list()).length === 0) return [];
  const { finishInterruptedRotations } = await import('./rotate-credential');
  return finishInterruptedRotations(context);
}
