import { get, type Agent } from 'node:https';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createGuardedAgents } from '../../../src/core/webdav/guarded-agents';
import { DEFAULT_TIMEOUTS } from '../../../src/core/verify/service-target';
import { issueCertificate } from '../../support/test-certificates';

// The WebDAV client's answers are bounded per answer, not per connection: a kept-alive socket carries many
// answers (an archive reads back one copy per message over it), each counted from zero.

const rig = inject('rig');
const KB = 1024;
let server: ReturnType<typeof createServer>;
let origin: URL;

beforeAll(async () => {
  const cert = await issueCertificate(rig.dir, { names: ['127.0.0.1'] });
  server = createServer({ cert: cert.certPem, key: cert.keyPem, keepAlive: true }, (request, response) => {
    const size = request.url === '/big' ? 100 * KB : 40 * KB;
    response.writeHead(200, { 'content-length': String(size) }).end(Buffer.alloc(size, 'x'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = new URL(`https://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The body's length, or the error that cut it (or refused the connection, thrown as the request starts). */
function fetchLength(agent: Agent, path: string): Promise<number | Error> {
  return new Promise((resolve) => {
    try {
      get(new URL(path, origin), { agent }, (response) => {
        let length = 0;
        response.on('data', (chunk: Buffer) => (length += chunk.length));
        response.on('end', () => resolve(length));
        response.on('error', resolve);
      }).on('error', resolve);
    } catch (error) {
      resolve(error as Error);
    }
  });
}

describe('guarded agents', () => {
  it('count each answer from zero on a kept-alive socket, and cut the one past the bound', async () => {
    const agents = createGuardedAgents(
      origin,
      {
        signal: new AbortController().signal,
        trust: { caPem: rig.caPem },
        timeouts: DEFAULT_TIMEOUTS,
        confirmedHosts: [],
      },
      64 * KB,
    );
    try {
      // Three answers of 40 KB: 120 KB on one connection, each under the 64 KB bound.
      for (let i = 0; i < 3; i += 1) expect(await fetchLength(agents.httpsAgent, '/small')).toBe(40 * KB);
      expect(agents.refusal()).toBeUndefined();
      expect(await fetchLength(agents.httpsAgent, '/big')).toBeInstanceOf(Error);
      expect(agents.refusal()?.code).toBe('PROTOCOL_ERROR');
    } finally {
      agents.destroy();
    }
  });

  it('refuse the host the person gave on another port, and reach a port confirmed for it', async () => {
    const context = {
      signal: new AbortController().signal,
      trust: { caPem: rig.caPem },
      timeouts: DEFAULT_TIMEOUTS,
    };
    // The person gave port 1 on the same host: the server's real port is another server.
    const typed = new URL('https://127.0.0.1:1/');
    const refused = createGuardedAgents(typed, { ...context, confirmedHosts: [] });
    const confirmed = createGuardedAgents(typed, {
      ...context,
      confirmedHosts: [`127.0.0.1:${origin.port}`],
    });
    try {
      expect(await fetchLength(refused.httpsAgent, '/small')).toBeInstanceOf(Error);
      expect(refused.refusal()?.code).toBe('REDIRECT_REFUSED');
      expect(await fetchLength(confirmed.httpsAgent, '/small')).toBe(40 * KB);
      expect(confirmed.refusal()).toBeUndefined();
    } finally {
      refused.destroy();
      confirmed.destroy();
    }
  });
});
