import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ServiceTarget, Timeouts } from '../../../src/core/verify/service-target';
import { verifyServices } from '../../../src/core/verify/verify-services';
import { runChecks } from '../../../src/cli/commands/verify-command';
import type { CliIo } from '../../../src/cli/output';
import { createTranslator } from '@shared/i18n/translator';
import type { ServiceResult } from '@shared/verify';
import type { FakeServer } from '../../support/fake-servers';
import {
  startDavListingElsewhere,
  startDripServer,
  startEndlessGreeting,
  startEndlessLiteralImap,
  startHugeMultistatus,
  startRedirectLoop,
} from '../../support/hostile-servers';
import { type IssuedCertificate, issueCertificate } from '../../support/test-certificates';
import { loopbackTarget, rigUser } from '../verify/rig-targets';

// Servers that attack the client, on loopback with certificates from the rig's CA (so TLS is verified as
// always): each check must end within its time bound with the right code, keep memory bounded, and leave the
// event loop free (the same loop answers the window). Expired certificates are in verify-faults.test.ts.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const trust = { caPem: rig.caPem };
const credential = { username: anna.login, password: anna.password };
// Ceiling of a check: connect + 2 × response = 4 s.
const timeouts: Timeouts = { connectMs: 1_000, responseMs: 1_500 };
const CEILING_MS = 4_000;
const MB = 1024 * 1024;

let cert: IssuedCertificate;
const servers: FakeServer[] = [];

