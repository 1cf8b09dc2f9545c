import { normalizePastedPassword } from '@shared/normalize-password';
import type { Language } from '@shared/i18n/languages';
import type { CredentialKind } from '@shared/models';
import type { MailEndpoint, ServiceKind, TlsMode, VerifyRequest } from '@shared/verify';

// The custom-server form as plain data, and its validation: pure, so it is unit-tested without a browser.

export interface MailFields {
  enabled: boolean;
  host: string;
  port: string;
  security: TlsMode;
}

export interface UrlFields {
  enabled: boolean;
  url: string;
}

/** What the catalog says of a credential, so the form can name it in the person's words. */
export interface CredentialMeta {
  kind: CredentialKind;
  label: Record<Language, string>;
  usernameHint?: Record<Language, string>;
  kindWithoutTwoStep?: CredentialKind;
}

/** A further credential (Infomaniak: one for calendars and contacts, one for kDrive). */
export interface ExtraCredentialFields {
  id: string;
  username: string;
  password: string;
  meta: CredentialMeta;
}

export interface VerifyForm {
  /** The main credential: the only one, unless the provider wants several. */
  username: string;
  password: string;
  mainMeta?: CredentialMeta;
  extraCredentials: ExtraCredentialFields[];
  /** Which credential each service logs in with, when not the main one. */
  use: Partial<Record<ServiceKind, string>>;
  /** A granted Nextcloud sign-in: its app password (kept in core) is the main password. */
  loginFlow?: { flowId: string; server: string };
  imap: MailFields;
  smtp: MailFields;
  caldav: UrlFields;
  carddav: UrlFields;
  webdav: UrlFields & { writeTest: boolean };
  trust?: { name: string; pem: string };
  /** Server certificates the person confirmed by fingerprint, from an earlier result. */
  pinned: { sha256: string; pem: string }[];
  /** An Italian certified-mail box, as an IT profile said; the save step lets the person say so too. */
  pec?: boolean;
  /** The person's answer in the guide: is two-step verification on at the provider (unasked: undefined). */
  twoStep?: boolean;
}

/** Standard ports (RFC 8314 for implicit TLS, RFC 6409 submission, RFC 3501 IMAP with STARTTLS). */
export const DEFAULT_PORTS: Record<'imap' | 'smtp', Record<TlsMode, number>> = {
  imap: { tls: 993, starttls: 143 },
  smtp: { tls: 465, starttls: 587 },
};

export function emptyForm(): VerifyForm {
  return {
    username: '',
    password: '',
    imap: { enabled: true, host: '', port: '993', security: 'tls' },
    smtp: { enabled: true, host: '', port: '465', security: 'tls' },
    caldav: { enabled: false, url: '' },
    carddav: { enabled: false, url: '' },
    webdav: { enabled: false, url: '', writeTest: false },
    pinned: [],
    extraCredentials: [],
    use: {},
  };
}

/** Switching TLS ↔ STARTTLS moves the port along, unless the user typed a port of their own. */
export function withSecurity(fields: MailFields, service: 'imap' | 'smtp', security: TlsMode): MailFields {
  const ports = DEFAULT_PORTS[service];
  const isDefault = fields.port === String(ports[fields.security]) || fields.port.trim() === '';
  return { ...fields, security, port: isDefault ? String(ports[security]) : fields.port };
}

/** Field name → i18n key of what is wrong with it. */
export type FormErrors = Partial<Record<string, string>>;

const hostPattern = /^[A-Za-z0-9.\-:_]+$/;

function mailEndpoint(fields: MailFields, prefix: string, errors: FormErrors): MailEndpoint | undefined {
  const host = fields.host.trim();
  const port = Number(fields.port.trim());
  if (!hostPattern.test(host)) errors[`${prefix}.host`] = 'verify.invalid.host';
  if (!Number.isInteger(port) || port < 1 || port > 65_535) errors[`${prefix}.port`] = 'verify.invalid.port';
  return { host, port, security: fields.security };
}

function httpsUrl(fields: UrlFields, prefix: string, errors: FormErrors): string {
  const url = fields.url.trim();
  if (!/^https:\/\/[^/\s]/i.test(url) || !URL.canParse(url)) errors[`${prefix}.url`] = 'verify.invalid.url';
  return url;
}

export function enabledServices(form: VerifyForm): ServiceKind[] {
  return (['imap', 'smtp', 'caldav', 'carddav', 'webdav'] as const).filter(
    (service) => form[service].enabled,
  );
}

export interface CheckedForm {
  ok: true;
  request: VerifyRequest;
  password: string;
  /** Passwords of the further credentials, by id. */
  passwords: Record<
    string,
    string
  >; /** Set instead of a typed password when a Nextcloud sign-in gave core the app password. */
  loginFlowId?: string;
}

/** How a checked form's main password reaches core: typed, or by reference to a granted sign-in. */
export function mainSecret(checked: CheckedForm): { password: string } | { loginFlowId: string } {
  return checked.loginFlowId ? { loginFlowId: checked.loginFlowId } : { password: checked.password };
}

/** The request to send, or what to fix first. Passwords are returned beside the request, never in it. */
export function toRequest(form: VerifyForm): CheckedForm | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const username = form.username.trim();
  if (username === '') errors.username = 'verify.invalid.username';
  if (form.password === '' && !form.loginFlow) errors.password = 'verify.invalid.password';
  const services = enabledServices(form);
  if (services.length === 0) errors.services = 'verify.invalid.noService';
  const request: VerifyRequest = { username };
  if (form.imap.enabled) request.imap = mailEndpoint(form.imap, 'imap', errors);
  if (form.smtp.enabled) request.smtp = mailEndpoint(form.smtp, 'smtp', errors);
  if (form.caldav.enabled) request.caldav = { url: httpsUrl(form.caldav, 'caldav', errors) };
  if (form.carddav.enabled) request.carddav = { url: httpsUrl(form.carddav, 'carddav', errors) };
  if (form.webdav.enabled) {
    request.webdav = {
      url: httpsUrl(form.webdav, 'webdav', errors),
      ...(form.webdav.writeTest ? { writeTest: true } : {}),
    };
  }
  if (form.trust) request.caPem = form.trust.pem;
  if (form.pinned.length > 0) request.pinned = form.pinned;
  // Only the credentials a ticked service uses are asked for and sent.
  const use = Object.fromEntries(
    services.flatMap((service) => (form.use[service] ? [[service, form.use[service]]] : [])),
  );
  const extras = form.extraCredentials.filter((extra) => Object.values(use).includes(extra.id));
  const passwords: Record<string, string> = {};
  for (const extra of extras) {
    if (extra.username.trim() === '') errors[`credentials.${extra.id}.username`] = 'verify.invalid.username';
    if (extra.password === '') errors[`credentials.${extra.id}.password`] = 'verify.invalid.password';
    passwords[extra.id] = normalizePastedPassword(extra.password);
  }
  if (extras.length > 0) {
    request.credentials = extras.map((extra) => ({ id: extra.id, username: extra.username.trim() }));
    request.use = use;
  }
  return Object.keys(errors).length > 0
    ? { ok: false, errors }
    : {
        ok: true,
        request,
        password: normalizePastedPassword(form.password),
        passwords,
        ...(form.loginFlow ? { loginFlowId: form.loginFlow.flowId } : {}),
      };
}

/** A CA file the user picked: accepted only if it holds a PEM certificate. */
export function isPemCertificate(text: string): boolean {
  return text.length <= 65_536 && /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(text);
}
