import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { type FakeServer, track } from './fake-servers';

// Servers that attack the client instead of failing: each one is what a broken or malicious server (or
// someone between Ponte and it) can do to a program that trusts its peer to be reasonable.

interface Certificate {
  certPem: string;
  keyPem: string;
}

/** Writes `chunk` again and again as fast as the client reads it, until the connection closes. */
function flood(socket: Socket, chunk: Buffer): void {
  const pump = (): void => {
    while (!socket.destroyed && socket.write(chunk));
  };
  socket.on('drain', pump);
  pump();
}

/** Sends `text` one byte every `intervalMs`, forever (looping): never silent long enough for an idle timeout. */
export function startDripServer(cert: Certificate, text: string, intervalMs: number): Promise<FakeServer> {
  return track(createTlsServer({ cert: cert.certPem, key: cert.keyPem }), (socket) => {
    let at = 0;
    const timer = setInterval(() => {
      if (socket.destroyed) return;
      socket.write(text[at % text.length] ?? ' ');
      at += 1;
    }, intervalMs);
    socket.on('close', () => clearInterval(timer));
  });
}

/**
 * IMAP that greets, then answers the first command with a literal announced as `announcedBytes` long and
 * streams filler for it without end: a client that buffers literals whole fills its memory.
 */
export function startEndlessLiteralImap(cert: Certificate, announcedBytes: number): Promise<FakeServer> {
  return track(createTlsServer({ cert: cert.certPem, key: cert.keyPem }), (socket) => {
    socket.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hostile IMAP ready\r\n');
    socket.once('data', () => {
      socket.write(`* CAPABILITY {${announcedBytes}}\r\n`);
      flood(socket, Buffer.alloc(64 * 1024, 'A'));
    });
  });
}

/** A greeting (`* OK ` for IMAP, `220 ` for SMTP) whose line never ends: no CRLF, only more bytes. */
export function startEndlessGreeting(cert: Certificate, start: string): Promise<FakeServer> {
  return track(createTlsServer({ cert: cert.certPem, key: cert.keyPem }), (socket) => {
    socket.write(start);
    flood(socket, Buffer.alloc(64 * 1024, 'A'));
  });
}

/** HTTPS that answers every request, PROPFIND included, with a 207 multistatus of `bodyBytes` bytes. */
export function startHugeMultistatus(cert: Certificate, bodyBytes: number): Promise<FakeServer> {
  const server = createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, (request, response) => {
    request.resume();
    response.writeHead(207, { 'content-type': 'application/xml; charset=utf-8' });
    response.write('<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:">');
    const entry = Buffer.from(
      '<d:response><d:href>/x/</d:href><d:propstat><d:prop><d:displayname>x</d:displayname></d:prop>' +
        '<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>'.repeat(64),
    );
    let sent = 0;
    const pump = (): void => {
      while (sent < bodyBytes) {
        sent += entry.length;
        if (!response.write(entry)) return;
      }
      response.end('</d:multistatus>');
    };
    response.on('drain', pump);
    response.on('close', () => response.off('drain', pump));
    pump();
  });
  return track(server, () => undefined);
}

/** HTTPS that redirects every request to itself (the same path), forever. */
export function startRedirectLoop(cert: Certificate): Promise<FakeServer> {
  const server = createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, (request, response) => {
    request.resume();
    response.writeHead(301, { location: request.url ?? '/' });
    response.end();
  });
  return track(server, () => undefined);
}

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** One PROPFIND answer: a multistatus of `<d:response>`s, each an href and its props. */
function multistatus(responses: { href: string; props: string }[]): string {
  const body = responses
    .map(
      ({ href, props }) =>
        `<d:response><d:href>${escapeXml(href)}</d:href><d:propstat><d:prop>${props}</d:prop>` +
        '<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:" ' +
    'xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:card="urn:ietf:params:xml:ns:carddav">' +
    `${body}</d:multistatus>`
  );
}

/**
 * A DAV server that answers discovery properly (principal /dav/, home set /dav/home/, for calendars and
 * contacts) and lists its collections at `hrefs`, wherever they point: http, another host, another port.
 * A client that trusts the list would set Thunderbird or Evolution up to send the password there.
 */
export function startDavListingElsewhere(cert: Certificate, hrefs: readonly string[]): Promise<FakeServer> {
  const server = createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, (request, response) => {
    request.resume();
    const home = '/dav/home/';
    const answer =
      request.headers.depth === '1'
        ? multistatus([
            { href: home, props: '<d:resourcetype><d:collection/></d:resourcetype>' },
            ...hrefs.map((href, index) => ({
              href,
              props:
                `<d:displayname>Listed ${index}</d:displayname><d:resourcetype><d:collection/>` +
                '<c:calendar/><card:addressbook/></d:resourcetype>',
            })),
          ])
        : multistatus([
            {
              href: request.url ?? '/dav/',
              props:
                '<d:current-user-principal><d:href>/dav/</d:href></d:current-user-principal>' +
                `<c:calendar-home-set><d:href>${home}</d:href></c:calendar-home-set>` +
                `<card:addressbook-home-set><d:href>${home}</d:href></card:addressbook-home-set>`,
            },
          ]);
    response.writeHead(207, { 'content-type': 'application/xml; charset=utf-8' }).end(answer);
  });
  return track(server, () => undefined);
}

/**
 * WebDAV the way nginx serves it from `location /dav/ { dav_ext_methods PROPFIND … }`: only paths under
 * `/dav/` are the share (`/dav` without its slash is not — 404), and `/dav/plain/` is a location of its own
 * without WebDAV (405), while `/dav/plain` falls into the share. A stand-in for nginx's location matching;
 * the real nginx joins the rig with issue 19's second implementations.
 */
export function startLocationDav(cert: Certificate): Promise<FakeServer> {
  const server = createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, (request, response) => {
    request.resume();
    const path = request.url ?? '/';
    if (request.method !== 'PROPFIND') return void response.writeHead(405).end();
    if (path.startsWith('/dav/plain/')) return void response.writeHead(405).end();
    if (path === '/dav/' || path === '/dav/plain') {
      const own = { href: path, props: '<d:resourcetype><d:collection/></d:resourcetype>' };
      const quota =
        '<d:quota-used-bytes>1024</d:quota-used-bytes><d:quota-available-bytes>4096</d:quota-available-bytes>';
      const entries =
        path === '/dav/'
          ? [
              { ...own, props: own.props + quota },
              { href: '/dav/Fatture%202026/', props: '<d:resourcetype><d:collection/></d:resourcetype>' },
              { href: '/dav/offerta.pdf', props: '<d:resourcetype/>' },
            ]
          : [own];
      return void response
        .writeHead(207, { 'content-type': 'application/xml; charset=utf-8' })
        .end(multistatus(entries));
    }
    response.writeHead(404).end();
  });
  return track(server, () => undefined);
}
