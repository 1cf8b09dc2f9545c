import type { DiscoveryResult, MailCandidate, UrlCandidate } from '@shared/discovery';
import type { MailFields, UrlFields, VerifyForm } from './verify-form';

/**
 * The form filled from what discovery found: the best candidate per service, ticked; services with
 * nothing found are left as they were. URLs that still need a placeholder (kDrive id) are left for the
 * person, unticked, with the template shown.
 */
export function applyDiscovery(form: VerifyForm, result: DiscoveryResult): VerifyForm {
  const mail = (current: MailFields, best: MailCandidate | undefined): MailFields =>
    best
      ? {
          enabled: true,
          host: best.endpoint.host,
          port: String(best.endpoint.port),
          security: best.endpoint.security,
        }
      : current;
  const url = <F extends UrlFields>(current: F, best: UrlCandidate | undefined): F =>
    best ? { ...current, enabled: best.needsInput.length === 0, url: best.url } : current;
  const { imap, smtp, caldav, carddav, webdav } = result.candidates;
  const username = imap[0]?.username ?? smtp[0]?.username ?? caldav[0]?.username ?? result.email;
  return {
    ...form,
    username: username.includes('{') ? form.username || result.email : username,
    imap: mail(form.imap, imap[0]),
    smtp: mail(form.smtp, smtp[0]),
    caldav: url(form.caldav, caldav[0]),
    carddav: url(form.carddav, carddav[0]),
    webdav: url(form.webdav, webdav[0]),
  };
}
