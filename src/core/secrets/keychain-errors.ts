import { PonteError } from '../errors/ponte-error';

/**
 * Turns what keytar (libsecret, macOS Keychain, Windows Credential Manager) throws into an error a person can
 * act on. The library's own text never reaches the UI; it stays as the cause for the log.
 */
export function keychainError(error: unknown, platform: NodeJS.Platform = process.platform): PonteError {
  const text = error instanceof Error ? error.message : String(error);
  if (/locked|dismissed|cancel|denied|user interaction is not allowed|-25308|-128/i.test(text)) {
    return new PonteError(
      'KEYCHAIN_LOCKED',
      'The keychain is locked or access to it was refused.',
      unlockHint(platform),
      { cause: error },
    );
  }
  return new PonteError(
    'KEYCHAIN_UNAVAILABLE',
    'No keychain is reachable, so Ponte cannot store passwords safely (it never stores them in a file).',
    installHint(platform),
    { cause: error },
  );
}

function unlockHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin')
    return 'Unlock the login keychain in Keychain Access and allow Ponte when asked.';
  if (platform === 'win32') return 'Sign in to Windows with your own account and try again.';
  return 'Unlock your keyring (GNOME Keyring or KWallet), for example by logging out and in again, then retry.';
}

function installHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Make sure you are logged in to a normal macOS session and try again.';
  if (platform === 'win32') return 'Make sure the Credential Manager service is running and try again.';
  return (
    'Start a Secret Service provider in your desktop session: install gnome-keyring (or KWallet with its ' +
    'Secret Service API), log out and in again; over SSH, run inside `dbus-run-session` with the keyring unlocked.'
  );
}
