import { describe, expect, it } from 'vitest';
import { normalizePastedPassword } from '@shared/normalize-password';

describe('normalizePastedPassword', () => {
  it.each([
    ['abcd efgh ijkl mnop', 'abcdefghijklmnop'],
    [' abcd efgh ijkl mnop \n', 'abcdefghijklmnop'],
    ['s3cret-pw\r\n', 's3cret-pw'],
    ['correct horse battery staple', 'correct horse battery staple'],
    ['abcd-efgh-ijkl-mnop', 'abcd-efgh-ijkl-mnop'],
    ['  leading spaces are mine', '  leading spaces are mine'],
  ])('%j → %j', (pasted, expected) => {
    expect(normalizePastedPassword(pasted)).toBe(expected);
  });
});