beforeAll(async () => {
  cert = await issueCertificate(rig.dir, { names: ['127.0.0.1'] });
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

async function started(server: Promise<FakeServer>): Promise<FakeServer> {
  const ready = await server;
  servers.push(ready);
  return ready;
}

const imapAt = (port: number): ServiceTarget => loopbackTarget('imap', port, credential);
const smtpAt = (port: number): ServiceTarget => loopbackTarget('smtp', port, credential);
/** Calendars, contacts and files, all at one DAV server. */
const allDavAt = (port: number): ServiceTarget[] =>
  (['caldav', 'carddav', 'webdav'] as const).map((service) => loopbackTarget(service, port, credential));

interface Measured {
  results: ServiceResult[];
  ms: number;
  /** Highest resident memory seen while it ran, above where it started. */
  memoryGrowthMb: number;
  /** Longest the event loop was kept from running anything else. */
  longestStallMs: number;
}

/** Runs checks and measures them: time, peak memory (sampled, and the process's high-water mark), stalls. */
async function measured(targets: ServiceTarget[]): Promise<Measured> {
  const rssBefore = process.memoryUsage().rss;
  const highWaterBefore = process.resourceUsage().maxRSS * 1024;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const startedAt = performance.now();
  const results = await verifyServices(targets, { trust, timeouts });
  const ms = performance.now() - startedAt;
  loop.disable();
  clearInterval(sampler);
  const highWaterAfter = process.resourceUsage().maxRSS * 1024;
  if (highWaterAfter > highWaterBefore) peak = Math.max(peak, highWaterAfter);
  const figures = {
    results,
    ms: Math.round(ms),
    memoryGrowthMb: Math.round((peak - rssBefore) / MB),
    longestStallMs: Math.round(loop.max / 1e6),
  };
  console.log(
    `${targets.map((t) => t.service).join('+')}: ${results.map((r) => r.code ?? r.status).join(', ')}`,
    `in ${figures.ms} ms, memory +${figures.memoryGrowthMb} MB, longest stall ${figures.longestStallMs} ms`,
  );
  return figures;
}

const codes = (results: ServiceResult[]): (string | null)[] => results.map((result) => result.code);

describe('hostile servers: each check ends in its bounds, memory stays bounded, the loop stays free', () => {
  it('a server that drips one byte at a time (never idle long enough for a timeout) → TIMEOUT at the ceiling', async () => {
    const imap = await started(startDripServer(cert, '* OK slow', 200));
    const dav = await started(
      startDripServer(cert, `HTTP/1.1 207 Multi-Status\r\nX-Slow: ${'a'.repeat(500)}`, 200),
    );
    const run = await measured([imapAt(imap.port), loopbackTarget('webdav', dav.port, credential)]);
    expect(codes(run.results)).toEqual(['TIMEOUT', 'TIMEOUT']);
    expect(run.ms).toBeLessThan(CEILING_MS + 1_000);
    await expect.poll(() => imap.openConnections() + dav.openConnections(), { timeout: 3_000 }).toBe(0);
  });

  it.each([
    [
      'an endless IMAP literal (announced as 900 MB, streamed without end)',
      () => startEndlessLiteralImap(cert, 900 * MB),
      imapAt,
    ],
    ['an IMAP greeting line without end', () => startEndlessGreeting(cert, '* OK '), imapAt],
    ['an SMTP greeting line without end', () => startEndlessGreeting(cert, '220 '), smtpAt],
  ])('%s → PROTOCOL_ERROR at once, memory bounded', async (_name, start, at) => {
    const server = await started(start());
    const run = await measured([at(server.port)]);
    expect(codes(run.results)).toEqual(['PROTOCOL_ERROR']);
    expect(run.ms).toBeLessThan(CEILING_MS);
    expect(run.memoryGrowthMb).toBeLessThan(64);
    expect(run.longestStallMs).toBeLessThan(500);
  });

  it('a 100 MB PROPFIND answer → PROTOCOL_ERROR for calendars, contacts and files, memory bounded', async () => {
    const server = await started(startHugeMultistatus(cert, 100 * MB));
    const run = await measured(allDavAt(server.port));
    expect(codes(run.results)).toEqual(['PROTOCOL_ERROR', 'PROTOCOL_ERROR', 'PROTOCOL_ERROR']);
    expect(run.ms).toBeLessThan(CEILING_MS);
    expect(run.memoryGrowthMb).toBeLessThan(160);
    expect(run.longestStallMs).toBeLessThan(500);
  });

  it('a redirect loop → PROTOCOL_ERROR after a bounded number of hops', async () => {
    const server = await started(startRedirectLoop(cert));
    const run = await measured(allDavAt(server.port));
    expect(codes(run.results)).toEqual(['PROTOCOL_ERROR', 'PROTOCOL_ERROR', 'PROTOCOL_ERROR']);
    expect(run.ms).toBeLessThan(CEILING_MS);
  });
});

describe('a DAV server that lists collections elsewhere', () => {
  const listed = [
    '/dav/home/work/',
    'https://evil.example/cal/',
    'http://127.0.0.1/cal/',
    'https://127.0.0.1:1/cal/',
    'https://collector:pw@127.0.0.1/cal/',
  ];
  const davAt = (port: number): ServiceTarget[] =>
    (['caldav', 'carddav'] as const).map((service) => ({
      service,
      url: `https://127.0.0.1:${port}/dav/`,
      credential,
    }));

  it('keeps the calendar and address book on the server, and reports the others left out with why', async () => {
    const server = await started(startDavListingElsewhere(cert, listed));
    const results = await verifyServices(davAt(server.port), { trust, timeouts });
    const kept = [{ url: `https://127.0.0.1:${server.port}/dav/home/work/`, displayName: 'Listed 0' }];
    const leftOut = [
      { url: 'https://evil.example/cal/', reason: 'otherServer' },
      { url: 'http://127.0.0.1/cal/', reason: 'insecure' },
      { url: 'https://127.0.0.1:1/cal/', reason: 'otherServer' },
      { url: 'https://…@127.0.0.1/cal/', reason: 'invalid' },
    ];
    const [caldav, carddav] = results;
    expect(codes(results)).toEqual([null, null]);
    // Client setup reads `calendars` and `addressBooks`: only the kept one is there.
    expect(caldav?.service === 'caldav' && caldav.found).toMatchObject({ calendars: kept, leftOut });
    expect(caldav?.service === 'caldav' && caldav.found?.calendars).toHaveLength(1);
    expect(carddav?.service === 'carddav' && carddav.found).toMatchObject({ addressBooks: kept, leftOut });
    expect(carddav?.service === 'carddav' && carddav.found?.addressBooks).toHaveLength(1);
    expect(JSON.stringify(results)).not.toContain('collector:pw');
  });

  it('ponte verify says, in the person’s language, how many were left out, why, and which', async () => {
    const server = await started(startDavListingElsewhere(cert, listed));
    const lines: string[] = [];
    const io: CliIo = {
      out: (text) => lines.push(text),
      err: () => undefined,
      env: {},
      stdin: Readable.from([]),
      stdinIsTty: false,
      promptOutput: new PassThrough(),
      onInterrupt: () => () => undefined,
    };
    const t = await createTranslator('it');
    const run = await runChecks(davAt(server.port), { trust, timeouts }, anna.login, {
      io,
      t,
      json: false,
      language: 'it',
    });
    expect(run.code).toBe(0);
    const printed = lines.join('\n');
    expect(printed).toContain("1 calendario · 1 calendario escluso: l'indirizzo non è https");
    expect(printed).toContain('2 calendari esclusi: si trovano su un altro server');
    expect(printed).toContain("1 rubrica esclusa: l'indirizzo non è valido");
    expect(printed).toContain('https://evil.example/cal/ (altro server)');
    expect(printed).toContain('https://…@127.0.0.1/cal/ (indirizzo non valido)');
    expect(printed).not.toContain('collector:pw');
  });
});
