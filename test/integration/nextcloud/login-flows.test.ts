import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { isOnServer, nextcloudOrigin } from '@core/nextcloud/nextcloud-address';
import { LoginFlows } from '@core/nextcloud/login-flows';
import { PonteError } from '@core/errors/ponte-error';
import { dispatch } from '@core/api/dispatch';
import { createHandlers } from '@core/api/handlers';
import { createCore } from '@core/core';
import type { LoginFlowStatus } from '@shared/models';
import { type LoginFlowServer, startLoginFlowServer } from '../../support/nextcloud-login-flow-server';
import { untouchedSecrets } from '../../support/memory-secrets';
import { makeTempDir, removeTempDir } from '../../support/temp-dir';

const rig = inject('rig');
const trust = { caPem: rig.caPem };
let cert: { certPem: string; keyPem: string };
const servers: LoginFlowServer[] = [];

beforeAll(async () => {
  // The rig's server certificate, so the rig's CA vouches for the stand-in as for every rig server.
  cert = {
    certPem: await readFile(join(rig.dir, 'server.pem'), 'utf8'),
    keyPem: await readFile(join(rig.dir, 'server.key'), 'utf8'),
  };
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function nextcloud(
  options: { loginUrlOrigin?: string; grantedServer?: string; refuseStart?: boolean } = {},
) {
  const server = await startLoginFlowServer({ ...cert, ...options });
  servers.push(server);
  return server;
}

const flows = (lifetimeMs?: number, keepFinishedMs?: number, unreachableMs?: number) =>
  new LoginFlows({
    userAgent: 'Ponte (test-pc)',
    pollIntervalMs: 20,
    ...(lifetimeMs ? { lifetimeMs } : {}),
    ...(keepFinishedMs ? { keepFinishedMs } : {}),
    ...(unreachableMs ? { unreachableMs } : {}),
  });

describe('Nextcloud Login Flow v2', () => {
  it('waits for the person, then keeps the app password in core and tells only server and login', async () => {
    const server = await nextcloud();
    const manager = flows();
    const started = await manager.start(server.url, trust);
    expect(started).toMatchObject({ state: 'waiting', version: 0 });
    expect(started.loginUrl.startsWith(`${server.url}/login/v2/flow/`)).toBe(true);
    expect(server.startAgents).toEqual(['Ponte (test-pc)']);

    const stillWaiting = await manager.status(started.flowId);
    expect(stillWaiting.state).toBe('waiting');
    await expect.poll(() => server.pollCount()).toBeGreaterThan(1);

    server.grant('anna', 'app-password-from-nextcloud');
    const granted = await manager.status(started.flowId, stillWaiting.version);
    expect(granted).toMatchObject({ state: 'granted', server: server.url, loginName: 'anna' });
    expect(JSON.stringify(granted)).not.toContain('app-password-from-nextcloud');
    expect(manager.secret(started.flowId, [])).toBe('app-password-from-nextcloud');
  });

  it('forgets a finished flow, and a granted one’s app password, once it has been kept long enough', async () => {
    const server = await nextcloud();
    const manager = flows(undefined, 300);
    const started = await manager.start(server.url, trust);
    server.grant('anna', 'app-password-from-nextcloud');
    await manager.status(started.flowId, started.version);
    expect(manager.secret(started.flowId, [])).toBe('app-password-from-nextcloud');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(() => manager.secret(started.flowId, [])).toThrow(/no longer known/);
    await expect(manager.status(started.flowId)).rejects.toThrow(/no longer known/);
  });

  it('a network blip while waiting is polled through; a server gone for good ends the flow as failed', async () => {
    const server = await nextcloud();
    // Unreachable for 2 s at most; five cut polls take a fraction of that.
    const manager = flows(undefined, undefined, 2_000);
    const started = await manager.start(server.url, trust);
    server.dropPolls(5);
    await expect.poll(() => server.pollCount(), { timeout: 5_000 }).toBeGreaterThan(7);
    expect((await manager.status(started.flowId)).state).toBe('waiting');
    server.grant('anna', 'app-password-from-nextcloud');
    await expect.poll(async () => (await manager.status(started.flowId)).state).toBe('granted');

    const gone = await nextcloud();
    const second = await manager.start(gone.url, trust);
    await gone.close();
    await expect
      .poll(async () => (await manager.status(second.flowId)).state, { timeout: 10_000 })
      .toBe('failed');
    expect((await manager.status(second.flowId)).detail).toMatch(/Could not reach/);
  });

  it('cancel stops polling; an expired flow says so; neither yields a password', async () => {
    const server = await nextcloud();
    const manager = flows(200);
    const cancelled = await manager.start(server.url, trust);
    expect(manager.cancel(cancelled.flowId).state).toBe('cancelled');
    const pollsAtCancel = server.pollCount();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.pollCount()).toBeLessThanOrEqual(pollsAtCancel + 1);
    expect(() => manager.secret(cancelled.flowId, [])).toThrow(PonteError);

    const expiring = await manager.start(server.url, trust);
    await expect.poll(async () => (await manager.status(expiring.flowId)).state).toBe('expired');
    expect(() => manager.secret(expiring.flowId, [])).toThrow(PonteError);
  });

  it('refuses what is not a Nextcloud sign-in: a login page elsewhere, a refused start, an untrusted server', async () => {
    const elsewhere = await nextcloud({ loginUrlOrigin: 'https://phishing.example' });
    await expect(flows().start(elsewhere.url, trust)).rejects.toMatchObject({ code: 'LOGIN_FLOW_FAILED' });
    const refusing = await nextcloud({ refuseStart: true });
    await expect(flows().start(refusing.url, trust)).rejects.toMatchObject({ code: 'LOGIN_FLOW_FAILED' });
    // Without the rig's CA, the certificate is not trusted: nothing is sent.
    const untrusted = await nextcloud();
    await expect(flows().start(untrusted.url, {})).rejects.toMatchObject({ code: 'LOGIN_FLOW_FAILED' });
    expect(untrusted.startAgents).toEqual([]);
  });
});

describe('a granted device password stays with the server the person named', () => {
  it('is lent only to addresses on that server: never mail, another host, another port or beside its folder', async () => {
    const server = await nextcloud();
    const manager = flows();
    const started = await manager.start(server.url, trust);
    server.grant('anna', 'app-password-from-nextcloud');
    await expect.poll(async () => (await manager.status(started.flowId)).state).toBe('granted');
    const dav = `${server.url}/remote.php/dav`;
    expect(manager.secret(started.flowId, [dav, `${dav}/files/anna/`])).toBe('app-password-from-nextcloud');
    const port = new URL(server.url).port;
    for (const elsewhere of [
      'https://evil.example/remote.php/dav',
      `https://127.0.0.2:${port}/remote.php/dav`,
      'https://127.0.0.1/remote.php/dav',
      `http://127.0.0.1:${port}/remote.php/dav`,
      `https://anna@127.0.0.1:${port}/remote.php/dav`,
      `imap://127.0.0.1:${port}`,
      'not a url',
    ]) {
      expect(() => manager.secret(started.flowId, [dav, elsewhere]), elsewhere).toThrowError(
        expect.objectContaining({ code: 'SIGN_IN_OTHER_SERVER' }),
      );
    }
  });

  it('a sign-in whose answer names another server ends as failed, and yields nothing', async () => {
    const server = await nextcloud({ grantedServer: 'https://evil.example' });
    const manager = flows();
    const started = await manager.start(server.url, trust);
    server.grant('anna', 'app-password-from-nextcloud');
    await expect.poll(async () => (await manager.status(started.flowId)).state).toBe('failed');
    expect((await manager.status(started.flowId)).detail).toMatch(/another server/);
    expect(() => manager.secret(started.flowId, [])).toThrow(PonteError);
  });

  it('through IPC: a check that would send the device password elsewhere is refused before anything runs', async () => {
    const server = await nextcloud();
    const dir = await makeTempDir('ponte-nextcloud-ipc-');
    const core = createCore({ dataDir: dir, appRoot: dir, secrets: untouchedSecrets });
    const handlers = createHandlers(core, {
      shell: 'browser',
      appName: 'Ponte',
      appVersion: '0',
      appRoot: dir,
      openExternal: async () => undefined,
      setStartAtLogin: async () => undefined,
    });
    try {
      const started = await dispatch(handlers, 'nextcloud:start', { server: server.url, caPem: rig.caPem });
      if (!started.ok) throw new Error(JSON.stringify(started.error));
      const flowId = (started.value as LoginFlowStatus).flowId;
      server.grant('anna', 'app-password-from-nextcloud');
      await expect
        .poll(async () => core.loginFlows.status(flowId).then((status) => status.state), {
          timeout: 10_000,
        })
        .toBe('granted');
      const check = (url: string) =>
        dispatch(handlers, 'verify:start', {
          request: { username: 'anna', caldav: { url }, caPem: rig.caPem },
          loginFlowId: flowId,
        });
      const refused = await check('https://evil.example/remote.php/dav');
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'SIGN_IN_OTHER_SERVER', message: expect.stringContaining('only used on') },
      });
      expect(await check(`${server.url}/remote.php/dav`)).toMatchObject({ ok: true });
    } finally {
      await removeTempDir(dir);
    }
  });

  it('a Nextcloud in a folder owns only that folder', () => {
    expect(isOnServer('https://example.com/nextcloud', 'https://example.com/nextcloud/remote.php/dav')).toBe(
      true,
    );
    expect(isOnServer('https://example.com/nextcloud', 'https://example.com/nextcloud2/remote.php')).toBe(
      false,
    );
    expect(isOnServer('https://example.com/nextcloud', 'https://example.com/other/')).toBe(false);
    expect(isOnServer('https://Example.COM', 'https://example.com:443/x')).toBe(true);
  });
});

describe('nextcloudOrigin', () => {
  it('takes what people type, https only', () => {
    expect(nextcloudOrigin('cloud.example.com')).toBe('https://cloud.example.com');
    expect(nextcloudOrigin(' https://cloud.example.com/ ')).toBe('https://cloud.example.com');
    expect(nextcloudOrigin('https://example.com/nextcloud/')).toBe('https://example.com/nextcloud');
    for (const bad of [
      'http://cloud.example.com',
      'https://u:p@cloud.example.com',
      'https://c.example?x=1',
      '',
    ]) {
      expect(nextcloudOrigin(bad), bad).toBeNull();
    }
  });
});
