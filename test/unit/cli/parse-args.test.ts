import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../../src/cli/parse-args';

describe('parseCliArgs', () => {
  it('reads the command and global options in any order', () => {
    expect(parseCliArgs(['--json', 'doctor', '--lang', 'it'])).toMatchObject({
      command: 'doctor',
      json: true,
      lang: 'it',
    });
    expect(parseCliArgs(['-h'])).toMatchObject({ command: undefined, help: true });
  });

  it('takes --verbose anywhere, and --report only for doctor', () => {
    expect(parseCliArgs(['doctor', '--report', 'r.json', '--verbose'])).toMatchObject({
      command: 'doctor',
      verbose: true,
      options: { report: 'r.json' },
    });
    expect(parseCliArgs(['expiry']).verbose).toBe(false);
    expect(() => parseCliArgs(['expiry', '--report', 'r.json'])).toThrow(UsageError);
  });

  it.each([[['--password', 'x']], [['doctor', '--lang', 'es']], [['--lang']]])(
    'rejects %j as a usage error',
    (argv) => {
      expect(() => parseCliArgs(argv)).toThrow(UsageError);
    },
  );
});
