import type { DiscoveryResult } from '@shared/discovery';

// The wizard's steps and the rules for moving between them: pure, so they are unit-tested without a browser.

export const STEPS = ['account', 'guide', 'signin', 'check', 'choose', 'save'] as const;
export type StepId = (typeof STEPS)[number];

export interface WizardFacts {
  discovered: DiscoveryResult | null;
  /** The person chose to type server settings themselves. */
  custom: boolean;
  /** The last check finished and every service worked. */
  allOk: boolean;
}

/** Why the app-password step is skipped, or null when it is shown. */
export function guideSkipReason(facts: WizardFacts): 'custom' | 'noAppPassword' | null {
  const provider = facts.discovered?.provider;
  if (!provider) return 'custom';
  return provider.createUrl ? null : 'noAppPassword';
}

export function isSkipped(step: StepId, facts: WizardFacts): boolean {
  return step === 'guide' && guideSkipReason(facts) !== null;
}

/** Where "Next" leads, or null when the step's own work is not done yet. */
export function nextStep(step: StepId, facts: WizardFacts): StepId | null {
  if (step === 'account' && !facts.discovered && !facts.custom) return null;
  if (step === 'check' && !facts.allOk) return null;
  let index = STEPS.indexOf(step) + 1;
  while (index < STEPS.length && isSkipped(STEPS[index] as StepId, facts)) index += 1;
  return STEPS[index] ?? null;
}

/** Where "Back" leads; nothing typed is lost on the way. */
export function previousStep(step: StepId, facts: WizardFacts): StepId | null {
  let index = STEPS.indexOf(step) - 1;
  while (index >= 0 && isSkipped(STEPS[index] as StepId, facts)) index -= 1;
  return STEPS[index] ?? null;
}
