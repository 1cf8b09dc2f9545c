import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '@core/settings/settings-store';
import { parseReminderDays } from '@shared/settings-schema';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-settings-');

describe('SettingsStore', () => {
  it('reads a settings file from before reminders existed, with the default thresholds', async () => {
    await writeFile(
      join(dir(), 'settings.json'),
      JSON.stringify({ schemaVersion: 1, data: { language: 'it' } }),
    );
    expect(await new SettingsStore(dir()).read()).toEqual({
      language: 'it',
      reminderDays: [14, 7, 3, 1],
      startAtLogin: false,
      reconnectDrives: true,
      managedBy: null,
    });
  });

  it('keeps thresholds largest first and each once, and one change does not undo another', async () => {
    const store = new SettingsStore(dir());
    await Promise.all([store.update({ reminderDays: [3, 30, 3] }), store.update({ startAtLogin: true })]);
    const saved = JSON.parse(await readFile(join(dir(), 'settings.json'), 'utf8')) as { data: unknown };
    expect(saved.data).toEqual({
      language: 'auto',
      reminderDays: [30, 3],
      startAtLogin: true,
      reconnectDrives: true,
      managedBy: null,
    });
  });
});

describe('parseReminderDays', () => {
  it('reads what people type, and refuses what is not whole days from 1 to 365', () => {
    expect(parseReminderDays('14, 7, 3, 1')).toEqual([14, 7, 3, 1]);
    expect(parseReminderDays('1 30;7')).toEqual([30, 7, 1]);
    expect(parseReminderDays('')).toEqual([]);
    for (const bad of ['0', '366', '7.5', '-1', 'seven', '1,2,3,4,5,6,7', '1e2']) {
      expect(parseReminderDays(bad), bad).toBeNull();
    }
  });
});
