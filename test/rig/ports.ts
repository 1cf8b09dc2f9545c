import { createSocket } from 'node:dgram';
import { createServer, type Server } from 'node:net';
import { runCommand } from './run-command';

const host = '127.0.0.1';

function listenOnFreePort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => resolve(server));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function isUdpPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, host, () => socket.close(() => resolve(true)));
  });
}

/**
 * Picks `count` distinct free TCP ports on 127.0.0.1 (also free for UDP, for DNS). All are held open
 * together before release so one call never hands out the same port twice; two rigs can still race
 * between release and bind, which the kernel's random ephemeral choice makes unlikely.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, listenOnFreePort));
  try {
    const ports = servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no TCP port assigned');
      return address.port;
    });
    const udpFree = await Promise.all(ports.map(isUdpPortFree));
    if (udpFree.every(Boolean)) return ports;
  } finally {
    await Promise.all(servers.map(closeServer));
  }
  return freePorts(count);
}

/** Ports bound on 127.0.0.1 (TCP: in LISTEN state), from `ss` rather than connects that flood TLS logs. */
export async function listeningPorts(protocol: 'tcp' | 'udp' = 'tcp'): Promise<Set<number>> {
  const output = await runCommand('ss', [protocol === 'tcp' ? '-Hltn' : '-Hlun']);
  const ports = new Set<number>();
  for (const line of output.split('\n')) {
    const local = line.trim().split(/\s+/)[3];
    if (!local?.startsWith(`${host}:`)) continue;
    ports.add(Number(local.slice(host.length + 1)));
  }
  return ports;
}

export interface WaitForPortsOptions {
  timeoutMs: number;
  /** Checked on every poll so a daemon that died at start fails fast instead of timing out. */
  failureReason?: () => string | undefined;
}

export async function waitForTcpListen(
  ports: readonly number[],
  options: WaitForPortsOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const listening = await listeningPorts('tcp');
    const missing = ports.filter((port) => !listening.has(port));
    if (missing.length === 0) return;
    const failure = options.failureReason?.();
    if (failure) throw new Error(failure);
    if (Date.now() > deadline) {
      throw new Error(`not listening on 127.0.0.1:${missing.join(', ')} after ${options.timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** freePorts() by name: one free port for each key, all distinct. */
export async function namedFreePorts<K extends string>(names: readonly K[]): Promise<Record<K, number>> {
  const ports = await freePorts(names.length);
  return Object.fromEntries(names.map((name, index) => [name, ports[index]])) as Record<K, number>;
}
