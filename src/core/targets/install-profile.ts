import { PonteError } from '../errors/ponte-error';
import { execute } from './run-command';

// A configuration profile is installed by the person, never silently: on a Mac, `open FILE` hands it to
// System Settings, which lists it as downloaded; the person then reviews and installs it there (macOS asks
// for their password). On an iPhone or iPad the file is sent to the device and installed the same way.

/** Called before the file is written, so a refusal leaves nothing behind. */
export function assertProfileInstallable(platform: NodeJS.Platform): void {
  if (platform !== 'darwin') {
    throw new PonteError(
      'INVALID_INPUT',
      'A configuration profile is installed on a Mac, or sent to an iPhone or iPad and installed there.',
      'Copy the file to the Mac (or send it to the device by AirDrop or mail) and open it there.',
    );
  }
}

export async function openProfileForInstall(file: string, platform: NodeJS.Platform): Promise<void> {
  assertProfileInstallable(platform);
  const result = await execute(['open', file]);
  if (result.code !== 0) {
    throw new PonteError(
      'MOUNT_FAILED',
      `macOS did not open the profile (exit ${result.code}): ${result.output.trim()}`,
      'Double-click the file in Finder instead; System Settings then shows it.',
    );
  }
}
