import { X509Certificate } from 'node:crypto';
import { MAIN_CREDENTIAL, type ServiceKind, type VerifyRequest } from '@shared/verify';
import { PonteError } from '../errors/ponte-error';
import { normalizeFingerprint, type TrustSettings } from './tls-trust';
import type { Credential, ServiceTarget } from './service-target';
import type { VerifyOptions } from './verify-services';

/**
 * The request's services, each with the credential it names (`main`: the request's user name and `password`;
 * others: their own user name and their entry in `passwords`).
 */
export function serviceTargetsFromRequest(
  request: VerifyRequest,
  password: string,
  passwords: Record<string, string> = {},
): ServiceTarget[] {
  const credentialOf = (service: ServiceKind): Credential => {
    const id = request.use?.[service] ?? MAIN_CREDENTIAL;
    if (id === MAIN_CREDENTIAL) return { username: request.username, password };
    const extra = request.credentials?.find((credential) => credential.id === id);
    const secret = passwords[id];
    if (!extra || secret === undefined) {
      throw new PonteError('INVALID_INPUT', `The password for credential "${id}" is missing.`);
    }
    return { username: extra.username, password: secret };
  };
  const targets: ServiceTarget[] = [];
  if (request.imap)
    targets.push({ service: 'imap', endpoint: request.imap, credential: credentialOf('imap') });
  if (request.smtp)
    targets.push({ service: 'smtp', endpoint: request.smtp, credential: credentialOf('smtp') });
  for (const service of ['caldav', 'carddav'] as const) {
    const dav = request[service];
    if (dav) targets.push({ service, url: dav.url, credential: credentialOf(service) });
  }
  if (request.webdav) {
    targets.push({
      service: 'webdav',
      url: request.webdav.url,
      credential: credentialOf('webdav'),
      ...(request.webdav.writeTest ? { writeTest: true } : {}),
    });
  }
  return targets;
}

export function optionsFromRequest(request: VerifyRequest): Pick<VerifyOptions, 'trust' | 'timeouts'> {
  const trust: TrustSettings = {
    ...(request.caPem ? { caPem: request.caPem } : {}),
    ...(request.pinned?.length ? { pinned: request.pinned.map(checkedPin) } : {}),
  };
  return {
    ...(trust.caPem || trust.pinned ? { trust } : {}),
    ...(request.timeoutSeconds
      ? {
          timeouts: {
            connectMs: Math.min(10_000, request.timeoutSeconds * 1000),
            responseMs: request.timeoutSeconds * 1000,
          },
        }
      : {}),
  };
}

/** A pin is only what it claims: the certificate must have exactly the fingerprint the person confirmed. */
function checkedPin(pin: { sha256: string; pem: string }): { sha256: string; pem: string } {
  let actual: string;
  try {
    actual = new X509Certificate(pin.pem).fingerprint256;
  } catch {
    throw new PonteError('INVALID_INPUT', 'A confirmed certificate could not be read.');
  }
  if (actual !== normalizeFingerprint(pin.sha256)) {
    throw new PonteError('INVALID_INPUT', 'A confirmed certificate does not have the confirmed fingerprint.');
  }
  return { sha256: actual, pem: pin.pem };
}
