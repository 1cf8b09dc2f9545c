import type { AccountSelection } from '@shared/models';
import type { TargetAvailability, TargetKind } from '@shared/targets';

/**
 * What is ticked when the list first shows: right after the wizard, every program found here (and the drive
 * when the person chose to use it as a drive); later, on the account card, nothing — the person picks.
 */
export function preselectedTargets(
  found: readonly TargetAvailability[],
  selection: AccountSelection | null,
  afterWizard: boolean,
): Set<TargetKind> {
  if (!afterWizard) return new Set();
  return new Set(
    found
      .filter((entry) => entry.available && !entry.configured)
      .filter((entry) => entry.target !== 'mount' || (selection?.mountDrive ?? true))
      .map((entry) => entry.target),
  );
}

/** The targets to set up, in the order the list shows them. */
export function chosenInOrder(
  found: readonly TargetAvailability[],
  chosen: ReadonlySet<TargetKind>,
): TargetKind[] {
  return found
    .filter((entry) => entry.available && !entry.configured && chosen.has(entry.target))
    .map((entry) => entry.target);
}
