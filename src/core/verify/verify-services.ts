import type { ServiceKind, ServiceResult } from '@shared/verify';
import { verifyCalDav } from '../dav/verify-caldav';
import { verifyCardDav } from '../dav/verify-carddav';
import { verifyImap } from '../imap/verify-imap';
import { verifySmtp } from '../smtp/verify-smtp';
import { verifyWebDav } from '../webdav/verify-webdav';
import { unexpectedFailure } from './adapter-errors';
import { implicitTlsEndpoint, readPresentedCertificate } from './presented-certificate';
import { runBounded } from './run-bounded';
import { type AdapterContext, DEFAULT_TIMEOUTS, type ServiceTarget, type Timeouts } from './service-target';
import type { TrustSettings } from './tls-trust';

export interface VerifyOptions {
  trust?: TrustSettings;
  timeouts?: Partial<Timeouts>;
  /** Cancels every check still running; their results say CANCELLED and their sockets are closed. */
  signal?: AbortSignal;
  /** Extra hosts DAV requests may reach (provider catalog patterns such as `*.icloud.com`). */
  confirmedHosts?: readonly string[];
  /** Each result as it settles, with its target's index, for progress rows. */
  onResult?: (result: ServiceResult, index: number) => void;
  onRequest?: AdapterContext['onRequest'];
}

type AnyAdapter = (target: ServiceTarget, context: AdapterContext) => Promise<unknown>;

const adapters: Record<ServiceKind, AnyAdapter> = {
  imap: verifyImap as AnyAdapter,
  smtp: verifySmtp as AnyAdapter,
  caldav: verifyCalDav as AnyAdapter,
  carddav: verifyCardDav as AnyAdapter,
  webdav: verifyWebDav as AnyAdapter,
};

/** Discovery makes several sequential requests: the ceiling allows a few responses after the connect. */
const ceilingMs = (timeouts: Timeouts): number => timeouts.connectMs + 2 * timeouts.responseMs;

/**
 * Checks every target at once, each on its own connection and clock, and never throws: every target gets
 * exactly one result, in the order given.
 */
export async function verifyServices(
  targets: readonly ServiceTarget[],
  options: VerifyOptions = {},
): Promise<ServiceResult[]> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  return Promise.all(
    targets.map(async (target, index) => {
      const result = await verifyOne(target, timeouts, options);
      options.onResult?.(result, index);
      return result;
    }),
  );
}

async function verifyOne(
  target: ServiceTarget,
  timeouts: Timeouts,
  options: VerifyOptions,
): Promise<ServiceResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const found = await runBounded(
      (signal) =>
        adapters[target.service](target, {
          signal,
          timeouts,
          trust: options.trust ?? {},
          confirmedHosts: options.confirmedHosts ?? [],
          ...(options.onRequest ? { onRequest: options.onRequest } : {}),
        }),
      { timeoutMs: ceilingMs(timeouts), ...(options.signal ? { parent: options.signal } : {}) },
    );
    return {
      service: target.service,
      status: 'ok',
      code: null,
      durationMs: elapsed(),
      found,
    } as ServiceResult;
  } catch (error) {
    const failure = unexpectedFailure(error, target.credential.password);
    const certificate = CERTIFICATE_CODES.has(failure.code)
      ? await presentedBy(target, timeouts, options.signal)
      : undefined;
    return {
      service: target.service,
      status: failure.code === 'CANCELLED' ? 'skipped' : 'failed',
      code: failure.code,
      durationMs: elapsed(),
      ...(failure.detail ? { detail: failure.detail } : {}),
      ...(certificate ? { certificate } : {}),
    };
  }
}

const CERTIFICATE_CODES = new Set(['TLS_UNTRUSTED', 'TLS_HOSTNAME_MISMATCH', 'TLS_EXPIRED']);

/** What the server presented, so the person can compare its fingerprint with what IT says and pin it. */
async function presentedBy(target: ServiceTarget, timeouts: Timeouts, signal?: AbortSignal) {
  const endpoint = implicitTlsEndpoint(target);
  if (!endpoint) return undefined;
  return readPresentedCertificate(endpoint.host, endpoint.port, {
    timeoutMs: timeouts.connectMs,
    ...(signal ? { signal } : {}),
  });
}
