import type { ServiceKind, ServiceResult } from '@shared/verify';
import { rememberSecret } from '../log/logger';
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

// Each protocol's library is loaded by the first check that needs it (imapflow, nodemailer, tsdav and webdav
// together cost a command that checks nothing about half a second): a module is loaded once, then cached.
const adapters: Record<ServiceKind, () => Promise<AnyAdapter>> = {
  imap: async () => (await import('../imap/verify-imap')).verifyImap as AnyAdapter,
  smtp: async () => (await import('../smtp/verify-smtp')).verifySmtp as AnyAdapter,
  caldav: async () => (await import('../dav/verify-caldav')).verifyCalDav as AnyAdapter,
  carddav: async () => (await import('../dav/verify-carddav')).verifyCardDav as AnyAdapter,
  webdav: async () => (await import('../webdav/verify-webdav')).verifyWebDav as AnyAdapter,
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
  // Typed in the window or the CLI and checked before it reaches the keychain: masked in the log from here.
  for (const target of targets) rememberSecret(target.credential.password);
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
    const adapter = await adapters[target.service]();
    const found = await runBounded(
      (signal) =>
        adapter(target, {
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
