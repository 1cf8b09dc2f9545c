import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RigContext } from './context';
import { startDaemon, type Daemon } from './daemon';
import { bcryptHtpasswd, type RigAccount } from './users';

export interface RadicaleHandle {
  daemon: Daemon;
  url: string;
  log: string;
}

interface Collection {
  name: string;
  props: Record<string, string>;
  items?: Record<string, string>;
}

const ics = (lines: string[]): string => [...lines, ''].join('\r\n');

function collectionsFor(account: RigAccount): Collection[] {
  return [
    {
      name: 'calendar',
      props: {
        tag: 'VCALENDAR',
        'C:supported-calendar-component-set': 'VEVENT',
        'D:displayname': 'Lavoro',
        'ICAL:calendar-color': '#2E7D32FF',
      },
      items: {
        // prettier-ignore
        'rig-event-1.ics': ics([
          'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ponte//test rig//EN', 'BEGIN:VEVENT',
          `UID:rig-event-1-${account.localPart}@ponte.test`, 'DTSTAMP:20250101T090000Z',
          'DTSTART:20250102T090000Z', 'DTEND:20250102T100000Z', 'SUMMARY:Riunione di prova',
          'END:VEVENT', 'END:VCALENDAR',
        ]),
      },
    },
    {
      name: 'tasks',
      props: {
        tag: 'VCALENDAR',
        'C:supported-calendar-component-set': 'VTODO',
        'D:displayname': 'Promemoria',
      },
    },
    {
      name: 'contacts',
      props: { tag: 'VADDRESSBOOK', 'D:displayname': 'Contatti' },
      items: {
        // prettier-ignore
        'rig-contact-1.vcf': ics([
          'BEGIN:VCARD', 'VERSION:3.0', `UID:rig-contact-1-${account.localPart}@ponte.test`,
          'FN:Giulia Rossi', 'N:Rossi;Giulia;;;', 'EMAIL:giulia@ponte.test', 'END:VCARD',
        ]),
      },
    },
  ];
}

/**
 * Collections are written straight into Radicale's storage before it starts (`.Radicale.props` holds
 * the WebDAV properties MKCALENDAR would set): no client round trips, and the files show exactly what
 * each user owns.
 */
async function writeCollections(storage: string, accounts: readonly RigAccount[]): Promise<void> {
  for (const account of accounts) {
    for (const collection of collectionsFor(account)) {
      const folder = join(storage, 'collection-root', account.login, collection.name);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, '.Radicale.props'), JSON.stringify(collection.props));
      for (const [file, body] of Object.entries(collection.items ?? {})) {
        await writeFile(join(folder, file), body);
      }
    }
  }
}

export async function startRadicale(ctx: RigContext): Promise<RadicaleHandle> {
  const dir = join(ctx.dir, 'radicale');
  const storage = join(dir, 'collections');
  const port = ctx.ports.caldav;
  await mkdir(storage, { recursive: true });
  await writeCollections(storage, ctx.accounts);
  await writeFile(join(dir, 'users'), await bcryptHtpasswd(ctx.accounts), { mode: 0o600 });
  const config = join(dir, 'config');
  await writeFile(
    config,
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      'ssl = True',
      `certificate = ${ctx.certs.certFile}`,
      `key = ${ctx.certs.keyFile}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(dir, 'users')}`,
      'htpasswd_encryption = bcrypt',
      // Radicale sleeps after a failed login by default; tests of wrong passwords should not wait.
      'delay = 0',
      '[storage]',
      `filesystem_folder = ${storage}`,
      '[rights]',
      'type = owner_only',
      '[web]',
      'type = none',
      '[logging]',
      'level = info',
      'mask_passwords = True',
      '',
    ].join('\n'),
  );
  const log = join(dir, 'radicale.log');
  const daemon = await startDaemon({
    name: 'radicale',
    // Debian's interpreter, where the radicale package lives; a pyenv python3 on PATH would lack it.
    command: '/usr/bin/python3',
    args: ['-m', 'radicale', '--config', config],
    outputLog: log,
    readyPorts: [port],
  });
  return { daemon, url: `https://127.0.0.1:${port}/`, log };
}
