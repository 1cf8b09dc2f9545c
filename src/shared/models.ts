// The data the UI sees. No secret ever appears in these types: credentials show up only as `hasSecret`.
import type { LanguagePreference } from './i18n/languages';

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
}

export interface AccountSummary {
  id: string;
  displayName: string;
  email: string;
  providerId: string | null;
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
}
