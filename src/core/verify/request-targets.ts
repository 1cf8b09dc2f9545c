import { X509Certificate } from 'node:crypto';
import type { VerifyRequest } from '@shared/verify';
import { PonteError } from '../errors/ponte-error';
import { normalizeFingerprint, type TrustSettings } from './tls-trust';
import type { ServiceTarget } from './service-target';
import type { VerifyOptions } from './verify-services';

/** The form's (or the CLI's) single user name and password, spread over the services it asked for. */
export function targetsFromRequest(request: VerifyRequest, password: string): ServiceTarget[] {
  const credential = { username: request.username, password };
  const targets: ServiceTarget[] = [];
  if (request.imap) targets.push({ service: 'imap', endpoint: request.imap, credential });
  if (request.smtp) targets.push({ service: 'smtp', endpoint: request.smtp, credential });
  if (request.caldav) targets.push({ service: 'caldav', url: request.caldav.url, credential });
  if (request.carddav) targets.push({ service: 'carddav', url: request.carddav.url, credential });
  if (request.webdav) {
    targets.push({
      service: 'webdav',
      url: request.webdav.url,
      credential,
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
