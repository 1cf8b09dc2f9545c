import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { accountsFileSchema } from '@core/accounts/account-schema';
import { ponteWith } from '../../support/run-ponte';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';
import { useRigAccount } from '../../support/use-rig-account';

// Saves killed with SIGKILL, as a power cut would: at each point inside a save (a test hook,
// PONTE_TEST_CRASH_AT=storage:<point>), then 200 times at random moments of a `ponte account extend`. After
// every kill accounts.json must parse, match its schema and be the old state or the new one.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const root = join(__dirname, '../../..');
const dir = useTempDir('ponte-crash-', 'all');
const ponte = ponteWith(() => ({ dataDir: join(dir(), 'data') }));
const id = useRigAccount(ponte, rig, anna, ['imap'], ['--lifetime', '90']);

/** The account's extension date as the file says it, after checking the whole file is a valid one. */
async function savedExtension(): Promise<string | undefined> {
  const document = JSON.parse(await readFile(join(dir(), 'data', 'accounts.json'), 'utf8')) as {
    schemaVersion: number;
    data: unknown;
  };
  const { accounts } = accountsFileSchema.parse(document.data);
  expect(accounts.map((account) => account.id)).toEqual([id()]);
  return accounts[0]?.credentials[0]?.extendedAt;
}

/** `ponte account extend`, killed after `delayMs` (or run to its end when it is quicker). */
function extendKilledAfter(delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/ponte.js'), 'account', 'extend', id()], {
      env: { ...process.env, PONTE_DATA_DIR: join(dir(), 'data') },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

describe('accounts.json through crashes', () => {
  it.each(['temp-written', 'temp-synced', 'renamed'])(
    'killed at storage:%s: the old state or the new, never a broken file',
    async (point) => {
      const before = await savedExtension();
      const run = await ponte(['account', 'extend', id()], {
        env: { PONTE_TEST_CRASH_AT: `storage:${point}` },
      });
      expect(run.code).toBeNull();
      const after = await savedExtension();
      // Before the rename nothing changed; after it, the new state is there whole.
      if (point === 'renamed') expect(after).not.toBe(before);
      else expect(after).toBe(before);
      expect((await ponte(['account', 'list', '--json'])).code).toBe(0);
    },
  );

  it('200 saves killed at random moments: every time a whole, valid file', async () => {
    const started = Date.now();
    expect(await extendKilledAfter(60_000)).toBe('finished');
    const oneRunMs = Date.now() - started;
    const seen = new Set<string | undefined>();
    let killed = 0;
    for (let run = 0; run < 200; run += 1) {
      if ((await extendKilledAfter(Math.random() * oneRunMs * 1.2)) === 'killed') killed += 1;
      seen.add(await savedExtension());
    }
    // The runs really were cut short, and some really got their save through.
    expect(killed).toBeGreaterThan(50);
    expect(seen.size).toBeGreaterThan(1);
    const leftovers = (await readdir(join(dir(), 'data'))).filter((name) => name.endsWith('.tmp'));
    // A save cut before its rename leaves its temp file beside the real one; the real one is never touched.
    expect(leftovers.every((name) => name.startsWith('.accounts.json.'))).toBe(true);
  }, 300_000);
});
