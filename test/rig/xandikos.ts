import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RigContext } from './context';
import { startDaemon, type Daemon } from './daemon';

// Xandikos serves one person's calendars and has neither TLS nor accounts of its own: as its manual says,
// it runs behind a web server that does both (nginx here, see nginx.ts). Each instance is one principal
// (`/user/`) that every rig user may open through nginx, as a household or a small office shares one.

export interface XandikosHandle {
  daemon: Daemon;
  /** The plain-HTTP address nginx passes requests to. */
  backend: string;
  /** The path Xandikos lives under, `/` or e.g. `/xandikos/`. */
  routePrefix: string;
  log: string;
}

const crlf = (lines: string[]): string => [...lines, ''].join('\r\n');

// prettier-ignore
const event = crlf([
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ponte//test rig//EN', 'BEGIN:VEVENT',
  'UID:rig-event-1-xandikos@ponte.test', 'DTSTAMP:20250101T090000Z', 'DTSTART:20250102T090000Z',
  'DTEND:20250102T100000Z', 'SUMMARY:Riunione di prova', 'END:VEVENT', 'END:VCALENDAR',
]);
// prettier-ignore
const contact = crlf([
  'BEGIN:VCARD', 'VERSION:3.0', 'UID:rig-contact-1-xandikos@ponte.test', 'FN:Giulia Rossi',
  'N:Rossi;Giulia;;;', 'EMAIL:giulia@ponte.test', 'END:VCARD',
]);

const props = (xml: string): string =>
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<d:propertyupdate xmlns:d="DAV:" xmlns:i="http://apple.com/ns/ical/">' +
  `<d:set><d:prop>${xml}</d:prop></d:set></d:propertyupdate>`;

/**
 * The same collections Radicale's users have (Lavoro with its colour and one event, Promemoria, Contatti
 * with one contact), made through Xandikos's own HTTP interface so its storage is what it wrote itself.
 * Xandikos will not restrict a calendar's components (409), so Promemoria takes every kind.
 */
async function seed(base: string): Promise<void> {
  const call = async (method: string, path: string, body: string, type: string): Promise<void> => {
    const response = await fetch(`${base}${path}`, { method, body, headers: { 'content-type': type } });
    if (!response.ok) throw new Error(`xandikos seed: ${method} ${path} answered ${response.status}`);
  };
  const xml = 'application/xml; charset=utf-8';
  await call(
    'PROPPATCH',
    'calendars/calendar/',
    props('<d:displayname>Lavoro</d:displayname><i:calendar-color>#2E7D32FF</i:calendar-color>'),
    xml,
  );
  await call('PUT', 'calendars/calendar/rig-event-1.ics', event, 'text/calendar; charset=utf-8');
  await call(
    'MKCALENDAR',
    'calendars/tasks/',
    '<?xml version="1.0" encoding="utf-8"?>' +
      '<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">' +
      '<d:set><d:prop><d:displayname>Promemoria</d:displayname></d:prop></d:set></c:mkcalendar>',
    xml,
  );
  await call('PROPPATCH', 'contacts/addressbook/', props('<d:displayname>Contatti</d:displayname>'), xml);
  await call('PUT', 'contacts/addressbook/rig-contact-1.vcf', contact, 'text/vcard; charset=utf-8');
}

/** One Xandikos on a loopback port of its own, its default collections renamed and filled (see seed). */
export async function startXandikos(
  ctx: RigContext,
  name: string,
  port: number,
  routePrefix: string,
): Promise<XandikosHandle> {
  const dir = join(ctx.dir, name);
  await mkdir(dir, { recursive: true });
  const log = join(dir, 'xandikos.log');
  const daemon = await startDaemon({
    name,
    command: 'xandikos',
    // prettier-ignore
    args: ['--defaults', '-d', join(dir, 'data'), '-l', '127.0.0.1', '-p', String(port), '--route-prefix', routePrefix],
    outputLog: log,
    readyPorts: [port],
  });
  const backend = `http://127.0.0.1:${port}`;
  try {
    await seed(`${backend}${routePrefix}user/`);
  } catch (error) {
    await daemon.stop();
    throw error;
  }
  return { daemon, backend, routePrefix, log };
}
