import { mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers';
import { createCore } from '@core/core';
import { startBridge, type RunningBridge } from '../../../src/web-bridge/bridge-server';
import { useTempDir } from '../../support/use-temp-dir';

const TOKEN = 'test-token-0123456789abcdef0123456789abcdef';
const dir = useTempDir('ponte-bridge-', 'all');
let bridge: RunningBridge;

beforeAll(async () => {
  await mkdir(join(dir(), 'renderer'));
  await writeFile(join(dir(), 'renderer', 'index.html'), '<!doctype html><title>Ponte</title>');
  const core = createCore({ dataDir: join(dir(), 'data'), appRoot: join(__dirname, '../../..') });
  const handlers = createHandlers(core, {
    shell: 'browser',
    appName: 'Ponte',
    appVersion: '1.2.3',
    appRoot: dir(),
    openExternal: async () => undefined,
    setStartAtLogin: async () => undefined,
  });
  bridge = await startBridge({ rendererDir: join(dir(), 'renderer'), handlers, token: TOKEN });
});
afterAll(async () => {
  await bridge.close();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so the test controls Host and Origin, as a hostile page or a rebinding attack would. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const url = new URL(bridge.origin);
    const req = httpRequest(
      { host: '127.0.0.1', port: url.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (body: unknown, headers: Record<string, string> = {}) =>
  send('/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify(body),
  });

describe('browser bridge', () => {
  it('listens on loopback and hands out the token only in the fragment', () => {
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.url).toBe(`${bridge.origin}/#token=${TOKEN}`);
  });

  it('serves the UI with the strict CSP', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('carries a contract call to the real core', async () => {
    const reply = await invoke({ channel: 'app:info' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { version: '1.2.3', shell: 'browser' } });
  });

  it('refuses a missing or wrong token', async () => {
    expect((await invoke({ channel: 'app:info' }, { authorization: '' })).status).toBe(401);
    expect(
      (await invoke({ channel: 'app:info' }, { authorization: `Bearer ${TOKEN.slice(0, -1)}x` })).status,
    ).toBe(401);
  });

  it('refuses other origins and other Host names (DNS rebinding)', async () => {
    expect((await invoke({ channel: 'app:info' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await invoke({ channel: 'app:info' }, { host: 'evil.example' })).status).toBe(421);
    expect((await send('/', { headers: { host: 'rebound.example:80' } })).status).toBe(421);
  });

  it('refuses non-JSON bodies (no CORS-simple requests) and oversized ones', async () => {
    const form = await send('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` },
      body: '{"channel":"app:info"}',
    });
    expect(form.status).toBe(415);
    expect((await invoke({ channel: 'app:info', input: 'x'.repeat(2 * 1024 * 1024) })).status).toBe(413);
  });

  it('validates input like the desktop app does', async () => {
    const reply = await invoke({ channel: 'settings:update', input: { language: 'xx' } });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
