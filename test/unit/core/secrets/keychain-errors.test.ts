import { describe, expect, it } from 'vitest';
import { keychainError } from '@core/secrets/keychain-errors';

describe('keychainError', () => {
  it('explains a missing Secret Service on Linux (the message keytar gives without D-Bus)', () => {
    const error = keychainError(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'), 'linux');
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.hint).toMatch(/gnome-keyring/);
    expect(error.message).not.toMatch(/X11/);
  });

  it('recognises a locked collection or a refused prompt', () => {
    expect(keychainError(new Error('Cannot create an item in a locked collection'), 'linux').code).toBe(
      'KEYCHAIN_LOCKED',
    );
    expect(keychainError(new Error('User interaction is not allowed.'), 'darwin').code).toBe(
      'KEYCHAIN_LOCKED',
    );
  });

  it('gives each OS its own advice', () => {
    const cause = new Error('The name org.freedesktop.secrets was not provided by any .service files');
    expect(keychainError(cause, 'darwin').hint).toMatch(/macOS/);
    expect(keychainError(cause, 'win32').hint).toMatch(/Credential Manager/);
  });
});
