import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { median } from './median';
import { useTempDir } from '../support/use-temp-dir';

// From process start to the first screen's HTML: the browser preview (`out/main/web-bridge.js`, the same start
// sequence as the desktop app's) against a bare Node HTTP server printing its address the same way, run in
// turn. The goal (issue 20) is ≤ 1.5×: the protocol libraries load after the first answer, not before.
// Needs `npm run build`.

const root = resolve(__dirname, '../..');
const RUNS = Number(process.env.PONTE_BENCH_RUNS ?? 9);
const BARE_SERVER = `
const server = require('node:http').createServer((_req, res) => res.end('<!doctype html><title>x</title>'));
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));
`;
const dataDir = useTempDir('ponte-bench-first-answer-', 'all');

beforeAll(async () => {
  if (!existsSync(join(root, 'out/main/web-bridge.js'))) throw new Error('run `npm run build` first');
});

/** Milliseconds from spawn until the address the process printed answers 200 with HTML. */
async function firstAnswer(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PONTE_DATA_DIR: dataDir(), PONTE_WEB_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
        if (found) resolveUrl(found[0]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code} before printing its address`)));
    });
    const response = await fetch(url);
    const body = await response.text();
    if (response.status !== 200 || !body.includes('<')) throw new Error(`${url} answered ${response.status}`);
    return performance.now() - started;
  } finally {
    child.kill();
  }
}

it('the browser preview serves its first screen about as soon as a bare Node server', async () => {
  const bare: number[] = [];
  const bridge: number[] = [];
  await firstAnswer(['-e', BARE_SERVER]);
  await firstAnswer(['out/main/web-bridge.js']);
  for (let run = 0; run < RUNS; run += 1) {
    bare.push(await firstAnswer(['-e', BARE_SERVER]));
    bridge.push(await firstAnswer(['out/main/web-bridge.js']));
  }
  const ratio = median(bridge) / median(bare);
  console.log(
    `first answer, median of ${RUNS}: bridge ${median(bridge).toFixed(0)} ms, bare Node server ` +
      `${median(bare).toFixed(0)} ms, ratio ${ratio.toFixed(2)} (goal ≤ 1.5)`,
  );
  expect(ratio).toBeGreaterThan(0);
});
