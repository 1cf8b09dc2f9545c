import type { LockableSetting } from './settings-schema';
import type { ServiceKind } from './verify';

// An IT profile as the app shows it when a person imports one (the wizard pre-fills from it). The schema
// itself is core's (src/core/profiles/profile-schema.ts); these are the parts the window needs.

export interface ProfileAccountPreview {
  key: string;
  displayName?: string;
  provider?: string;
  /** The provider's name, for the person to recognise. */
  providerName?: string;
  servers?: Partial<Record<ServiceKind, string>>;
  /** With placeholders: `{email}`, `{login}`, `{localpart}`, `{domain}`. */
  username: string;
  services?: ServiceKind[];
  caPem?: string;
  pec?: boolean;
}

export interface ProfilePreview {
  organisation: { name: string; support?: { email?: string; phone?: string; url?: string } };
  accounts: ProfileAccountPreview[];
  locked: LockableSetting[];
}

export type ProfileImport =
  | { valid: true; profile: ProfilePreview }
  | { valid: false; problems: { pointer: string; message: string }[] };

/** The fragment that opens the wizard at the profile import (the desktop menu sets it). */
export const PROFILE_IMPORT_HASH = '#import-profile';

/** `{email}`, `{login}`, `{localpart}`, `{domain}` filled in for one person. */
export function fillPlaceholders(template: string, email: string, login: string): string {
  const [localpart = '', domain = ''] = email.split('@');
  return template
    .replaceAll('{email}', email)
    .replaceAll('{login}', login)
    .replaceAll('{localpart}', localpart)
    .replaceAll('{domain}', domain);
}
