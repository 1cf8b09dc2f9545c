import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listeningPorts } from '../rig/ports';
import { processesMentioning } from '../rig/proc-scan';
import { startRig, type RigInfo } from '../rig/rig';

function tcpPorts(info: RigInfo): number[] {
  return [
    info.imap.tlsPort,
    info.imap.starttlsPort,
    info.smtp.tlsPort,
    info.smtp.submissionPort,
    Number(new URL(info.caldav.url).port),
    Number(new URL(info.webdav.url).port),
    info.dns.port,
  ];
}

describe('a second rig next to the shared one', () => {
  const shared = inject('rig');

  it('starts and stops twice in a row, leaving no process, port or temp dir behind', async () => {
    for (let round = 1; round <= 2; round++) {
      const rig = await startRig();
      const marker = basename(rig.info.dir);
      const ports = tcpPorts(rig.info);
      expect(rig.info.dir).not.toBe(shared.dir);
      expect(ports.filter((port) => tcpPorts(shared).includes(port))).toEqual([]);
      // Every server (and the workers Postfix and Dovecot fork) is findable by the rig's marker.
      expect(processesMentioning(marker).length).toBeGreaterThanOrEqual(5);
      const listening = await listeningPorts('tcp');
      expect(ports.filter((port) => !listening.has(port))).toEqual([]);

      await rig.stop();

      // Zombies are not counted: PID 1 on this machine reaps re-parented daemons late, and a zombie
      // holds no port, file or memory, only a process table slot (its cmdline reads empty anyway).
      expect(processesMentioning(marker)).toEqual([]);
      const tcpAfter = await listeningPorts('tcp');
      expect(ports.filter((port) => tcpAfter.has(port))).toEqual([]);
      expect((await listeningPorts('udp')).has(rig.info.dns.port)).toBe(false);
      expect(existsSync(rig.info.dir)).toBe(false);
    }
  });

  it('stops the servers already running when one fails, and shows that server’s log', async () => {
    // dnsmasq starts last, so every other server is up when it rejects this record.
    const bad = { type: 'SRV', name: `_bad._tcp.${shared.dns.domain}`, target: 'x', port: 70_000 } as const;
    const error: unknown = await startRig({ extraDnsRecords: [{ ...bad, priority: 0, weight: 0 }] }).then(
      (rig) => rig.stop(),
      (failure: unknown) => failure,
    );

    expect(error).toBeInstanceOf(Error);
    const message = error instanceof Error ? error.message : '';
    expect(message).toMatch(/dnsmasq did not start[\s\S]*invalid port/);
    // The log tail names the failed rig's dir, and through it the marker its processes carry.
    const dir = /(\S*ponte-rig-[^/\s]+)\/dnsmasq/.exec(message)?.[1];
    if (!dir) throw new Error(`no rig dir in: ${message}`);
    expect(processesMentioning(basename(dir))).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });
});
