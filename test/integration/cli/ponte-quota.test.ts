import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCore } from '@core/core';
import { runReminders } from '@core/reminders/reminder-service';
import type { Reminder } from '@core/reminders/due-reminders';
import type { AccountSummary } from '@shared/models';
import { rigImap } from '../../support/rig-imap';
import { runPonte } from '../../support/run-ponte';
import { rigUser } from '../verify/rig-targets';
import { addRigAccount } from '../../support/rig-accounts';

// The mailbox quota read from the real Dovecot (quota plugin, 100 MB per box), kept at each check, shown by
// `ponte account list` and reminded once at 80 %. The rig's `ugo` box is filled to about 86 % first.

const rig = inject('rig');
const ugo = rigUser(rig, 4);
const root = join(__dirname, '../../..');
let dataDir: string;
let id: string;

/** A plain message of about `bytes` bytes (CRLF lines, as IMAP stores them). */
function bulkMessage(index: number, bytes: number): string {
  const line = 'x'.repeat(98);
  const head = `From: ${ugo.email}\r\nTo: ${ugo.email}\r\nSubject: bulk ${index}\r\n\r\n`;
  return head + `${line}\r\n`.repeat(Math.floor(bytes / 100));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ponte-quota-'));
  const client = await rigImap(rig, ugo);
  try {
    for (let index = 0; index < 9; index += 1) await client.append('INBOX', bulkMessage(index, 10_000_000));
  } finally {
    await client.logout();
  }
  id = (await addRigAccount(ponte, rig, ugo, ['imap'])).id;
}, 60_000);
afterAll(async () => {
  await ponte(['account', 'remove', id]);
  await rm(dataDir, { recursive: true, force: true });
});

function ponte(args: string[], stdin = '') {
  return runPonte(args, { env: { PONTE_DATA_DIR: dataDir }, stdin });
}

describe('mailbox quota', () => {
  it('is read at each check and kept with it', async () => {
    expect((await ponte(['check'])).code).toBe(0);
    const [account] = JSON.parse((await ponte(['account', 'list', '--json'])).stdout) as AccountSummary[];
    const quota = account?.lastCheck?.quota;
    expect(quota?.limitBytes).toBe(100 * 1024 * 1024);
    const percent = ((quota?.usedBytes ?? 0) / (quota?.limitBytes ?? 1)) * 100;
    expect(percent).toBeGreaterThan(85);
    expect(percent).toBeLessThan(90);
  });

  it('ponte account list says how full it is and what a full box means', async () => {
    const run = await ponte(['account', 'list']);
    expect(run.stdout).toMatch(/Mailbox: [\d.]+ MB of [\d.]+ MB used \(8[5-9]%\)/);
    expect(run.stdout).toContain('Nearly full. When it is full, new messages are refused');
    const italian = await ponte(['account', 'list', '--lang', 'it']);
    expect(italian.stdout).toMatch(/Casella: .* occupati \(8[5-9]%\)/);
  });

  it('the 80 % reminder is said once, however often reminders run', async () => {
    const core = createCore({ dataDir, appRoot: root, env: process.env });
    const said: Reminder[] = [];
    await runReminders(core, new Date(), (reminder) => void said.push(reminder));
    await runReminders(core, new Date(), (reminder) => void said.push(reminder));
    expect(said).toEqual([
      expect.objectContaining({ kind: 'quota', accountId: id, email: ugo.email, threshold: 80 }),
    ]);
  });
});
