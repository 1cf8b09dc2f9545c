import { credentialLifetime, mainCredentialId } from '@shared/discovery-settings';
import type { CredentialKind } from '@shared/models';
import type { Provider } from '../providers/provider-schema';
import { effectiveKind } from '../providers/two-step';

/**
 * What the person (or an IT profile, or a CLI flag) said that the catalog cannot know. Every front end passes
 * only these; the rest follows from the provider, here and nowhere else.
 */
export interface FactChoices {
  /** An Italian certified-mail box; unsaid, the provider decides. */
  pec?: boolean | undefined;
  /** Two-step verification is on at the provider; off, its app passwords give way to the usual password. */
  twoStep?: boolean | undefined;
  /** Kind and lifetime of the main password, when said explicitly. */
  kind?: CredentialKind | undefined;
  lifetimeDays?: number | null | undefined;
  /** … and of further credentials. */
  credentialFacts?:
    Record<string, { kind: CredentialKind; lifetimeDays?: number | null | undefined }> | undefined;
}

export interface CredentialFacts {
  kind: CredentialKind;
  lifetimeDays: number | null;
}

export interface AccountFacts extends CredentialFacts {
  pec: boolean;
  /** Per further credential of the request (Infomaniak's calendars and drive). */
  credentialFacts: Record<string, CredentialFacts>;
}

/** The catalog credential a request's main password stands for: the one IMAP uses, else the first service's. */
function mainCredentialKind(provider: Provider | undefined): CredentialKind | undefined {
  if (!provider) return undefined;
  const usedBy = Object.fromEntries(
    Object.entries(provider.services).map(([service, settings]) => [service, settings?.credential]),
  );
  const id = mainCredentialId(usedBy);
  return provider.credentials.find((credential) => credential.id === id)?.kind;
}

/** Whether the account is a PEC box, and each password's kind and lifetime. */
export function accountFacts(
  provider: Provider | undefined,
  extraCredentialIds: readonly string[],
  choices: FactChoices,
): AccountFacts {
  const appPasswordDays = provider?.appPassword?.lifetimeDays ?? null;
  const kind =
    choices.kind ?? effectiveKind(mainCredentialKind(provider) ?? 'app-password', provider, choices.twoStep);
  const facts = (credentialKind: CredentialKind): CredentialFacts => ({
    kind: credentialKind,
    lifetimeDays: credentialLifetime(credentialKind, appPasswordDays),
  });
  return {
    pec: choices.pec ?? provider?.pec ?? false,
    kind,
    lifetimeDays:
      choices.lifetimeDays !== undefined ? choices.lifetimeDays : credentialLifetime(kind, appPasswordDays),
    credentialFacts: Object.fromEntries(
      extraCredentialIds.map((id) => {
        const said = choices.credentialFacts?.[id];
        if (said) return [id, { kind: said.kind, lifetimeDays: said.lifetimeDays ?? null }];
        const catalogKind = provider?.credentials.find((credential) => credential.id === id)?.kind;
        return [id, facts(catalogKind ? effectiveKind(catalogKind, provider, choices.twoStep) : kind)];
      }),
    ),
  };
}
