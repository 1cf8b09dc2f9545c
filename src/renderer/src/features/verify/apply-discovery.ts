import type { DiscoveryResult, ProviderCredential } from '@shared/discovery';
import { bestSettings } from '@shared/discovery-settings';
import { type MailEndpoint, SERVICE_KINDS, type ServiceKind } from '@shared/verify';
import type { CredentialMeta, MailFields, UrlFields, VerifyForm } from './verify-form';

/**
 * The form filled from what discovery found: the best candidate per service, ticked; services with
 * nothing found are left as they were. URLs that still need a placeholder (kDrive id) are shown for the
 * person to complete, unticked.
 */
export function applyDiscovery(form: VerifyForm, result: DiscoveryResult): VerifyForm {
  const best = bestSettings(result);
  const mail = (current: MailFields, endpoint: MailEndpoint | undefined): MailFields =>
    endpoint
      ? { enabled: true, host: endpoint.host, port: String(endpoint.port), security: endpoint.security }
      : current;
  const url = <F extends UrlFields>(current: F, service: 'caldav' | 'carddav' | 'webdav'): F => {
    const ready = best.urls[service];
    const pending = best.pending[service];
    if (ready) return { ...current, enabled: true, url: ready };
    return pending ? { ...current, enabled: false, url: pending } : current;
  };
  const { mainMeta, ...credentials } = credentialsFrom(form, result, best.username);
  return {
    ...form,
    ...credentials,
    ...(mainMeta ? { mainMeta } : { mainMeta: undefined }),
    imap: mail(form.imap, best.imap),
    smtp: mail(form.smtp, best.smtp),
    caldav: url(form.caldav, 'caldav'),
    carddav: url(form.carddav, 'carddav'),
    webdav: url(form.webdav, 'webdav'),
  };
}

const hasPlaceholder = (text: string): boolean => /\{\w+\}/.test(text);

/**
 * A provider that wants a different password per service (Infomaniak) gets one credential per password: the
 * one the mailbox (or else the first service) uses is the main one, the others are asked for beside it.
 * Passwords already typed for the same credential stay.
 */
function credentialsFrom(
  form: VerifyForm,
  result: DiscoveryResult,
  fallbackUsername: string,
): Pick<VerifyForm, 'username' | 'mainMeta' | 'extraCredentials' | 'use'> {
  const catalog = result.provider?.credentials ?? [];
  const usedBy = new Map<ServiceKind, string>();
  for (const service of SERVICE_KINDS) {
    const id = result.candidates[service][0]?.credential;
    if (id) usedBy.set(service, id);
  }
  const mainId = usedBy.get('imap') ?? [...usedBy.values()][0];
  const main = catalog.find((credential) => credential.id === mainId);
  if (!main) return { username: fallbackUsername, extraCredentials: [], use: {} };
  const meta = (credential: ProviderCredential): CredentialMeta => ({
    kind: credential.kind,
    label: credential.label,
    ...(credential.usernameHint ? { usernameHint: credential.usernameHint } : {}),
  });
  const username = (credential: ProviderCredential): string =>
    hasPlaceholder(credential.username) ? '' : credential.username;
  const extras = catalog.filter(
    (credential) => credential.id !== main.id && [...usedBy.values()].includes(credential.id),
  );
  return {
    username: username(main),
    mainMeta: meta(main),
    extraCredentials: extras.map((credential) => ({
      id: credential.id,
      username: username(credential),
      password: form.extraCredentials.find((typed) => typed.id === credential.id)?.password ?? '',
      meta: meta(credential),
    })),
    use: Object.fromEntries([...usedBy].filter(([, id]) => id !== main.id)),
  };
}
