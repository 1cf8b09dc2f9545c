import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDataFolderLog, flushDataFolderLog, openDataFolderLog } from '@core/log/data-folder-log';
import { addLogSink, type LogLevel, logFor, rememberSecret } from '@core/log/logger';
import { readLogTail } from '@core/log/read-log-tail';
import { PonteError } from '@core/errors/ponte-error';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-logger-');
let seen: { line: string; level: LogLevel }[];
let stop: () => void;

beforeEach(async () => {
  seen = [];
  stop = addLogSink((line, level) => seen.push({ line, level }), 'debug');
});
afterEach(async () => {
  stop();
  closeDataFolderLog();
});

describe('logFor', () => {
  it('writes one line per record: time, level, scope, message and the error with its causes', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:993'), { code: 'ECONNREFUSED' });
    logFor('reminders').warn(
      'the background check failed',
      new PonteError('CHECK_FAILED', 'no\nway', undefined, { cause }),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]?.level).toBe('warn');
    expect(seen[0]?.line).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z WARN {2}\[reminders\] the background check failed: PonteError CHECK_FAILED: no \| way ← caused by Error ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:993$/,
    );
  });

  it('sends each sink only the levels it asked for', () => {
    const infoAndUp: string[] = [];
    const stopInfo = addLogSink((line) => infoAndUp.push(line), 'info');
    const log = logFor('t');
    log.error('e');
    log.warn('w');
    log.info('i');
    log.debug('d');
    stopInfo();
    expect(seen.map(({ level }) => level)).toEqual(['error', 'warn', 'info', 'debug']);
    expect(infoAndUp.map((line) => line.split(' ')[1])).toEqual(['ERROR', 'WARN', 'INFO']);
  });

  it('masks a remembered secret in every form, in the message and in the error', () => {
    const password = 'remembered-Secret-42';
    rememberSecret(password);
    const basic = Buffer.from(`anna:${password}`).toString('base64');
    logFor('t').error(
      `sent ${encodeURIComponent(password)}`,
      new Error(`server echoed ${basic} and ${password}`),
    );
    expect(seen[0]?.line).not.toContain(password);
    expect(seen[0]?.line).not.toContain(basic);
    expect(seen[0]?.line).toContain('sent ***: Error: server echoed *** and ***');
  });

  it('never throws: not for a broken sink, nor for an error whose getters throw', () => {
    const stopBroken = addLogSink(() => {
      throw new Error('sink down');
    });
    const hostile = new Error('x');
    Object.defineProperty(hostile, 'message', {
      get() {
        throw new Error('no message for you');
      },
    });
    const weird = {
      toString() {
        throw new Error('nope');
      },
    };
    expect(() => logFor('t').error('failed', hostile)).not.toThrow();
    expect(() => logFor('t').error('failed', weird)).not.toThrow();
    stopBroken();
    // The working sink still got both.
    expect(seen.map(({ line }) => line.includes('(unreadable error)'))).toEqual([true, true]);
  });
});

describe('the data folder log', () => {
  it('creates nothing until a line is logged, then keeps info and up in ponte.log', async () => {
    openDataFolderLog(dir());
    await flushDataFolderLog();
    expect(await readLogTail(dir(), 10)).toEqual([]);
    logFor('t').debug('not kept');
    logFor('t').info('kept');
    await flushDataFolderLog();
    const tail = await readLogTail(dir(), 10);
    expect(tail).toHaveLength(1);
    expect(tail[0]).toMatch(/INFO {2}\[t\] kept$/);
  });

  it('never throws when the data folder cannot be written', async () => {
    await writeFile(join(dir(), 'a-file'), '');
    openDataFolderLog(join(dir(), 'a-file', 'Ponte'));
    expect(() => logFor('t').error('nowhere to go')).not.toThrow();
    await expect(flushDataFolderLog()).resolves.toBeUndefined();
  });

  it('reads the last lines across ponte.1.log and ponte.log, oldest first', async () => {
    await writeFile(join(dir(), 'ponte.1.log'), 'a\nb\nc\n');
    await writeFile(join(dir(), 'ponte.log'), 'd\ne\n');
    expect(await readLogTail(dir(), 3)).toEqual(['c', 'd', 'e']);
    expect(await readFile(join(dir(), 'ponte.log'), 'utf8')).toBe('d\ne\n');
  });
});
