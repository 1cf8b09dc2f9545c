import type { DiscoveryResult, ProviderCredential } from '@shared/discovery';
import { bestSettings, credentialPlan, filledUsername } from '@shared/discovery-settings';
import type { MailEndpoint } from '@shared/verify';
import type { CredentialMeta, MailFields, UrlFields, VerifyForm } from './verify-form';

/**
 * The form filled from what discovery found: the best candidate per service, ticked. A service with nothing
 * found is unticked for a catalogued provider (it has none) and left as it was otherwise. URLs that still
 * need a placeholder (kDrive id) are shown for the person to complete, unticked.
 */
export function applyDiscovery(form: VerifyForm, result: DiscoveryResult): VerifyForm {
  const best = bestSettings(result);
  const mail = (current: MailFields, endpoint: MailEndpoint | undefined): MailFields =>
    endpoint
      ? { enabled: true, host: endpoint.host, port: String(endpoint.port), security: endpoint.security }
      : // A catalogued provider without this service (Nextcloud has no mail): nothing to check there.
        { ...current, enabled: current.enabled && !result.provider };
  const url = <F extends UrlFields>(current: F, service: 'caldav' | 'carddav' | 'webdav'): F => {
    const ready = best.urls[service];
    const pending = best.pending[service];
    if (ready) return { ...current, enabled: true, url: ready };
    if (pending) return { ...current, enabled: false, url: pending };
    return { ...current, enabled: current.enabled && !result.provider };
  };
  const { mainMeta, ...credentials } = credentialsFrom(form, result, best.username);
  return {
    ...form,
    ...credentials,
    ...(mainMeta ? { mainMeta } : { mainMeta: undefined }),
    // A sign-in belongs to the provider it was made with.
    loginFlow: undefined,
    imap: mail(form.imap, best.imap),
    smtp: mail(form.smtp, best.smtp),
    caldav: url(form.caldav, 'caldav'),
    carddav: url(form.carddav, 'carddav'),
    webdav: url(form.webdav, 'webdav'),
  };
}

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
  const plan = credentialPlan(result);
  if (!plan) return { username: fallbackUsername, extraCredentials: [], use: {} };
  const meta = (credential: ProviderCredential): CredentialMeta => ({
    kind: credential.kind,
    label: credential.label,
    ...(credential.usernameHint ? { usernameHint: credential.usernameHint } : {}),
    ...(credential.kindWithoutTwoStep ? { kindWithoutTwoStep: credential.kindWithoutTwoStep } : {}),
  });
  return {
    username: filledUsername(plan.main),
    mainMeta: meta(plan.main),
    extraCredentials: plan.extras.map((credential) => ({
      id: credential.id,
      username: filledUsername(credential),
      password: form.extraCredentials.find((typed) => typed.id === credential.id)?.password ?? '',
      meta: meta(credential),
    })),
    use: plan.use,
  };
}

/**
 * A granted Nextcloud sign-in fills the rest: its login name, and Nextcloud's DAV addresses on the server it
 * names (calendars, contacts, files); Nextcloud has no mail. The app password stays in core.
 */
export function applyLoginFlow(
  form: VerifyForm,
  flow: { flowId: string; server: string; loginName: string },
): VerifyForm {
  const dav = `${flow.server.replace(/\/+$/, '')}/remote.php/dav`;
  return {
    ...form,
    username: flow.loginName,
    password: '',
    loginFlow: { flowId: flow.flowId, server: flow.server },
    imap: { ...form.imap, enabled: false },
    smtp: { ...form.smtp, enabled: false },
    caldav: { enabled: true, url: dav },
    carddav: { enabled: true, url: dav },
    webdav: { ...form.webdav, enabled: true, url: `${dav}/files/${encodeURIComponent(flow.loginName)}/` },
  };
}
