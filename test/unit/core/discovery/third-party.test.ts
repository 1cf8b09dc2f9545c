import { describe, expect, it } from 'vitest';
import { isOutside } from '@core/discovery/third-party';
import { HOSTILE_NAMES } from './hostile-dns';

describe('isOutside', () => {
  it.each([
    ['mail.example.com', 'example.com'],
    ['MAIL.Example.COM.', 'example.com'],
    ['example.com.', 'example.com'],
    ['mail.example.com', 'Example.COM.'],
    ['a.b.example.com', 'example.com'],
  ])('%j is inside %j', (host, domain) => {
    expect(isOutside(host, domain)).toBe(false);
  });

  it.each([
    ['example.com.evil.net', 'example.com'],
    ['mail.example.com.evil.net', 'example.com'],
    ['evilexample.com', 'example.com'],
    ['notexample.com', 'example.com'],
    ['com', 'example.com'],
    ['evil.net/.example.com', 'example.com'],
    ['evil.net?.example.com', 'example.com'],
    ['evil.net#.example.com', 'example.com'],
    ['a b.example.com', 'example.com'],
    ['evil.net:443.example.com', 'example.com'],
    ['..example.com', 'example.com'],
    ['.example.com', 'example.com'],
    ['mail.example.com', 'example.com/x'],
    ['mail.example.com', ''],
  ])('%j is outside %j', (host, domain) => {
    expect(isOutside(host, domain)).toBe(true);
  });

  it.each(HOSTILE_NAMES)('what is not a host name (%j) is outside', (host) => {
    expect(isOutside(host, 'example.com')).toBe(true);
  });
});
