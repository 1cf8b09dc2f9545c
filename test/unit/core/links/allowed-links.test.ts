import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '@core/links/allowed-links';

describe('isAllowedExternalUrl', () => {
  it('allows https pages on listed hosts', () => {
    expect(isAllowedExternalUrl('https://github.com/electron/electron/releases')).toBe(true);
    expect(
      isAllowedExternalUrl('https://manager.infomaniak.com/x', new Set(['manager.infomaniak.com'])),
    ).toBe(true);
  });

  it.each([
    'http://github.com/',
    'https://github.com.evil.example/',
    'https://evil.example/?https://github.com',
    'https://user:pw@github.com/',
    'https://github.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://github.com/share',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
