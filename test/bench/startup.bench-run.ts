import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { AccountStore } from '../../src/core/accounts/account-store';
import { sampleAccount } from '../unit/core/targets/sample-account';
import { heldSecrets } from '../support/memory-secrets';
import { median } from './median';
import { useTempDir } from '../support/use-temp-dir';

// How long `ponte` takes before it does anything, against a bare `node -e 0` run in the same loop (A, B, A,
// B…) so the machine's noise hits both alike. Wall time from spawn to exit, and peak memory from GNU time.
// Needs `npm run build` (the command runs from out/). Goals (issue 20): --version and --help ≤ 1.5× and
// ≤ 60 MB; expiry --json and account list --json ≤ 2×.

const root = resolve(__dirname, '../..');
const RUNS = Number(process.env.PONTE_BENCH_RUNS ?? 15);
const dataDir = useTempDir('ponte-bench-startup-', 'all');

beforeAll(async () => {
  if (!existsSync(join(root, 'out/main/cli.js'))) throw new Error('run `npm run build` first');
  // An office's worth of saved accounts, so expiry and account list read and summarise real data.
  const store = new AccountStore(dataDir(), heldSecrets());
  for (const index of [1, 2, 3]) {
    const account = sampleAccount();
    await store.add(
      { ...account, id: `${account.id.slice(0, -1)}${index}`, email: `user${index}@studio-rossi.ch` },
      Object.fromEntries(account.credentials.map((credential) => [credential.id, `secret-${index}`])),
    );
  }
});

interface Run {
  ms: number;
  peakMb: number;
}

function timed(args: string[]): Run {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    cwd: root,
    env: { ...process.env, PONTE_DATA_DIR: dataDir(), LANG: 'C.UTF-8' },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const kilobytes = Number(result.stderr.trim().split('\n').at(-1));
  return { ms, peakMb: kilobytes / 1024 };
}

const commands: { label: string; args: string[]; goal: number }[] = [
  { label: '--version', args: ['--version'], goal: 1.5 },
  { label: '--help', args: ['--help'], goal: 1.5 },
  { label: 'expiry --json', args: ['expiry', '--json'], goal: 2 },
  { label: 'account list --json', args: ['account', 'list', '--json'], goal: 2 },
];

it('ponte starts in a blink: each command against `node -e 0`, in turn', () => {
  const rows: string[] = [];
  for (const command of commands) {
    const baseline: Run[] = [];
    const ponte: Run[] = [];
    timed(['-e', '0']); // warm the file cache for both
    timed(['bin/ponte.js', ...command.args]);
    for (let run = 0; run < RUNS; run += 1) {
      baseline.push(timed(['-e', '0']));
      ponte.push(timed(['bin/ponte.js', ...command.args]));
    }
    const base = median(baseline.map((r) => r.ms));
    const ms = median(ponte.map((r) => r.ms));
    const peak = Math.max(...ponte.map((r) => r.peakMb));
    const ratio = ms / base;
    rows.push(
      `${command.label.padEnd(22)} ${ms.toFixed(0).padStart(5)} ms  node -e 0 ${base.toFixed(0).padStart(4)} ms  ` +
        `ratio ${ratio.toFixed(2)} (goal ≤ ${command.goal})  peak ${peak.toFixed(0)} MB`,
    );
    expect(ms).toBeGreaterThan(0);
  }
  console.log(`ponte start-up, median of ${RUNS} runs each:\n${rows.join('\n')}`);
});
