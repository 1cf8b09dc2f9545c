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
export function track(server: Server, onSocket: (socket: Socket) => void): Promise<FakeServer> {
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

/**
 * A line-based server that speaks just enough of a protocol for one scenario: `greeting` on connect, then
 * `reply(line)` for each line the client sends (undefined: say nothing; `end: true`: hang up after it).
 */
function startScripted(
  cert: { certPem: string; keyPem: string } | undefined,
  greeting: string,
  reply: (line: string) => { text: string; end?: boolean } | undefined,
): Promise<FakeServer> {
  const server = cert ? createTlsServer({ cert: cert.certPem, key: cert.keyPem }) : createServer();
  return track(server, (socket) => {
    socket.write(greeting);
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n')) >= 0) {
        const answer = reply(buffered.slice(0, end));
        buffered = buffered.slice(end + 2);
        if (answer?.end) socket.end(answer.text);
        else if (answer) socket.write(answer.text);
      }
    });
  });
}

/** IMAP: CAPABILITY, LOGOUT, and `onOther` for everything else. */
function imapScript(capabilities: string, onOther: (tag: string, command: string) => string) {
  return (line: string): { text: string; end?: boolean } => {
    const [tag = '*', command = ''] = line.split(' ');
    if (/^CAPABILITY$/i.test(command)) return { text: `* CAPABILITY ${capabilities}\r\n${tag} OK done\r\n` };
    if (/^LOGOUT$/i.test(command)) return { text: `* BYE\r\n${tag} OK bye\r\n`, end: true };
    return { text: onOther(tag, command) };
  };
}

/** An IMAP server that offers LOGIN but no STARTTLS (or a man in the middle who stripped it). */
export function startImapWithoutStarttls(): Promise<FakeServer> {
  const capabilities = 'IMAP4rev1 AUTH=PLAIN LOGIN';
  return startScripted(
    undefined,
    `* OK [CAPABILITY ${capabilities}] fake IMAP ready\r\n`,
    imapScript(capabilities, (tag, command) =>
      /^STARTTLS$/i.test(command) ? `${tag} BAD STARTTLS not supported\r\n` : `${tag} NO no\r\n`,
    ),
  );
}

/** An IMAP server over TLS that refuses every LOGIN with the given response text (e.g. Gmail's [ALERT]). */
export function startImapRefusingLogin(
  cert: { certPem: string; keyPem: string },
  refusal: string,
): Promise<FakeServer> {
  const capabilities = 'IMAP4rev1';
  return startScripted(
    cert,
    `* OK [CAPABILITY ${capabilities}] fake IMAP ready\r\n`,
    imapScript(capabilities, (tag, command) =>
      /^LOGIN$/i.test(command) ? `${tag} ${refusal}\r\n` : `${tag} BAD no\r\n`,
    ),
  );
}

/** SMTP: EHLO with `extensions`, QUIT, and `onOther` for everything else. */
function smtpScript(extensions: string[], onOther: (line: string) => string) {
  return (line: string): { text: string; end?: boolean } => {
    if (/^(EHLO|HELO)/i.test(line)) {
      const lines = ['fake.smtp', ...extensions];
      return { text: lines.map((text, i) => `250${i === lines.length - 1 ? ' ' : '-'}${text}\r\n`).join('') };
    }
    if (/^QUIT/i.test(line)) return { text: '221 bye\r\n', end: true };
    return { text: onOther(line) };
  };
}

/** An SMTP server that announces AUTH but not STARTTLS, and refuses the command when asked anyway. */
export function startSmtpWithoutStarttls(): Promise<FakeServer> {
  return startScripted(
    undefined,
    '220 fake.smtp ESMTP\r\n',
    smtpScript(['AUTH PLAIN LOGIN', '8BITMIME'], (line) =>
      /^STARTTLS/i.test(line) ? '502 5.5.1 STARTTLS not available\r\n' : '503 5.5.1 no\r\n',
    ),
  );
}

/** An SMTP server over TLS that refuses AUTH with the given (possibly multi-line) reply. */
export function startSmtpRefusingAuth(
  cert: { certPem: string; keyPem: string },
  refusal: string,
): Promise<FakeServer> {
  return startScripted(
    cert,
    '220 fake.smtp ESMTP\r\n',
    smtpScript(['AUTH PLAIN LOGIN'], (line) => (/^AUTH/i.test(line) ? refusal : '503 5.5.1 no\r\n')),
  );
}
