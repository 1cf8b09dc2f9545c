import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDaemon, type Daemon } from './daemon';
import type { DnsRecord } from './rig-info';
import { freePorts } from './ports';
import { unprivilegedAccount } from './system-accounts';

export interface DnsmasqOptions {
  /** A folder of its own for config and log. */
  dir: string;
  /** Answered authoritatively: names under it that have no record get NXDOMAIN. */
  domain: string;
  records: readonly DnsRecord[];
  /** Free for TCP and UDP; picked here when absent. */
  port?: number;
}

export interface DnsmasqHandle {
  daemon: Daemon;
  port: number;
  log: string;
}

// A TXT value in quotes stays one string; unquoted, dnsmasq splits it at each comma.
const quoted = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;

function recordLine(record: DnsRecord): string {
  switch (record.type) {
    case 'A':
      return `host-record=${record.name},${record.address}`;
    case 'CNAME':
      return `cname=${record.name},${record.target}`;
    case 'MX':
      return `mx-host=${record.name},${record.exchange},${record.priority}`;
    case 'SRV':
      return `srv-host=${record.name},${record.target},${record.port},${record.priority},${record.weight}`;
    case 'TXT':
      return `txt-record=${record.name},${quoted(record.value)}`;
  }
}

/**
 * A DNS server for the test domain only, on a high port of 127.0.0.1 (tests point a Resolver at it).
 * Usable on its own, so a test can run one with records of its own next to the shared rig.
 */
export async function startDnsmasq(options: DnsmasqOptions): Promise<DnsmasqHandle> {
  const port = options.port ?? (await freePorts(1))[0] ?? 0;
  await mkdir(options.dir, { recursive: true });
  const worker = unprivilegedAccount();
  const configFile = join(options.dir, 'dnsmasq.conf');
  await writeFile(
    configFile,
    [
      `port=${port}`,
      'listen-address=127.0.0.1',
      'bind-interfaces',
      // No upstream, no /etc/hosts, no /etc/resolv.conf: answers come from this file alone.
      'no-resolv',
      'no-hosts',
      'no-poll',
      `local=/${options.domain}/`,
      `user=${worker.user}`,
      `group=${worker.group}`,
      'pid-file=',
      'log-queries',
      ...options.records.map(recordLine),
      '',
    ].join('\n'),
  );
  const log = join(options.dir, 'dnsmasq.log');
  const daemon = await startDaemon({
    name: 'dnsmasq',
    command: 'dnsmasq',
    args: ['--keep-in-foreground', `--conf-file=${configFile}`, '--log-facility=-'],
    outputLog: log,
    // dnsmasq binds its TCP and UDP sockets together, so the TCP listener shows the UDP one is ready.
    readyPorts: [port],
  });
  return { daemon, port, log };
}
