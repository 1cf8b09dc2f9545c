import { parseEndpointSpec } from '@shared/endpoint-spec';
import { fillPlaceholders, type ProfileAccountPreview } from '@shared/profile';
import type { ServiceKind } from '@shared/verify';
import { emptyForm, type MailFields, type UrlFields, type VerifyForm } from '../verify/verify-form';

/** A profile's account template with servers, filled for one person, as the sign-in form starts. */
export function formFromTemplate(template: ProfileAccountPreview, email: string, login: string): VerifyForm {
  const form = emptyForm();
  const wanted = (service: ServiceKind): boolean =>
    template.servers?.[service] !== undefined && (!template.services || template.services.includes(service));
  const mail = (service: 'imap' | 'smtp'): MailFields => {
    const endpoint = wanted(service) ? parseEndpointSpec(template.servers?.[service] ?? '') : undefined;
    return endpoint
      ? { enabled: true, host: endpoint.host, port: String(endpoint.port), security: endpoint.security }
      : { ...form[service], enabled: false };
  };
  const url = (service: 'caldav' | 'carddav' | 'webdav'): UrlFields => {
    const address = template.servers?.[service];
    return wanted(service) && address
      ? { enabled: true, url: fillPlaceholders(address, email, login) }
      : { enabled: false, url: '' };
  };
  return {
    ...form,
    username: fillPlaceholders(template.username, email, login),
    imap: mail('imap'),
    smtp: mail('smtp'),
    caldav: url('caldav'),
    carddav: url('carddav'),
    webdav: { ...url('webdav'), writeTest: false },
    ...(template.caPem ? { trust: { name: 'profile CA', pem: template.caPem } } : {}),
    ...(template.pec ? { pec: true } : {}),
  };
}

/** Whether the template needs a login besides the address (`{login}` in its user name or addresses). */
export const needsLogin = (template: ProfileAccountPreview): boolean =>
  [template.username, ...Object.values(template.servers ?? {})].some((text) => text.includes('{login}'));
