import type { VerifyRequest } from '@shared/verify';
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
  return {
    ...(request.caPem ? { trust: { caPem: request.caPem } } : {}),
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
