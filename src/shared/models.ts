// The data the UI sees. No secret ever appears in these types: credentials show up only as `hasSecret`.
import type { LanguagePreference } from './i18n/languages';
import type { LockableSetting } from './settings-schema';
import type { CredentialStatus } from './credential-state';
import type { TargetKind } from './targets';
import type { Quota, ServiceKind, ServiceResult, VerifyCode } from './verify';

export interface AppInfo {
  name: string;
  version: string;
  platform: 'linux' | 'darwin' | 'win32' | 'other';
  /** 'electron' in the desktop app, 'browser' in the browser preview. */
  shell: 'electron' | 'browser';
  dataDir: string;
}

export interface Settings {
  language: LanguagePreference;
  /** Days before an app password expires when Ponte reminds, largest first (default 14, 7, 3, 1). */
  reminderDays: number[];
  /** Start Ponte at login, hidden in the tray, so reminders come without opening it. */
  startAtLogin: boolean;
  /** When Ponte starts (at login too), connect again the drives it connected here (GVfs forgets them). */
  reconnectDrives: boolean;
  /** Set by an IT profile (ponte apply): who manages this machine, and the settings they locked. */
  managedBy: ManagedBy | null;
}

export interface ManagedBy {
  organisation: string;
  support?: { email?: string; phone?: string; url?: string };
  locked: LockableSetting[];
}

export const DEFAULT_REMINDER_DAYS = [14, 7, 3, 1];

export type CredentialKind = 'app-password' | 'mailbox-password' | 'account-password';

/** A credential as the UI sees it: everything but the secret, which stays in the keychain. */
export interface CredentialSummary {
  id: string;
  kind: CredentialKind;
  username: string;
  /** ISO date the password was pasted (its age counts from here). */
  createdAt: string;
  lifetimeDays: number | null;
  /** Whole days since it was entered. */
  ageDays: number;
  /** ISO date it stops working, when its lifetime is known. */
  expiresAt: string | null;
  /** When the provider extended it, if it did. */
  extendedAt?: string;
  /** Where it stands now: ok, expiring (a reminder threshold reached), expired, failing (refused), unknown. */
  status: CredentialStatus;
}

/** What the person chose to set up from what the check found (the configure step acts on it). */
export interface AccountSelection {
  /** URLs of the calendars to sync. */
  calendars: string[];
  /** URLs of the address books to sync. */
  addressBooks: string[];
  mountDrive: boolean;
  setUpMail: boolean;
}

/** The outcome of the last real login per service, kept so the dashboard shows it after a restart. */
export interface LastCheck {
  at: string;
  results: { service: ServiceKind; status: 'ok' | 'failed'; code: VerifyCode | null }[];
  /** The mailbox's use and limit, as the IMAP server said at the last login that read it. */
  quota?: Quota;
}

export interface AccountSummary {
  id: string;
  displayName: string;
  email: string;
  providerId: string | null;
  /** An Italian certified-mail (PEC) box. */
  pec: boolean;
  createdAt: string;
  services: ServiceKind[];
  /** Which credential each service logs in with. */
  serviceCredentials: Partial<Record<ServiceKind, string>>;
  credentials: CredentialSummary[];
  selection: AccountSelection | null;
  lastCheck: LastCheck | null;
  /** What Ponte set up on this machine for the account (the drive mounted …). */
  targets: { target: TargetKind; at: string; location: string }[];
}

/** The outcome of a password change: saved only when every service using the credential accepted it. */
export interface PasswordChange {
  saved: boolean;
  results: ServiceResult[];
  account: AccountSummary;
  /** What to know once saved, as message keys under rotate.notes (a program asking again, revoke the old). */
  notes: RotationNote[];
}

export type RotationNote = 'thunderbirdNewPassword' | 'evolutionNewPassword' | 'revokeOld';

/**
 * A Nextcloud sign-in in the person's browser (Login Flow v2), as the UI follows it. The app password it
 * yields stays in core: the UI only learns the server and the login name.
 */
export interface LoginFlowStatus {
  flowId: string;
  state: 'waiting' | 'granted' | 'expired' | 'failed' | 'cancelled';
  /** Bumped on every change, so a poll can wait for news. */
  version: number;
  /** The page the person signs in on (already opened in their browser). */
  loginUrl: string;
  server?: string;
  loginName?: string;
  /** Why it failed, in English for support; the UI shows its own text. */
  detail?: string;
}

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface DoctorCheck {
  id: 'data-dir' | 'keychain' | 'electron' | 'platform-tools';
  status: CheckStatus;
  /** English one-liner for logs and --json consumers. */
  detail: string;
  /** What to do about a warn/fail, in English. */
  hint?: string;
  /** Values the translated text interpolates (paths, tool names). */
  params?: Record<string, string>;
}

export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
}

/** A catalogued provider, as lists and pickers show it. */
export interface ProviderSummary {
  id: string;
  name: string;
  domains: string[];
  pec: boolean;
  /** Ponte cannot serve it (OAuth only): shown with the reason, never offered as working. */
  unsupported: boolean;
  appPassword: 'with-2fa' | 'always' | 'optional' | 'none';
  /** Where its customers are: ISO 3166 codes in lower case, or `world`. */
  countries: string[];
  /** Only its servers are sourced; whether it needs an app password is not known. */
  serversOnly: boolean;
}

/** How to create a provider's app password, in one language, for the wizard's guide step. */
export interface AppPasswordGuide {
  providerId: string;
  provider: string;
  required: 'with-2fa' | 'always' | 'optional';
  createUrl: string;
  lifetimeDays: number | null;
  shownOnce: boolean;
  steps: string[];
  tips: string[];
  /** False when no official source confirms these steps. */
  confirmed: boolean;
}
