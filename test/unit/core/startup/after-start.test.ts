import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '@core/core';
import { addLogSink } from '@core/log/logger';
import { runAfterStart } from '@core/startup/after-start';
import { useTempDir } from '../../../support/use-temp-dir';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo();
});

describe('runAfterStart: the sequence the desktop app and the bridge both run once up', () => {
  const dir = useTempDir('ponte-after-start-');

  it('logs a failing step instead of throwing: the app goes on starting', async () => {
    const core = createCore({ dataDir: dir(), appRoot: join(__dirname, '../../../..') });
    const lines: string[] = [];
    cleanup.push(addLogSink((line) => lines.push(line), 'debug'));
    // The drives step lists the accounts: make that fail as a damaged disk would.
    const settings = await core.settings.read();
    core.settings.read = () => Promise.resolve({ ...settings, reconnectDrives: true });
    core.accounts.list = () => Promise.reject(new Error('accounts unreadable'));
    await expect(runAfterStart(core)).resolves.toBeUndefined();
    const failed = lines.filter((line) => line.includes('reconnecting drives failed'));
    expect(failed.length, lines.join('\n')).toBe(process.platform === 'linux' ? 1 : 0);
    if (failed.length > 0) expect(failed[0]).toContain('accounts unreadable');
  });
});
