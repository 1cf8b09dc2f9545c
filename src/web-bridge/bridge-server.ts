import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '@core/api/handlers';
import { UI_SECURITY_HEADERS } from '@core/static/content-security-policy';
import { logFor } from '@core/log/logger';
import { readStaticFile } from '@core/static/static-files';

const log = logFor('bridge');

const MAX_BODY_BYTES = 1024 * 1024;
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;
export const BRIDGE_INVOKE_PATH = '/api/invoke';

export interface BridgeOptions {
  rendererDir: string;
  /** Or a loader, called on the first call: the page is served before core and its schemas load. */
  handlers: Handlers | (() => Promise<Handlers>);
  /** Per-run random secret the page must present; it reaches the page only in the URL fragment. */
  token: string;
  port?: number;
  onUnexpected?: (error: unknown, channel: string) => void;
}

async function dispatchCall(options: BridgeOptions, channel: unknown, input: unknown) {
  const [{ dispatch }, handlers] = await Promise.all([
    import('@core/api/dispatch'),
    typeof options.handlers === 'function' ? options.handlers() : options.handlers,
  ]);
  return dispatch(handlers, channel, input, options.onUnexpected);
}

export interface RunningBridge {
  server: Server;
  origin: string;
  /** The address to open: the token rides in the fragment, which browsers never send to servers. */
  url: string;
  close(): Promise<void>;
}

/**
 * The browser preview: serves the built renderer and carries contract calls to the real core, on loopback only.
 * A call must present the token, come from our own origin (Host and Origin checked, against DNS rebinding and
 * cross-site requests) and be JSON (which forces a CORS preflight that this server never grants).
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const expectedToken = Buffer.from(options.token);
  let origin = '';
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      log.error(`${request.method ?? '?'} request failed`, error);
      send(response, 500, { error: 'internal' });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (`http://${host}` !== origin) return send(response, 421, { error: 'wrong host' });
    const path = (request.url ?? '/').split('?')[0] ?? '/';

    if (path === BRIDGE_INVOKE_PATH) {
      if (request.method !== 'POST') return send(response, 405, { error: 'method not allowed' });
      if (request.headers.origin !== undefined && request.headers.origin !== origin) {
        return send(response, 403, { error: 'cross-origin call refused' });
      }
      if (!hasToken(request.headers.authorization, expectedToken))
        return send(response, 401, { error: 'bad token' });
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(response, 415, { error: 'JSON only' });
      }
      const body = await readBody(request);
      if (body === null) return send(response, 413, { error: 'too large' });
      let call: { channel?: unknown; input?: unknown };
      try {
        call = JSON.parse(body) as { channel?: unknown; input?: unknown };
      } catch {
        return send(response, 400, { error: 'not JSON' });
      }
      return send(response, 200, await dispatchCall(options, call.channel, call.input));
    }

    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, { error: 'method not allowed' });
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) return send(response, 404, { error: 'not found' });
    response.writeHead(200, { 'content-type': file.contentType, ...UI_SECURITY_HEADERS });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    url: `${origin}/#token=${encodeURIComponent(options.token)}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function hasToken(header: string | undefined, expected: Buffer): boolean {
  const presented = Buffer.from((header ?? '').replace(/^Bearer /, ''));
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/**
 * The body as text, or null when it is over MAX_BODY_BYTES. An oversized body is drained (up to a hard cap)
 * rather than cut off, so the client reliably receives the 413 instead of a connection reset.
 */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) request.destroy();
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('close', () => resolve(null));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}
