import { describe, expect, it } from 'vitest';
import { parseApplySecrets } from '../../../../src/cli/commands/apply-secrets';

const bad = (line: number): string => `line ${line} is not a credential`;

describe('ponte apply’s standard input', () => {
  it('one password: every account’s main credential, nothing else', () => {
    const secret = parseApplySecrets('s3cret pass\n', bad);
    expect(secret('pec', 'main')).toEqual({ password: 's3cret pass' });
    expect(secret('mail', 'main')).toEqual({ password: 's3cret pass' });
    expect(secret('mail', 'sync')).toBeUndefined();
  });

  it('JSON lines: per account and credential, a line without account for every account', () => {
    const secret = parseApplySecrets(
      [
        JSON.stringify({ credential: 'mail', password: 'mailbox-pw' }),
        JSON.stringify({ account: 'kdrive', credential: 'sync', username: 'AB12345', password: 'app-pw' }),
        JSON.stringify({ account: 'pec', password: 'pec-pw' }),
      ].join('\n'),
      bad,
    );
    expect(secret('kdrive', 'mail')).toEqual({ password: 'mailbox-pw' });
    expect(secret('kdrive', 'sync')).toEqual({ password: 'app-pw', username: 'AB12345' });
    expect(secret('pec', 'main')).toEqual({ password: 'pec-pw' });
    expect(secret('other', 'sync')).toBeUndefined();
  });

  it('a line that does not parse is named by its number, never echoed (it may hold a password)', () => {
    const text = `${JSON.stringify({ password: 'ok' })}\n{"password": "leaked-if-echoed"`;
    expect(() => parseApplySecrets(text, bad)).toThrow('line 2 is not a credential');
    try {
      parseApplySecrets(text, bad);
    } catch (error) {
      expect(String(error)).not.toContain('leaked-if-echoed');
    }
  });
});
