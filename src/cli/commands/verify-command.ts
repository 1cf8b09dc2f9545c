import { readFile } from 'node:fs/promises';
import type { TFunction } from 'i18next';
import type { ServiceResult, VerifyRequest } from '@shared/verify';
import { verifyRequestSchema } from '@shared/verify-schema';
import { failurePhrases, foundPhrases, type Phrase } from '@shared/verify-summary';
import { normalizePastedPassword } from '@shared/normalize-password';
import { implicitTlsEndpoint, readPresentedCertificate } from '@core/verify/presented-certificate';
import { optionsFromRequest, serviceTargetsFromRequest } from '@core/verify/request-targets';
import { normalizeFingerprint } from '@core/verify/tls-trust';
import type { Core } from '@core/core';
import { accountServiceTargets, lastCheckFrom } from '@core/accounts/account-builders';
import type { ServiceTarget } from '@core/verify/service-target';
import { type VerifyOptions, verifyServices } from '@core/verify/verify-services';
import { parseEndpointSpec } from '@shared/endpoint-spec';
import { EXIT_FAILED, EXIT_OK, printJson, type CliIo, whileInterruptible } from '../output';
import { type CliArgs, type CommandOptionValues, optionText } from '../parse-args';
import { promptHidden, readPasswordFromStream } from '../read-password';
import { UsageError } from '../parse-args';
import type { CommandContext } from '../command-table';

const MARKS = { ok: '✔', failed: '✘', skipped: '–', pending: '…' } as const;

export interface VerifyContext {
  io: CliIo;
  t: TFunction;
  json: boolean;
  language: string;
}

/**
 * `ponte verify`: checks the given services (or a saved account's, with --account) in parallel, printing
 * each as it settles. The password comes from stdin, a hidden prompt or the keychain only; Ctrl-C cancels
 * every check and closes its connections.
 */
export async function verifyCommand(
  core: Core,
  { options }: CliArgs,
  context: CommandContext,
): Promise<number> {
  if (typeof options.account === 'string') {
    const account = await core.accounts.get(options.account);
    const { targets, trust } = await accountServiceTargets(account, (id) =>
      core.accounts.secret(account, id),
    );
    const { code, results } = await runChecks(targets, { trust }, account.email, context);
    // Kept like the app's "Check now": a refused password then shows as failing (ponte expiry, the dashboard).
    const lastCheck = lastCheckFrom(results, new Date());
    if (lastCheck) await core.accounts.recordCheck(account.id, lastCheck);
    return code;
  }
  const request = await buildRequest(options, context.t);
  const password = await readPassword(options, context);
  const fingerprint =
    typeof options['trust-fingerprint'] === 'string' ? options['trust-fingerprint'] : undefined;
  if (fingerprint !== undefined) await pinPresented(request, fingerprint, context);
  const targets = serviceTargetsFromRequest(request, password);
  return (await runChecks(targets, optionsFromRequest(request), request.username, context)).code;
}

/** Runs the checks with live rows (or JSON at the end) and Ctrl-C to cancel. */
export async function runChecks(
  targets: ServiceTarget[],
  options: Pick<VerifyOptions, 'trust' | 'timeouts'>,
  user: string,
  context: VerifyContext,
): Promise<{ code: number; results: ServiceResult[] }> {
  const { io, t } = context;
  if (!context.json) io.err(t('verify.cli.heading', { count: targets.length, user }));
  return whileInterruptible(io, async (signal) => {
    const results = await verifyServices(targets, {
      ...options,
      signal,
      onResult: (result) => {
        if (!context.json) printResult(result, context);
      },
    });
    if (context.json) printJson(io, results);
    else io.out(summary(results, signal.aborted, t));
    return { code: results.every((result) => result.status === 'ok') ? EXIT_OK : EXIT_FAILED, results };
  });
}

/** The request the flags describe; flags override `base` (settings a catalogued provider gave). */
export async function buildRequest(
  options: CommandOptionValues,
  t: TFunction,
  base: Partial<VerifyRequest> = {},
): Promise<VerifyRequest> {
  const text = (name: string): string | undefined => optionText(options, name);
  const username = text('user') ?? base.username;
  if (!username) throw new UsageError(t('verify.cli.missingUser'));
  const request: VerifyRequest = { ...base, username };
  for (const service of ['imap', 'smtp'] as const) {
    const spec = text(service);
    if (spec === undefined) continue;
    const endpoint = parseEndpointSpec(spec);
    if (!endpoint) throw new UsageError(t('verify.cli.badEndpoint', { value: spec }));
    request[service] = endpoint;
  }
  for (const service of ['caldav', 'carddav', 'webdav'] as const) {
    const url = text(service);
    if (url === undefined) continue;
    // A well-formed http address is core's to refuse (INSECURE_URL, before any connection), as docs/cli.md
    // promises; only what is no web address at all is a usage error.
    if (!/^https?:\/\/[^/]/i.test(url) || !URL.canParse(url)) {
      throw new UsageError(t('verify.cli.badUrl', { value: url }));
    }
    request[service] = { url };
  }
  if (request.webdav && options['write-test'] === true) request.webdav.writeTest = true;
  if (!request.imap && !request.smtp && !request.caldav && !request.carddav && !request.webdav) {
    throw new UsageError(t('verify.cli.noService'));
  }
  const timeout = text('timeout');
  if (timeout !== undefined) {
    const seconds = Number(timeout);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 300)
      throw new UsageError(t('verify.cli.badTimeout'));
    request.timeoutSeconds = seconds;
  }
  const caFile = text('ca');
  if (caFile !== undefined) {
    try {
      request.caPem = await readFile(caFile, 'utf8');
    } catch {
      throw new UsageError(t('verify.cli.caUnreadable', { file: caFile }));
    }
  }
  // The same bounds the app's IPC applies, so the CLI cannot ask core for more than the UI can.
  const checked = verifyRequestSchema.safeParse(withHttpsForTheBounds(request));
  if (!checked.success) {
    const where = checked.error.issues[0]?.path.join('.') ?? '';
    throw new UsageError(
      where === 'caPem' ? t('verify.invalid.trustFile') : (checked.error.issues[0]?.message ?? ''),
    );
  }
  return request;
}

