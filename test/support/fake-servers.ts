import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface FakeServer {
  port: number;
  /** Everything every client sent, concatenated. */
  received(): Buffer;
  /** Connections currently open on the server side. */
  openConnections(): number;
  /** Connections ever accepted. */
  acceptedConnections(): number;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 and keeps count: raw TCP connections (open and ever accepted) and every byte the
 * clients sent (after TLS, for a TLS server), so a test can assert what did or did not cross the wire.
 */
function track(server: Server, onSocket: (socket: Socket) => void): Promise<FakeServer> {
  const chunks: Buffer[] = [];
  const open = new Set<Socket>();
  let accepted = 0;
  const isTls = 'addContext' in server;
  server.on('connection', (socket: Socket) => {
    accepted += 1;
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
  });
  server.on(isTls ? 'secureConnection' : 'connection', (socket: Socket) => {
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    onSocket(socket);
  });
  server.on('tlsClientError', () => undefined);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        received: () => Buffer.concat(chunks),
        openConnections: () => open.size,
        acceptedConnections: () => accepted,
        close: () =>
          new Promise((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Accepts TCP connections and never says a word: the server that hangs. */
export function startSilentServer(): Promise<FakeServer> {
  return track(createServer(), () => undefined);
}

/** Completes a TLS handshake with the given certificate, then says nothing. */
export function startTlsServer(cert: { certPem: string; keyPem: string }): Promise<FakeServer> {
  return track(createTlsServer({ cert: cert.certPem, key: cert.keyPem }), () => undefined);
}

/** An IMAP server that offers LOGIN but no STARTTLS (or a man in the middle who stripped it). */
export function startImapWithoutStarttls(): Promise<FakeServer> {
  return track(createServer(), (socket) => {
    socket.write('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN LOGIN] fake IMAP ready\r\n');
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const [tag, command = ''] = line.split(' ');
        if (/^CAPABILITY$/i.test(command)) {
          socket.write(`* CAPABILITY IMAP4rev1 AUTH=PLAIN LOGIN\r\n${tag} OK done\r\n`);
        } else if (/^STARTTLS$/i.test(command)) {
          socket.write(`${tag} BAD STARTTLS not supported\r\n`);
        } else if (/^LOGOUT$/i.test(command)) {
          socket.end(`* BYE\r\n${tag} OK bye\r\n`);
        } else {
          socket.write(`${tag} NO no\r\n`);
        }
      }
    });
  });
}

/** An SMTP server that announces AUTH but not STARTTLS, and refuses the command when asked anyway. */
export function startSmtpWithoutStarttls(): Promise<FakeServer> {
  return track(createServer(), (socket) => {
    socket.write('220 fake.smtp ESMTP\r\n');
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        if (/^(EHLO|HELO)/i.test(line))
          socket.write('250-fake.smtp\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n');
        else if (/^STARTTLS/i.test(line)) socket.write('502 5.5.1 STARTTLS not available\r\n');
        else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('503 5.5.1 no\r\n');
      }
    });
  });
}
