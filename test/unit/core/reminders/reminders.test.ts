import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '@shared/i18n/translator';
import { accountFromRequest } from '@core/accounts/account-builders';
import { AccountStore } from '@core/accounts/account-store';
import { runReminders, reminderText } from '@core/reminders/reminder-service';
import type { Reminder } from '@core/reminders/due-reminders';
import type { SecretStore } from '@core/secrets/secret-store';
import { SettingsStore } from '@core/settings/settings-store';
import { useTempDir } from '../../../support/use-temp-dir';

// Reminders read only dates and the last check, never a secret: a keychain that holds what it is given is
// enough here (the real one is exercised by the CLI and E2E tests).
class HeldSecrets implements SecretStore {
  private readonly entries = new Map<string, string>();
  async set(account: string, secret: string): Promise<void> {
    this.entries.set(account, secret);
  }
  async get(account: string): Promise<string | null> {
    return this.entries.get(account) ?? null;
  }
  async delete(account: string): Promise<boolean> {
    return this.entries.delete(account);
  }
}

const dataDir = useTempDir('ponte-reminders-');

/** A fresh "process" each time: new stores on the same data folder, as after a restart. */
const restart = () => {
  const secrets = new HeldSecrets();
  return {
    dataDir: dataDir(),
    accounts: new AccountStore(dataDir(), secrets),
    settings: new SettingsStore(dataDir()),
  };
};

async function addArubaPec(): Promise<string> {
  const account = accountFromRequest(
    {
      email: 'segreteria@studio.pec.it',
      displayName: 'Aruba PEC',
      kind: 'app-password',
      lifetimeDays: 90,
      request: {
        username: 'segreteria@studio.pec.it',
        imap: { host: 'imaps.pec.aruba.it', port: 993, security: 'tls' },
      },
    },
    new Date('2026-09-01T09:00:00Z'),
  );
  await restart().accounts.add(account, { main: 'app-password-1' });
  return account.id;
}

const day = (iso: string): Date => new Date(iso);
const daysLeft = (reminder: Reminder): number | null =>
  reminder.kind === 'password' ? reminder.daysLeft : null;
const stateOf = (reminder: Reminder): string =>
  reminder.kind === 'password' ? reminder.state : reminder.kind;

describe('reminders', () => {
  it('each threshold notifies exactly once, across restarts, and the expiry once more', async () => {
    await addArubaPec();
    const said: Reminder[] = [];
    const run = (iso: string) => runReminders(restart(), day(iso), (reminder) => void said.push(reminder));

    expect((await run('2026-11-10T09:00:00Z')).due).toEqual([]);
    expect((await run('2026-11-16T10:00:00Z')).due.map((r) => daysLeft(r))).toEqual([13]);
    expect((await run('2026-11-16T11:00:00Z')).due).toEqual([]); // an hour later: nothing new
    expect((await run('2026-11-20T09:00:00Z')).due).toEqual([]); // restarted, still within the 14-day mark
    expect((await run('2026-11-23T09:00:00Z')).due.map((r) => daysLeft(r))).toEqual([7]);
    // The computer was off at the 3-day mark: at 1 day left, one reminder, not two.
    expect((await run('2026-11-29T10:00:00Z')).due.map((r) => daysLeft(r))).toEqual([0]);
    expect((await run('2026-11-29T11:00:00Z')).due).toEqual([]);
    const expired = await run('2026-11-30T10:00:00Z');
    expect(expired.due.map((r) => stateOf(r))).toEqual(['expired']);
    expect(expired.attention.map((r) => stateOf(r))).toEqual(['expired']);
    expect((await run('2026-12-01T10:00:00Z')).due).toEqual([]);
    expect(said).toHaveLength(4);
    expect(await readFile(join(dataDir(), 'reminders.json'), 'utf8')).not.toContain('app-password-1');
  });

  it('a new password starts afresh; a notification that could not be shown is said at the next run', async () => {
    const id = await addArubaPec();
    const failing = await runReminders(restart(), day('2026-11-17T09:00:00Z'), () => {
      throw new Error('notifications are off');
    });
    expect(failing.due).toEqual([]);
    const retried: Reminder[] = [];
    await runReminders(restart(), day('2026-11-17T10:00:00Z'), (reminder) => void retried.push(reminder));
    expect(retried.map((r) => daysLeft(r))).toEqual([12]);

    await restart().accounts.replaceSecret(id, 'main', 'app-password-2', day('2026-11-18T09:00:00Z'));
    const renewed: Reminder[] = [];
    await runReminders(restart(), day('2027-02-04T09:00:00Z'), (reminder) => void renewed.push(reminder));
    expect(renewed.map((r) => daysLeft(r))).toEqual([12]);
  });

  it('says it in the person’s language', async () => {
    const reminder: Reminder = {
      kind: 'password',
      key: 'k',
      accountId: 'a',
      credentialId: 'main',
      displayName: 'Aruba PEC',
      username: 'segreteria@studio.pec.it',
      state: 'expiring',
      daysLeft: 3,
      expiresAt: '2026-11-30T09:00:00.000Z',
    };
    expect(reminderText(reminder, await createTranslator('it')).title).toBe(
      'Aruba PEC — segreteria@studio.pec.it scade tra 3 giorni',
    );
    expect(reminderText({ ...reminder, state: 'failing' }, await createTranslator('de')).title).toBe(
      'Aruba PEC — segreteria@studio.pec.it wurde abgelehnt',
    );
    const quota: Reminder = {
      kind: 'quota',
      key: 'quota:a',
      accountId: 'a',
      displayName: 'Aruba PEC',
      email: 'segreteria@studio.pec.it',
      percent: 91,
      threshold: 90,
    };
    expect(reminderText(quota, await createTranslator('it')).title).toBe(
      'Aruba PEC — segreteria@studio.pec.it: casella piena al 91%',
    );
  });

  it('a filling mailbox is said at 80, 90 and 95 % once each, and again after an archive', async () => {
    const id = await addArubaPec();
    const limitBytes = 1_000_000_000;
    const at = (percent: number, iso: string) =>
      restart().accounts.recordCheck(id, {
        at: iso,
        results: [{ service: 'imap', status: 'ok', code: null }],
        quota: { usedBytes: Math.round((limitBytes * percent) / 100), limitBytes },
      });
    const said = async (iso: string): Promise<string[]> =>
      (await runReminders(restart(), day(iso), () => undefined)).due.flatMap((reminder) =>
        reminder.kind === 'quota' ? [`${reminder.threshold}:${reminder.percent}`] : [],
      );
    const steps: [number, string[]][] = [
      [50, []],
      [82, ['80:82']],
      [85, []],
      [97, ['95:97']], // 90 was passed unseen: one reminder, the highest
      [96, []],
      [40, []], // archived
      [81, ['80:81']],
      [91, ['90:91']],
    ];
    for (const [index, [percent, expected]] of steps.entries()) {
      const iso = `2026-10-${String(index + 1).padStart(2, '0')}T09:00:00Z`;
      await at(percent, iso);
      expect(await said(iso), `at ${percent} %`).toEqual(expected);
    }
    const { attention } = await runReminders(restart(), day('2026-10-20T09:00:00Z'), () => undefined);
    expect(attention.filter((reminder) => reminder.kind === 'quota')).toHaveLength(1);
  });
});
