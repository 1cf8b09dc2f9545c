import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createCore } from '@core/core';
import { runReminders } from '@core/reminders/reminder-service';
import type { Reminder } from '@core/reminders/due-reminders';
import type { AccountSummary } from '@shared/models';
import { rigImap } from '../../support/rig-imap';
import { ponteWith } from '../../support/run-ponte';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';
import { useRigAccount } from '../../support/use-rig-account';

// The mailbox quota read from the real Dovecot (quota plugin, 100 MB per box), kept at each check, shown by
// `ponte account list` and reminded once at 80 %. The rig's `ugo` box is filled to about 86 % first.

const rig = inject('rig');
const ugo = rigUser(rig, 4);
const root = join(__dirname, '../../..');
const dataDir = useTempDir('ponte-quota-', 'all');
const ponte = ponteWith(() => ({ dataDir: dataDir() }));

/** A plain message of about `bytes` bytes (CRLF lines, as IMAP stores them). */
function bulkMessage(index: number, bytes: number): string {
  const line = 'x'.repeat(98);
  const head = `From: ${ugo.email}\r\nTo: ${ugo.email}\r\nSubject: bulk ${index}\r\n\r\n`;
  return head + `${line}\r\n`.repeat(Math.floor(bytes / 100));
}

beforeAll(async () => {
  const client = await rigImap(rig, ugo);
  try {
    for (let index = 0; index < 9; index += 1) await client.append('INBOX', bulkMessage(index, 10_000_000));
  } finally {
    await client.logout();
  }
}, 60_000);
// Saved once the box is full: the save's own check records the quota too.
const id = useRigAccount(ponte, rig, ugo, ['imap']);

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
    const core = createCore({ dataDir: dataDir(), appRoot: root, env: process.env });
    const said: Reminder[] = [];
    await runReminders(core, new Date(), (reminder) => void said.push(reminder));
    await runReminders(core, new Date(), (reminder) => void said.push(reminder));
    expect(said).toEqual([
      expect.objectContaining({ kind: 'quota', accountId: id(), email: ugo.email, threshold: 80 }),
    ]);
  });
});
