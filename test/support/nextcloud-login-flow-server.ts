import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

// A stand-in for a Nextcloud server's Login Flow v2 endpoints (Nextcloud itself is not packaged in Debian,
// so it cannot run in the rig). It answers as the developer manual documents: a start answer with the login
// page and poll endpoint, 404 on every poll until the person granted access, then the credentials once.

export interface LoginFlowServer {
  /** https://127.0.0.1:PORT — the "server" a person would type. */
  url: string;
  /** What the person does in the browser: sign in and grant access. */
  grant(loginName: string, appPassword: string): void;
  /** User-Agent of each start request (Nextcloud names the app password after it). */
  startAgents: string[];
  pollCount(): number;
  /** The next `count` polls get their connection cut, as a network blip would. */
  dropPolls(count: number): void;
  close(): Promise<void>;
}

export interface LoginFlowServerOptions {
  certPem: string;
  keyPem: string;
  /** Misbehaviours for tests: a login page on another origin, credentials naming another server, or a start refused. */
  loginUrlOrigin?: string;
  grantedServer?: string;
  refuseStart?: boolean;
  /**
   * Everything that is not Login Flow is passed through to these servers (the rig's), on the stand-in's own
   * address, as a real Nextcloud serves its DAV beside its sign-in: paths under `prefix` go to `webdav`, the
   * rest to `caldav`. A granted device password is only ever used on the server that granted it.
   */
  passThrough?: { caldav: string; webdav: string; prefix: string; caPem: string };
}

export async function startLoginFlowServer(options: LoginFlowServerOptions): Promise<LoginFlowServer> {
  const token = randomBytes(32).toString('hex');
  const startAgents: string[] = [];
  let granted: { loginName: string; appPassword: string } | null = null;
  let polls = 0;
  let toDrop = 0;
  let url = '';

  const server = createServer({ cert: options.certPem, key: options.keyPem }, (request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const json = (status: number, value: unknown): void => {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      };
      if (request.method === 'POST' && request.url === '/index.php/login/v2') {
        startAgents.push(request.headers['user-agent'] ?? '');
        if (options.refuseStart) return json(404, { message: 'not found' });
        return json(200, {
          poll: { token, endpoint: `${url}/login/v2/poll` },
          login: `${options.loginUrlOrigin ?? url}/login/v2/flow/${token.slice(0, 16)}`,
        });
      }
      if (request.method === 'POST' && request.url === '/login/v2/poll') {
        polls += 1;
        if (toDrop > 0) {
          toDrop -= 1;
          request.socket.destroy();
          return;
        }
        if (new URLSearchParams(body).get('token') !== token || !granted) return json(404, []);
        const credentials = { server: options.grantedServer ?? url, ...granted };
        // Handed out once, as Nextcloud does.
        granted = null;
        return json(200, credentials);
      }
      if (options.passThrough) return passOn(options.passThrough, request, body, response, url);
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    grant: (loginName, appPassword) => {
      granted = { loginName, appPassword };
    },
    startAgents,
    pollCount: () => polls,
    dropPolls: (count) => {
      toDrop = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Forwards one request to the rig server its path belongs to, and its answer back, Locations rewritten. */
function passOn(
  to: NonNullable<LoginFlowServerOptions['passThrough']>,
  request: IncomingMessage,
  body: string,
  response: ServerResponse,
  ownOrigin: string,
): void {
  const path = request.url ?? '/';
  // The WebDAV client asks for the folder without its trailing slash too.
  const folder = to.prefix.replace(/\/$/, '');
  const isDrive = path === folder || path.startsWith(`${folder}/`) || path.startsWith(`${folder}?`);
  const target = new URL(path, isDrive ? to.webdav : to.caldav);
  const forwarded = httpsRequest(
    target,
    { method: request.method, headers: { ...request.headers, host: target.host }, ca: to.caPem },
    (answer) => {
      const headers = { ...answer.headers };
      if (typeof headers.location === 'string') {
        headers.location = headers.location.replace(target.origin, ownOrigin);
      }
      response.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(response);
    },
  );
  forwarded.on('error', () => response.writeHead(502).end());
  forwarded.end(body);
}
