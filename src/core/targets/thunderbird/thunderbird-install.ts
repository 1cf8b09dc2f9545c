import { join } from 'node:path';
import type { MountOs } from '@shared/targets';
import { findExecutable } from '../../platform/find-executable';
import { pathExists } from '../../platform/path-exists';

// Whether Thunderbird is installed, apart from whether it has a profile yet: a Thunderbird never started has
// no profiles.ini, and the person should hear "start it once", not "not found".

export async function isThunderbirdInstalled(os: MountOs, env: NodeJS.ProcessEnv): Promise<boolean> {
  switch (os) {
    case 'linux':
      // Debian's and Mozilla's packages, the Snap (/snap/bin on PATH), the Flatpak's exported launcher.
      return (
        (await findExecutable('thunderbird', env, 'linux')) !== null ||
        (await pathExists('/var/lib/flatpak/exports/bin/org.mozilla.Thunderbird'))
      );
    case 'darwin':
      return pathExists('/Applications/Thunderbird.app');
    case 'win32': {
      const roots = [env.ProgramFiles, env['ProgramFiles(x86)']].filter(
        (root): root is string => typeof root === 'string' && root !== '',
      );
      for (const root of roots) {
        if (await pathExists(join(root, 'Mozilla Thunderbird', 'thunderbird.exe'))) return true;
      }
      return false;
    }
  }
}
