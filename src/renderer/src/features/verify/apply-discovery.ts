import type { DiscoveryResult } from '@shared/discovery';
import { bestSettings } from '@shared/discovery-settings';
import type { MailEndpoint } from '@shared/verify';
import type { MailFields, UrlFields, VerifyForm } from './verify-form';

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
  return {
    ...form,
    username: best.username,
    imap: mail(form.imap, best.imap),
    smtp: mail(form.smtp, best.smtp),
    caldav: url(form.caldav, 'caldav'),
    carddav: url(form.carddav, 'carddav'),
    webdav: url(form.webdav, 'webdav'),
  };
}
