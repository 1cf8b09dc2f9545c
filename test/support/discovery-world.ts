import { createServer, type Server } from 'node:https';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { startDnsmasq } from '../rig/dnsmasq';
import type { DnsRecord, RigInfo } from '../rig/rig-info';
import { issueCertificate } from './test-certificates';
import { makeTempDir, removeTempDir } from './temp-dir';

// A small Internet for discovery tests and benchmarks: a DNS zone served by dnsmasq, one HTTPS host for
// every autoconfig/well-known name (good and hostile answers), and a "black hole" address whose ports
// accept connections and never answer.

export const ZONE = 'disc.test';
/** Where tests point discovery's ISPDB lookups. */
export const LOCAL_ISPDB_URL = `https://wk.${'disc.test'}/v1.1/`;
/** The local "web": one HTTPS server on port 443 of this address answers for every autoconfig host. */
const WEB = '127.0.0.5';
/** Accepts on the usual mail and web ports and stays silent: a dead server that does not refuse. */
const BLACKHOLE = '127.0.0.6';
const BLACKHOLE_PORTS = [443, 993, 465, 143, 587];
/** A small mail host found only by guessing: IMAP on 993 (TLS) and 143 (greets, for STARTTLS). */
const GUESSABLE = '127.0.0.7';

const autoconfigXml = (host: string): string => `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="${ZONE}"><domain>${ZONE}</domain>
<incomingServer type="pop3"><hostname>pop.${host}</hostname><port>995</port><socketType>SSL</socketType></incomingServer>
<incomingServer type="imap"><hostname>${host}</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
<incomingServer type="imap"><hostname>plain.${host}</hostname><port>143</port><socketType>plain</socketType></incomingServer>
<outgoingServer type="smtp"><hostname>${host}</hostname><port>587</port><socketType>STARTTLS</socketType><username>%EMAILLOCALPART%</username></outgoingServer>
</emailProvider></clientConfig>`;

