import { join } from 'node:path';
import { runJsonProgram } from './run-json-program';

// What evolution-data-server itself loads from a home folder's sources: its source registry is started in a
// private D-Bus session over that home's XDG folders, and eds-sources.py lists what it loaded as JSON.

export interface LoadedSource {
  uid: string;
  name: string;
  parent: string;
  enabled: boolean;
  auth?: { host: string; port: number; user: string; method: string };
  security?: string;
  calendar?: { backend: string; color: string };
  addressBook?: { backend: string };
  transport?: { backend: string };
  uri?: string;
  mailAccount?: { backend: string; identity: string };
  identity?: { address: string };
  submission?: { transport: string };
}

/** The sources whose uid starts with `prefix`, as EDS loaded them from `home`. */
export function loadedByEds(home: string, prefix: string): Promise<LoadedSource[]> {
  return runJsonProgram<LoadedSource[]>(
    'dbus-run-session',
    ['--', '/usr/bin/python3', join(__dirname, 'eds-sources.py'), prefix],
    {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.local/share'),
        XDG_CACHE_HOME: join(home, '.cache'),
        GSETTINGS_BACKEND: 'memory',
      },
    },
  );
}
