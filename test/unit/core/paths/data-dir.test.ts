import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '@core/paths/data-dir';

describe('resolveDataDir', () => {
  it('uses PONTE_DATA_DIR on every OS', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(resolveDataDir({ env: { PONTE_DATA_DIR: '/tmp/p' }, platform, home: '/home/a' })).toBe('/tmp/p');
    }
  });

  it("matches Electron's userData folder for an app named Ponte", () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home: '/home/a' })).toBe('/home/a/.config/Ponte');
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home: '/home/a' })).toBe(
      '/cfg/Ponte',
    );
    expect(resolveDataDir({ env: {}, platform: 'darwin', home: '/Users/a' })).toBe(
      '/Users/a/Library/Application Support/Ponte',
    );
    expect(
      resolveDataDir({
        env: { APPDATA: 'C:/Users/a/AppData/Roaming' },
        platform: 'win32',
        home: 'C:/Users/a',
      }),
    ).toMatch(/AppData[\\/]Roaming[\\/]Ponte$/);
  });

  it('ignores a blank override', () => {
    expect(resolveDataDir({ env: { PONTE_DATA_DIR: '  ' }, platform: 'linux', home: '/h' })).toBe(
      '/h/.config/Ponte',
    );
  });
});
