import { describe, expect, inject, it } from 'vitest';
import { ponteWith } from '../../support/run-ponte';
import type { ServiceResult } from '@shared/verify';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { startSilentServer } from '../../support/fake-servers';
import { selfSignedCertificate } from '../../support/test-certificates';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

const rig = inject('rig');
const anna = rigUser(rig, 0);
const dataDir = useTempDir('ponte-cli-');
const ponte = ponteWith(() => ({ dataDir: dataDir() }));

const rigArgs = (caFile = rig.caFile): string[] => [
  'verify',
  '--imap',
  `127.0.0.1:${rig.imap.starttlsPort}/starttls`,
  '--smtp',
  `127.0.0.1:${rig.smtp.tlsPort}`,
  '--caldav',
  rig.caldav.url,
  '--carddav',
  rig.caldav.url,
  '--webdav',
  anna.webdavUrl,
  '--user',
  anna.login,
  '--password-stdin',
  '--ca',
  caFile,
];

describe('ponte verify', () => {
  it('checks all five services with the password from stdin: exit 0 and JSON results', async () => {
    const run = await ponte([...rigArgs(), '--json'], { stdin: `${anna.password}\n` });
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as ServiceResult[];
    expect(results.map((r) => [r.service, r.status])).toEqual(
      ['imap', 'smtp', 'caldav', 'carddav', 'webdav'].map((s) => [s, 'ok']),
    );
    const caldav = results.find((r) => r.service === 'caldav');
    expect(caldav?.service === 'caldav' && caldav.found?.calendars.map((c) => c.displayName).sort()).toEqual([
      'Lavoro',
      'Promemoria',
    ]);
    expect(run.stdout + run.stderr).not.toContain(anna.password);
  });

  it('a wrong password: exit 1, AUTH_FAILED everywhere, told in the chosen language', async () => {
    const json = await ponte([...rigArgs(), '--json'], { stdin: 'not-the-password' });
    expect(json.code).toBe(1);
    const results = JSON.parse(json.stdout) as ServiceResult[];
    expect(results.map((r) => r.code)).toEqual(Array(5).fill('AUTH_FAILED'));

    const human = await ponte([...rigArgs(), '--lang', 'it'], { stdin: 'not-the-password' });
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('Posta in arrivo (IMAP)');
    expect(human.stdout).not.toContain('not-the-password');
  });

  it('usage errors exit 2: a password on the command line, no password source, bad endpoints; http is INSECURE_URL', async () => {
    const onArgv = await ponte(['verify', '--user', 'a', '--imap', 'h:993', '--password', 'x'], {
      stdin: null,
    });
    expect(onArgv.code).toBe(2);
    const noSource = await ponte(['verify', '--user', 'a', '--imap', 'h:993'], { stdin: null });
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toContain('--password-stdin');
    // An http address is no usage error: core refuses it per service, before connecting (the table in
    // docs/cli.md).
    const http = await ponte(
      ['verify', '--user', 'a', '--caldav', 'http://h/', '--password-stdin', '--json'],
      { stdin: 'x' },
    );
    expect(http.code).toBe(1);
    expect(JSON.parse(http.stdout)).toMatchObject([
      { service: 'caldav', status: 'failed', code: 'INSECURE_URL' },
    ]);
    const endpoint = await ponte(['verify', '--user', 'a', '--imap', 'h:99999', '--password-stdin'], {
      stdin: 'x',
    });
    expect(endpoint.code).toBe(2);
    const nothing = await ponte(['verify', '--user', 'a', '--password-stdin', '--json'], { stdin: 'x' });
    expect(nothing.code).toBe(2);
    expect(JSON.parse(nothing.stdout)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
  });

  it('Ctrl-C cancels every check at once and exits 1', async () => {
    const silent = await startSilentServer();
    try {
      let killedAt = 0;
      const run = await ponte(
        [
          'verify',
          '--user',
          'a',
          '--imap',
          `127.0.0.1:${silent.port}`,
          '--webdav',
          `https://127.0.0.1:${silent.port}/`,
          '--password-stdin',
          '--json',
        ],
        {
          stdin: 'secret-pw',
          // Once both checks are connected (so the CLI is past start-up, whatever the machine's load).
          onStart: (kill) =>
            void expect
              .poll(() => silent.acceptedConnections(), { timeout: 10_000 })
              .toBe(2)
              .then(() => {
                killedAt = Date.now();
                kill('SIGINT');
              }),
        },
      );
      expect(run.code).toBe(1);
      // At once: not after the checks' own time limits (10 s to connect).
      expect(Date.now() - killedAt).toBeLessThan(3_000);
      expect((JSON.parse(run.stdout) as ServiceResult[]).map((r) => r.code)).toEqual([
        'CANCELLED',
        'CANCELLED',
      ]);
      await expect.poll(() => silent.openConnections()).toBe(0);
    } finally {
      await silent.close();
    }
  });

  it('shows a self-signed server’s fingerprint, and trusts it only with --trust-fingerprint', async () => {
    const cert = await selfSignedCertificate(['nas.office.test']);
    const server = createServer({ cert: cert.certPem, key: cert.keyPem }, (_req, res) =>
      res.writeHead(401).end(),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const fingerprint = new X509Certificate(cert.certPem).fingerprint256;
      const args = ['verify', '--user', 'a', '--webdav', url, '--password-stdin'];

      const untrusted = await ponte(args, { stdin: 'pw-1234' });
      expect(untrusted.code).toBe(1);
      expect(untrusted.stdout).toContain(fingerprint);
      expect(untrusted.stdout).toContain('--trust-fingerprint');

      const trusted = await ponte(
        [...args, '--json', '--trust-fingerprint', fingerprint.replaceAll(':', '')],
        { stdin: 'pw-1234' },
      );
      // Past TLS: the server's own 401.
      expect((JSON.parse(trusted.stdout) as ServiceResult[]).map((r) => r.code)).toEqual(['AUTH_FAILED']);

      const other = new X509Certificate((await selfSignedCertificate(['x.test'])).certPem).fingerprint256;
      const wrong = await ponte([...args, '--json', '--trust-fingerprint', other], { stdin: 'pw-1234' });
      expect((JSON.parse(wrong.stdout) as ServiceResult[]).map((r) => r.code)).toEqual(['TLS_UNTRUSTED']);
      expect(wrong.stderr).toContain('No server presented a certificate with that fingerprint');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
