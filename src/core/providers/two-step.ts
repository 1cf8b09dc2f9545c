import type { CredentialKind } from '@shared/models';
import type { Provider } from './provider-schema';

/**
 * The password a catalog credential really is: an app password where two-step verification is off becomes
 * the password the provider names for that case (Aruba PEC: the mailbox password), when a source names one.
 */
export function effectiveKind(
  kind: CredentialKind,
  provider: Provider | undefined,
  twoStep: boolean | undefined,
): CredentialKind {
  const without = provider?.appPassword?.withoutTwoStep;
  return twoStep === false && kind === 'app-password' && without ? without : kind;
}