/**
 * The request as the contract's bounds see it, http addresses read as https: their scheme is core's to refuse
 * per service (INSECURE_URL), every other bound (lengths, hosts, ports) still applies here.
 */
function withHttpsForTheBounds(request: VerifyRequest): VerifyRequest {
  const https = (url: string): string => url.replace(/^http:/i, 'https:');
  return {
    ...request,
    ...(request.caldav ? { caldav: { url: https(request.caldav.url) } } : {}),
    ...(request.carddav ? { carddav: { url: https(request.carddav.url) } } : {}),
    ...(request.webdav ? { webdav: { ...request.webdav, url: https(request.webdav.url) } } : {}),
  };
}

/**
 * `--trust-fingerprint`: trust the certificate a server presents only if it has exactly this fingerprint,
 * read before any password is sent.
 */
async function pinPresented(
  request: VerifyRequest,
  fingerprint: string,
  context: VerifyContext,
): Promise<void> {
  const wanted = normalizeFingerprint(fingerprint);
  if (wanted.length !== 95) throw new UsageError(context.t('verify.cli.badFingerprint'));
  const endpoints = serviceTargetsFromRequest(request, '').flatMap(
    (target) => implicitTlsEndpoint(target) ?? [],
  );
  const presented = await Promise.all(
    endpoints.map((endpoint) =>
      readPresentedCertificate(endpoint.host, endpoint.port, { timeoutMs: 10_000 }),
    ),
  );
  const match = presented.find((certificate) => certificate?.sha256 === wanted);
  if (match) request.pinned = [{ sha256: match.sha256, pem: match.pem }];
  else context.io.err(context.t('verify.cli.fingerprintNotSeen'));
}

export async function readPassword(options: CommandOptionValues, context: VerifyContext): Promise<string> {
  const { io, t } = context;
  let password: string;
  if (options['password-stdin'] === true)
    password = normalizePastedPassword(await readPasswordFromStream(io.stdin));
  else if (!io.stdinIsTty) throw new UsageError(t('verify.cli.missingPassword'));
  else {
    const user = typeof options.user === 'string' ? options.user : '';
    password = await promptHidden(t('verify.cli.passwordPrompt', { user }), io.stdin, io.promptOutput);
  }
  if (password === '') throw new UsageError(t('verify.cli.emptyPassword'));
  return password;
}

function printResult(result: ServiceResult, context: VerifyContext): void {
  const { io, t } = context;
  const service = t(`verify.services.${result.service}`);
  if (result.status === 'ok') {
    const found = foundPhrases(result, context.language).map((p) => t(`verify.${p.key}`, p.params ?? {}));
    io.out(`${MARKS.ok} ${service}: ${[t('verify.status.ok'), ...found].join(' · ')}`);
    printLeftOut(result, context);
    return;
  }
  const { title, fix, detail } = failurePhrases(result);
  const say = (phrase: Phrase): string => t(`verify.${phrase.key}`, phrase.params ?? {});
  io.out(`${MARKS[result.status]} ${service}: ${say(title)}`);
  io.out(`  → ${say(fix)}`);
  if (detail) io.out(`  ${say(detail)}`);
  if (result.certificate) {
    const { subject, issuer, sha256 } = result.certificate;
    io.out(`  ${t('verify.certificate.presented', { subject, issuer })}`);
    io.out(`  ${t('verify.certificate.fingerprint')}: ${sha256}`);
    io.out(`  ${t('verify.cli.trustHint', { fingerprint: sha256 })}`);
  }
}

/** Each collection left out, one line each, so whoever runs the server can see which address was refused. */
function printLeftOut(result: ServiceResult, { io, t }: VerifyContext): void {
  if (result.service !== 'caldav' && result.service !== 'carddav') return;
  for (const { url, reason } of result.found?.leftOut ?? []) {
    io.out(`  ${MARKS.skipped} ${url} (${t(`verify.found.leftOutReason.${reason}`)})`);
  }
}

function summary(results: ServiceResult[], cancelled: boolean, t: TFunction): string {
  if (cancelled) return t('verify.summary.cancelled');
  const failed = results.filter((result) => result.status !== 'ok').length;
  return failed === 0
    ? t('verify.summary.allOk', { count: results.length })
    : t('verify.summary.someFailed', { failed, count: results.length });
}
