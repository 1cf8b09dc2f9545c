import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { median } from './median';

// The desktop app's window (issue 20): from launch to the first screen's first contentful paint, against Electron
// opening an empty page (test/bench/empty-electron/), run in turn; and, once painted, that the main process has
// loaded no protocol library. Electron's binary cannot be downloaded on the development rig, so this runs in the
// Desktop workflow (.github/workflows/ci.yml) on Windows, macOS and Linux; here it says it was skipped.
// Needs `npm run build`.

const root = resolve(__dirname, '../..');
const RUNS = Number(process.env.PONTE_BENCH_RUNS ?? 7);
const PROTOCOL_LIBRARIES = ['imapflow', 'nodemailer', 'tsdav', 'webdav', 'mailparser', 'undici'];

/** The installed Electron binary, or null; found as electron's own index.js does, without its download attempt. */
function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const name = readFileSync(pathFile, 'utf8');
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(root, 'node_modules/electron/dist');
  return existsSync(join(dist, name)) ? join(dist, name) : null;
}

const binary = electronBinary();
let dataDir: string;

beforeAll(async () => {
  if (binary && !existsSync(join(root, 'out/main/index.js'))) throw new Error('run `npm run build` first');
  dataDir = await mkdtemp(join(tmpdir(), 'ponte-bench-window-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Milliseconds from launch to the first window's first contentful paint; `inspect` runs before closing. */
async function firstPaint(
  entry: string,
  inspect?: (app: ElectronApplication) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  const app = await _electron.launch({
    args: [entry],
    cwd: root,
    env: { ...process.env, PONTE_DATA_DIR: dataDir } as Record<string, string>,
  });
  try {
    const page = await app.firstWindow();
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const elapsed = performance.now() - started;
    await inspect?.(app);
    return elapsed;
  } finally {
    await app.close();
  }
}

it.skipIf(binary === null)(
  'the window paints its first screen about as soon as an empty Electron page',
  async () => {
    const empty = join(root, 'test/bench/empty-electron/main.cjs');
    const bare: number[] = [];
    const ponte: number[] = [];
    let loadedAtPaint: string[] = [];
    await firstPaint(empty);
    await firstPaint(root);
    for (let run = 0; run < RUNS; run += 1) {
      bare.push(await firstPaint(empty));
      ponte.push(
        await firstPaint(root, async (app) => {
          // The inspector's scope has no `require`: the main module's loader holds the same cache.
          loadedAtPaint = await app.evaluate(() => {
            const loader = process.mainModule?.constructor as
              { _cache?: Record<string, unknown> } | undefined;
            if (!loader?._cache) throw new Error('the main process has no CommonJS module cache to inspect');
            return Object.keys(loader._cache).filter((path) => path.includes('node_modules'));
          });
        }),
      );
    }
    const ratio = median(ponte) / median(bare);
    const protocols = PROTOCOL_LIBRARIES.filter((name) =>
      loadedAtPaint.some(
        (path) => path.includes(`node_modules/${name}/`) || path.includes(`node_modules\\${name}\\`),
      ),
    );
    console.log(
      `window first paint, median of ${RUNS}: Ponte ${median(ponte).toFixed(0)} ms, empty Electron page ` +
        `${median(bare).toFixed(0)} ms, ratio ${ratio.toFixed(2)} (goal ≤ 1.5); protocol libraries loaded ` +
        `at first paint: ${protocols.length === 0 ? 'none' : protocols.join(', ')}`,
    );
    expect(protocols).toEqual([]);
  },
);