/** What each autoconfig host serves: the good one and the hostile ones. */
function webAnswer(
  host: string,
  path: string,
): { status: number; headers?: Record<string, string>; body?: string } {
  const zone = host.replace(/^autoconfig\./, '').replace(/:\d+$/, '');
  if (path.startsWith('/.well-known/caldav') && zone === `wk.${ZONE}`) {
    return { status: 301, headers: { location: `https://wk.${ZONE}/dav/` } };
  }
  // Stands in for Mozilla's ISPDB (https://autoconfig.thunderbird.net/v1.1/<domain>).
  if (zone === `wk.${ZONE}` && path === `/v1.1/ispdb.${ZONE}`) {
    return {
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: autoconfigXml(`mail.ispdb.${ZONE}`),
    };
  }
  if (!path.startsWith('/mail/config-v1.1.xml')) return { status: 404 };
  switch (zone) {
    case `auto.${ZONE}`:
      return {
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: autoconfigXml(`mail.auto.${ZONE}`),
      };
    case `plaintype.${ZONE}`:
      // Valid, but served as text/plain: tolerated.
      return {
        status: 200,
        headers: { 'content-type': 'text/plain' },
        body: autoconfigXml(`mail.plaintype.${ZONE}`),
      };
    case `entity.${ZONE}`:
      return {
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><clientConfig><emailProvider><incomingServer type="imap"><hostname>&lol2;</hostname></incomingServer></emailProvider></clientConfig>`,
      };
    case `huge.${ZONE}`:
      return {
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: `<clientConfig>${'x'.repeat(20 * 1024 * 1024)}`,
      };
    case `tohttp.${ZONE}`:
      return { status: 301, headers: { location: `http://autoconfig.tohttp.${ZONE}/mail/config-v1.1.xml` } };
    case `html.${ZONE}`:
      return {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<html><body>Welcome</body></html>',
      };
    case `broken.${ZONE}`:
      return {
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: '<clientConfig><emailProvider><incomingServer>',
      };
    default:
      return { status: 404 };
  }
}

export const hostileZones = ['entity', 'huge', 'tohttp', 'html', 'broken'];
const webZones = ['auto', 'plaintype', ...hostileZones];

function records(rig: RigInfo): DnsRecord[] {
  const a = (name: string, address = '127.0.0.1'): DnsRecord => ({ type: 'A', name, address });
  const srv = (name: string, target: string, port: number, priority: number, weight: number): DnsRecord => ({
    type: 'SRV',
    name,
    target,
    port,
    priority,
    weight,
  });
  return [
    // A custom domain whose mail is hosted at a catalogued provider (Aruba PEC), found by MX.
    { type: 'MX', name: `pecoffice.${ZONE}`, exchange: 'mx.pec.aruba.it', priority: 10 },
    // One on Google Workspace: its admin decides about app passwords, which the person is told.
    { type: 'MX', name: `workspace.${ZONE}`, exchange: 'aspmx.l.google.com', priority: 1 },
    // SRV only (RFC 6186, RFC 6764), with priorities and weights to order.
    srv(`_imaps._tcp.srv.${ZONE}`, `backup.srv.${ZONE}`, rig.imap.tlsPort, 20, 1),
    srv(`_imaps._tcp.srv.${ZONE}`, `heavy.srv.${ZONE}`, rig.imap.tlsPort, 10, 60),
    srv(`_imaps._tcp.srv.${ZONE}`, `light.srv.${ZONE}`, rig.imap.tlsPort, 10, 5),
    srv(`_submission._tcp.srv.${ZONE}`, `mail.srv.${ZONE}`, rig.smtp.submissionPort, 0, 1),
    srv(`_submissions._tcp.srv.${ZONE}`, '.', 0, 0, 0),
    srv(`_caldavs._tcp.srv.${ZONE}`, `dav.srv.${ZONE}`, 8443, 0, 1),
    { type: 'TXT', name: `_caldavs._tcp.srv.${ZONE}`, value: 'path=/dav/' },
    srv(`_imaps._tcp.elsewhere.${ZONE}`, 'imap.other-provider.example', 993, 0, 1),
    ...webZones.map((zone) => a(`autoconfig.${zone}.${ZONE}`, WEB)),
    a(`wk.${ZONE}`, WEB),
    // A domain whose every guessed host is black-holed.
    ...['imap', 'mail', 'smtp', 'autoconfig'].map((host) => a(`${host}.dead.${ZONE}`, BLACKHOLE)),
    a(`dead.${ZONE}`, BLACKHOLE),
    a(`imap.guess.${ZONE}`, GUESSABLE),
    a(`mail.guess.${ZONE}`, GUESSABLE),
  ];
}

export interface DiscoveryWorld {
  dnsServer: string;
  stop(): Promise<void>;
}

/** Starts the zone's DNS server, the HTTPS host and the black hole; the rig's CA signs the web certificate. */
export async function startDiscoveryWorld(rig: RigInfo): Promise<DiscoveryWorld> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const step of stops.reverse()) await step();
  };
  try {
    const dir = await makeTempDir('ponte-discovery-');
    stops.push(() => removeTempDir(dir));
    const dns = await startDnsmasq({ dir, domain: ZONE, records: records(rig) });
    stops.push(() => dns.daemon.stop());
    const names = [...webZones.map((zone) => `autoconfig.${zone}.${ZONE}`), `wk.${ZONE}`];
    const cert = await issueCertificate(rig.dir, { names });
    const web: Server = createServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => {
      const answer = webAnswer(req.headers.host ?? '', req.url ?? '/');
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
    await new Promise<void>((resolve) => web.listen(443, WEB, resolve));
    stops.push(() => new Promise((resolve) => web.close(() => resolve())));
    const guessCert = await issueCertificate(rig.dir, {
      names: [`imap.guess.${ZONE}`, `mail.guess.${ZONE}`],
    });
    const imaps = createTlsServer({ cert: guessCert.certPem, key: guessCert.keyPem }, (socket) =>
      socket.end('* OK IMAP ready\r\n'),
    );
    const imap = createTcpServer((socket) => socket.end('* OK IMAP ready\r\n'));
    for (const [server, port] of [
      [imaps, 993],
      [imap, 143],
    ] as const) {
      await new Promise<void>((resolve) => server.listen(port, GUESSABLE, resolve));
      stops.push(() => new Promise((resolve) => server.close(() => resolve())));
    }
    for (const port of BLACKHOLE_PORTS) {
      const sockets = new Set<Socket>();
      const sink = createTcpServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => sink.listen(port, BLACKHOLE, resolve));
      stops.push(
        () =>
          new Promise((resolve) => {
            for (const socket of sockets) socket.destroy();
            sink.close(() => resolve());
          }),
      );
    }
    return { dnsServer: `127.0.0.1:${dns.port}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
