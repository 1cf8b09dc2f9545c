import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ponteWith, runPonte } from '../../support/run-ponte';
import { describe, expect, inject, it } from 'vitest';
import type { DiscoveryResult } from '@shared/discovery';
import type { ProviderSummary } from '@shared/models';

const rig = inject('rig');

const dataDir = join(rig.dir, 'cli-discover-data');
/** The built `ponte`, with discovery's DNS pointed at the rig's dnsmasq as PONTE_DNS_SERVER allows. */
const ponte = ponteWith(() => ({ dataDir, env: { PONTE_DNS_SERVER: `127.0.0.1:${rig.dns.port}` } }));

describe('ponte providers / ponte discover', () => {
  it('lists the catalog, PEC providers and unsupported ones marked', async () => {
    const { code, stdout } = await ponte(['providers', '--json']);
    expect(code).toBe(0);
    const providers = JSON.parse(stdout) as ProviderSummary[];
    expect(providers.find((p) => p.id === 'aruba-pec')).toMatchObject({ pec: true, appPassword: 'with-2fa' });
    expect(providers.length).toBeGreaterThanOrEqual(5);
  });

  it('counts the providers per country, as the catalog files say', async () => {
    const listed = JSON.parse((await ponte(['providers', '--json'])).stdout) as ProviderSummary[];
    const italian = listed.filter((p) => p.countries.includes('it')).length;
    expect(italian).toBeGreaterThan(3);
    const { code, stdout } = await ponte(['providers']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`Per country: .*\\bit ${italian}\\b`));
  });

  it('stops quietly when the reader of its output goes away (`ponte providers | head -1`)', async () => {
    const child = spawn(process.execPath, [join(__dirname, '../../../bin/ponte.js'), 'providers'], {
      env: { ...process.env, PONTE_DATA_DIR: join(rig.dir, 'cli-discover-data') },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('names what the person must still fill in, in their language, not by its id', async () => {
    const { stdout } = await ponte(['discover', 'anna@studio.example', '--provider', 'infomaniak']);
    expect(stdout).toContain('Still needed: kDrive ID');
    expect(stdout).not.toMatch(/Still needed:.*kdriveId/);
    const italian = await runPonte(['discover', 'anna@studio.example', '--provider', 'infomaniak'], {
      dataDir,
      env: { LC_ALL: 'it_IT.UTF-8' },
    });
    expect(italian.stdout).toContain('ID del kDrive');
  });

  it('finds a catalogued provider from the address alone', async () => {
    const { code, stdout } = await ponte(['discover', 'segreteria@pec.it']);
    expect(code).toBe(0);
    expect(stdout).toContain('Found: Aruba PEC');
    expect(stdout).toContain('imaps.pec.aruba.it:993');
  });

  it('finds the rig domain’s servers through its DNS SRV records (PONTE_DNS_SERVER)', async () => {
    const { code, stdout } = await ponte(['discover', `anna@${rig.dns.domain}`, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as DiscoveryResult;
    expect(result.candidates.imap[0]).toMatchObject({
      source: 'srv',
      endpoint: { host: `mail.${rig.dns.domain}`, port: rig.imap.tlsPort, security: 'tls' },
    });
    expect(result.candidates.caldav[0]).toMatchObject({ source: 'srv' });
  });

  it('--provider uses a chosen provider’s settings for any address; an OAuth-only provider exits 1', async () => {
    const chosen = await ponte(['discover', 'anna@studio-rossi.ch', '--provider', 'infomaniak', '--json']);
    expect(chosen.code).toBe(0);
    const result = JSON.parse(chosen.stdout) as DiscoveryResult;
    expect(result.provider).toMatchObject({ id: 'infomaniak', via: 'chosen' });
    expect(result.candidates.smtp[0]?.endpoint).toEqual({
      host: 'mail.infomaniak.com',
      port: 465,
      security: 'tls',
    });
    const human = await ponte(['discover', 'anna@studio-rossi.ch', '--provider', 'infomaniak']);
    expect(human.stdout).toContain('Found: Infomaniak (your choice)');
    // Its three passwords, by the ids `ponte account add` reads on stdin.
    expect(human.stdout).toContain('  mail: Password of the e-mail address (anna@studio-rossi.ch)');
    expect(human.stdout).toContain('  sync: Application password of the Infomaniak account');
    const outlook = await ponte(['discover', 'anna@outlook.com']);
    expect(outlook.code).toBe(1);
    expect(outlook.stdout).toContain('OAuth');
  });

  it('usage errors exit 2; an address with nothing to find exits 1 and says so', async () => {
    expect((await ponte(['discover'])).code).toBe(2);
    expect((await ponte(['discover', 'not-an-address'])).code).toBe(2);
    const none = await ponte(['discover', `nobody@nothing.${rig.dns.domain}`]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('Nothing found');
  });
});
