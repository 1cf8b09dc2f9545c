import type { Language } from './i18n/languages';
import type { CredentialKind } from './models';
import type { MailEndpoint } from './verify';

// What autodiscovery found for an e-mail address: per service, candidate settings ranked best first, each
// saying where it came from.

export type DiscoverySource = 'catalog' | 'mx' | 'autoconfig' | 'ispdb' | 'srv' | 'well-known' | 'guess';

export interface CandidateBase {
  source: DiscoverySource;
  confidence: 'high' | 'medium' | 'low';
  /** User name to use, when the source says (e.g. `anna@example.com`, or the local part). */
  username?: string;
  /**
   * Learnt from an unauthenticated source (DNS without DNSSEC) and pointing outside the address's domain:
   * the person confirms before any password goes there.
   */
  needsConfirmation: boolean;
  /** Placeholders the person must fill in first (kDrive id, a short login …). */
  needsInput: string[];
  /** False when the catalog marks the fact as not officially confirmed. */
  confirmed: boolean;
  /** The catalogued provider's credential this service logs in with (Infomaniak has several). */
  credential?: string;
}

/** A password a catalogued provider asks for, and for which services (see CandidateBase.credential). */
export interface ProviderCredential {
  id: string;
  kind: CredentialKind;
  /** Filled from the address where it can be ({email}); otherwise a template the person completes. */
  username: string;
  label: Record<Language, string>;
  usernameHint?: Record<Language, string>;
  /** What it is instead while two-step verification is off (Aruba PEC: the mailbox password), when known. */
  kindWithoutTwoStep?: CredentialKind;
}

export type MailCandidate = CandidateBase & { endpoint: MailEndpoint };
export type UrlCandidate = CandidateBase & { url: string };

export interface DiscoveryCandidates {
  imap: MailCandidate[];
  smtp: MailCandidate[];
  caldav: UrlCandidate[];
  carddav: UrlCandidate[];
  webdav: UrlCandidate[];
}

export interface DiscoveryResult {
  email: string;
  domain: string;
  /** The catalogued provider, and how it was recognised. */
  provider?: {
    id: string;
    name: string;
    via: 'domain' | 'mx' | 'chosen';
    unsupported: boolean;
    /** Days an app password lasts at this provider (Aruba PEC: 90), when known. */
    lifetimeDays: number | null;
    /** The provider's page for creating an app password, when it has them. */
    createUrl: string | null;
    credentials: ProviderCredential[];
    /**
     * Only the servers are sourced: nobody says whether it needs an app password, so the wizard does not
     * claim either way.
     */
    serversOnly: boolean;
    /** What to know before starting (turn IMAP on first, an administrator's rules …), in every language. */
    notes: Record<Language, string>[];
    /** Labels of the values the person fills in themselves (`needsInput` holds their ids). */
    placeholders: { id: string; label: Record<Language, string> }[];
    /** Set when the provider can hand Ponte an app password itself (Nextcloud Login Flow v2). */
    signIn?: 'nextcloud-login-flow-v2';
  };
  candidates: DiscoveryCandidates;
  /** Why a path gave nothing usable (a rejected autoconfig file, a dead domain …), in English for support. */
  notes: string[];
  durationMs: number;
}

/** How a provider was recognised, named like a discovery source ("found by …"). */
export function providerSource(via: 'domain' | 'mx' | 'chosen'): 'catalog' | 'mx' | 'chosen' {
  return via === 'domain' ? 'catalog' : via;
}

/** What the person still has to fill in, by the labels the catalog gives them in that language (ids as fallback). */
export function inputLabels(result: DiscoveryResult, ids: readonly string[], language: Language): string[] {
  return [...new Set(ids)].map(
    (id) => result.provider?.placeholders.find((placeholder) => placeholder.id === id)?.label[language] ?? id,
  );
}
