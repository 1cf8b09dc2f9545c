import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bridgeAddress } from '../../src/web-bridge/bridge-address';
import { median } from './median';
import { useTempDir } from '../support/use-temp-dir';

// The window's first screen in Chromium: first contentful paint of Ponte's accounts screen (served by the
// browser preview, the same renderer the desktop app loads) against an empty page of the same stack (React 19,
// built and minified by Vite: test/bench/empty-react/), each in a fresh browser context, in turn. Also the
// gzip size of the JavaScript the first screen loads. Goals (issue 20): ≤ 1.5× and ≤ 120 KB.
// Needs `npm run build`.

const root = resolve(__dirname, '../..');
const RUNS = Number(process.env.PONTE_BENCH_RUNS ?? 9);
const work = useTempDir('ponte-bench-paint-', 'all');
let bridge: ChildProcess;
let ponteUrl: string;
let empty: Server;
let emptyUrl: string;
let browser: Browser;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serveFolder(folder: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = join(folder, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

beforeAll(async () => {
  if (!existsSync(join(root, 'out/renderer/index.html'))) throw new Error('run `npm run build` first');
  await build({
    root: join(__dirname, 'empty-react'),
    base: './',
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir: join(work(), 'empty'), minify: true },
  });
  empty = await serveFolder(join(work(), 'empty'));
  emptyUrl = `http://127.0.0.1:${(empty.address() as AddressInfo).port}/`;
  bridge = spawn(process.execPath, [join(root, 'out/main/web-bridge.js')], {
    cwd: root,
    env: {
      ...process.env,
      PONTE_DATA_DIR: join(work(), 'data'),
      HOME: join(work(), 'home'),
      LANG: 'en_US.UTF-8',
    },
  });
  ponteUrl = await bridgeAddress(bridge, 30_000);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=en-US'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  bridge?.kill();
  empty?.close();
});

/** First contentful paint in ms, in a fresh context (nothing cached), once the page has painted text. */
async function firstPaint(url: string): Promise<number> {
  const context = await browser.newContext({ locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(() => {
      const [entry] = performance.getEntriesByName('first-contentful-paint');
      return entry ? entry.startTime : false;
    });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/** The gzip size of the scripts index.html loads at once (entry and module preloads), lazy chunks left out. */
async function firstScreenScriptKb(): Promise<{ kb: number; files: string[] }> {
  const dir = join(root, 'out/renderer');
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
  // The one language the window starts in (English here) is fetched before the first render too.
  const english = (await readdir(join(dir, 'assets'))).find((name) => /^en-[\w-]+\.js$/.test(name));
  if (english) files.push(`assets/${english}`);
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
  return { kb: bytes / 1024, files };
}

it('the first screen paints about as soon as an empty page of the same stack', async () => {
  await firstPaint(emptyUrl);
  await firstPaint(ponteUrl);
  const baseline: number[] = [];
  const ponte: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    baseline.push(await firstPaint(emptyUrl));
    ponte.push(await firstPaint(ponteUrl));
  }
  const { kb, files } = await firstScreenScriptKb();
  const ratio = median(ponte) / median(baseline);
  console.log(
    `first contentful paint, median of ${RUNS}: Ponte ${median(ponte).toFixed(0)} ms, empty React page ` +
      `${median(baseline).toFixed(0)} ms, ratio ${ratio.toFixed(2)} (goal ≤ 1.5)\n` +
      `first screen's JavaScript: ${kb.toFixed(1)} KB gzip in ${files.length} files (goal ≤ 120 KB)`,
  );
  expect(ratio).toBeGreaterThan(0);
}, 300_000);
