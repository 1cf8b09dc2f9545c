import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceTarget } from '../../src/core/verify/service-target';
import { verifyServices } from '../../src/core/verify/verify-services';
import type { ServiceKind, ServiceResult } from '../../src/shared/verify';
import { type Rig, startRig } from '../rig/rig';
import { type LatencyProxy, startLatencyProxy } from './latency-proxy';
import { median } from './median';

const DELAY_MS = Number(process.env.PONTE_BENCH_DELAY_MS ?? 50);
const RUNS = 7;
let rig: Rig;
const proxies: LatencyProxy[] = [];

beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await rig.stop();
});

async function proxied(port: number): Promise<number> {
  const proxy = await startLatencyProxy(port, DELAY_MS);
  proxies.push(proxy);
  return proxy.port;
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

it(`verifies five services through ${DELAY_MS} ms of latency each way, in parallel`, async () => {
  const { info } = rig;
  const user = info.users[0];
  if (!user) throw new Error('no rig user');
  const credential = { username: user.login, password: user.password };
  const davPort = await proxied(portOf(info.caldav.url));
  const webdavPort = await proxied(portOf(info.webdav.url));
  const targets: ServiceTarget[] = [
    {
      service: 'imap',
      endpoint: { host: '127.0.0.1', port: await proxied(info.imap.tlsPort), security: 'tls' },
      credential,
    },
    {
      service: 'smtp',
      endpoint: { host: '127.0.0.1', port: await proxied(info.smtp.submissionPort), security: 'starttls' },
      credential,
    },
    { service: 'caldav', url: `https://127.0.0.1:${davPort}/`, credential },
    { service: 'carddav', url: `https://127.0.0.1:${davPort}/`, credential },
    { service: 'webdav', url: user.webdavUrl.replace(/:\d+\//, `:${webdavPort}/`), credential },
  ];

  const trust = { caPem: info.caPem };
  // Each service alone first: the parallel run can be no faster than the slowest of these.
  const solo = new Map<ServiceKind, number[]>();
  for (let run = 0; run < RUNS; run += 1) {
    for (const target of targets) {
      const started = performance.now();
      const [result] = await verifyServices([target], { trust });
      expect(result?.status).toBe('ok');
      solo.set(target.service, [...(solo.get(target.service) ?? []), performance.now() - started]);
    }
  }
  const walls: number[] = [];
  const inParallel = new Map<ServiceKind, number[]>();
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const results = await verifyServices(targets, { trust });
    walls.push(performance.now() - started);
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('ok'));
    for (const result of results) {
      inParallel.set(result.service, [...(inParallel.get(result.service) ?? []), result.durationMs]);
    }
  }

  const rows = targets.map(({ service }) => ({
    service,
    'alone, median ms': Math.round(median(solo.get(service) ?? [])),
    'in parallel, median ms': Math.round(median(inParallel.get(service) ?? [])),
  }));
  const slowestAlone = Math.max(...rows.map((row) => row['alone, median ms']));
  const sumAlone = rows.reduce((sum, row) => sum + row['alone, median ms'], 0);
  const wall = median(walls);
  const ratio = wall / slowestAlone;
  console.log(`\nVerify all five services, ${DELAY_MS} ms added each way, median of ${RUNS} runs`);
  console.table(rows);
  console.log(
    `wall time all five: ${Math.round(wall)} ms (one after another would be ${sumAlone} ms); ` +
      `total/slowest: ${ratio.toFixed(3)} (goal ≤ 1.15: ${ratio <= 1.15 ? 'met' : 'NOT met'})`,
  );
});

/** Collections written straight into Radicale's storage, as the rig does for its own. */
async function addCollections(login: string, calendars: number, books: number): Promise<void> {
  const root = join(rig.info.dir, 'radicale', 'collections', 'collection-root', login);
  const write = async (name: string, props: Record<string, string>): Promise<void> => {
    await mkdir(join(root, name), { recursive: true });
    await writeFile(join(root, name, '.Radicale.props'), JSON.stringify(props));
  };
  for (let i = 0; i < calendars; i += 1) {
    await write(`bench-cal-${i}`, {
      tag: 'VCALENDAR',
      'C:supported-calendar-component-set': i % 3 === 0 ? 'VTODO' : 'VEVENT',
      'D:displayname': `Calendario ${i}`,
      'ICAL:calendar-color': '#1F5FD1FF',
    });
  }
  for (let i = 0; i < books; i += 1)
    await write(`bench-book-${i}`, { tag: 'VADDRESSBOOK', 'D:displayname': `Rubrica ${i}` });
}

async function countDiscoveryRequests(): Promise<{
  requests: Record<string, number>;
  found: ServiceResult[];
}> {
  const user = rig.info.users[1];
  if (!user) throw new Error('no second rig user');
  const credential = { username: user.login, password: user.password };
  const requests: Record<string, number> = { caldav: 0, carddav: 0 };
  const found = await verifyServices(
    [
      { service: 'caldav', url: rig.info.caldav.url, credential },
      { service: 'carddav', url: rig.info.caldav.url, credential },
    ],
    {
      trust: { caPem: rig.info.caPem },
      onRequest: (service) => {
        requests[service] = (requests[service] ?? 0) + 1;
      },
    },
  );
  return { requests, found };
}

it('discovers 300 calendars and 50 address books in a constant number of requests', async () => {
  const before = await countDiscoveryRequests();
  const login = rig.info.users[1]?.login ?? '';
  await addCollections(login, 300, 50);
  const started = performance.now();
  const after = await countDiscoveryRequests();
  const elapsed = performance.now() - started;
  const calendars = after.found[0]?.service === 'caldav' ? (after.found[0].found?.calendars.length ?? 0) : 0;
  const books = after.found[1]?.service === 'carddav' ? (after.found[1].found?.addressBooks.length ?? 0) : 0;
  expect(calendars).toBeGreaterThanOrEqual(300);
  expect(books).toBeGreaterThanOrEqual(50);
  console.log('\nCalDAV + CardDAV discovery: HTTP requests per service');
  console.table([
    { account: 'rig default (2 calendars, 1 book)', ...before.requests },
    { account: `${calendars} calendars, ${books} books`, ...after.requests },
  ]);
  const constant = JSON.stringify(before.requests) === JSON.stringify(after.requests);
  console.log(
    `constant request count: ${constant ? 'yes (goal met)' : 'NO (goal not met)'}; discovery took ${Math.round(elapsed)} ms`,
  );
});
