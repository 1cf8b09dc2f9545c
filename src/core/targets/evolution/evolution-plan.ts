import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { PlanStep, TargetPlan } from '@shared/targets';
import { PonteError } from '../../errors/ponte-error';
import type { ClientSetup } from '../client-setup';
import { type KeyFileGroups, formatKeyFile } from './key-file';

// The account as evolution-data-server sources (read by Evolution, GNOME Calendar and GNOME Contacts): a
// mail account with its identity and SMTP transport, and one source per chosen calendar and address book,
// standing alone under the built-in CalDAV/CardDAV parents. One file each, named by Ponte's uid, so the undo
// removes exactly those files. No password is written: on first use the program asks and keeps it in the
// keyring itself.

const SECURITY = { tls: 'ssl-on-alternate-port', starttls: 'starttls-on-standard-port' } as const;

export interface EvolutionPlanInput {
  setup: ClientSetup;
  /** ~/.config/evolution/sources (under XDG_CONFIG_HOME). */
  sourcesDir: string;
}

export function evolutionSourcesDir(home: string, env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'evolution', 'sources');
}

const dataSource = (name: string, parent: string): KeyFileGroups => ({
  'Data Source': { DisplayName: name, Enabled: true, Parent: parent },
});

function davSource(
  kind: 'Calendar' | 'Address Book',
  collection: { url: string; name: string; username: string; color?: string },
  email: string,
): KeyFileGroups {
  const url = new URL(collection.url);
  return {
    ...dataSource(collection.name, kind === 'Calendar' ? 'caldav-stub' : 'carddav-stub'),
    [kind]:
      kind === 'Calendar'
        ? { BackendName: 'caldav', ...(collection.color ? { Color: collection.color } : {}), Selected: true }
        : { BackendName: 'carddav' },
    Authentication: {
      Host: url.hostname,
      Method: 'plain/password',
      Port: Number(url.port || 443),
      RememberPassword: true,
      User: collection.username,
    },
    Security: { Method: 'tls' },
    'WebDAV Backend': {
      DisplayName: collection.name,
      ...(kind === 'Calendar' ? { EmailAddress: email } : {}),
      ResourcePath: url.pathname,
      ResourceQuery: url.search.slice(1),
    },
    Offline: { StaySynchronized: true },
    Refresh: { Enabled: true, IntervalMinutes: 30 },
  };
}

export function evolutionPlan({ setup, sourcesDir }: EvolutionPlanInput): TargetPlan {
  const uid = (part: string): string => `ponte-${setup.key}-${part}`;
  const hashed = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, 8);
  const sources: [string, KeyFileGroups][] = [];
  const { imap, smtp } = setup;
  if (imap) {
    sources.push([
      uid('mail'),
      {
        ...dataSource(setup.label, ''),
        'Mail Account': { BackendName: 'imapx', IdentityUid: uid('identity'), NeedsInitialSetup: true },
        Authentication: {
          Host: imap.host,
          Method: 'PLAIN',
          Port: imap.port,
          RememberPassword: true,
          User: imap.username,
        },
        Security: { Method: SECURITY[imap.security] },
      },
    ]);
    sources.push([
      uid('identity'),
      {
        ...dataSource(setup.email, uid('mail')),
        'Mail Identity': { Address: setup.email },
        'Mail Submission': { TransportUid: smtp ? uid('transport') : '' },
      },
    ]);
    if (smtp) {
      sources.push([
        uid('transport'),
        {
          ...dataSource(setup.label, uid('mail')),
          'Mail Transport': { BackendName: 'smtp' },
          Authentication: {
            Host: smtp.host,
            Method: 'PLAIN',
            Port: smtp.port,
            RememberPassword: true,
            User: smtp.username,
          },
          Security: { Method: SECURITY[smtp.security] },
        },
      ]);
    }
  }
  for (const calendar of setup.calendars) {
    sources.push([uid(`calendar-${hashed(calendar.url)}`), davSource('Calendar', calendar, setup.email)]);
  }
  for (const book of setup.addressBooks) {
    sources.push([uid(`contacts-${hashed(book.url)}`), davSource('Address Book', book, setup.email)]);
  }
  if (sources.length === 0) {
    throw new PonteError(
      'INVALID_INPUT',
      `${setup.email} has no mail, calendar or address book for Evolution.`,
    );
  }
  const file = (name: string): string => join(sourcesDir, `${name}.source`);
  const steps: PlanStep[] = sources.map(([name, groups]) => ({
    kind: 'write-file',
    file: file(name),
    content: formatKeyFile(groups),
  }));
  return {
    target: 'evolution',
    location: sourcesDir,
    steps,
    undo: sources.map(([name]) => ({ kind: 'remove-file', file: file(name) })),
    warnings: ['evolutionAsksPassword', ...(setup.namesCleaned ? (['namesCleaned'] as const) : [])],
  };
}
