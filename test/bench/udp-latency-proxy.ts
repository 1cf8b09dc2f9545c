import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

export interface UdpLatencyProxy {
  address: string;
  close(): void;
}

/** A DNS-sized UDP relay to 127.0.0.1:`targetPort` that holds each datagram `delayMs` in each direction. */
export function startUdpLatencyProxy(targetPort: number, delayMs: number): Promise<UdpLatencyProxy> {
  const front = createSocket('udp4');
  const upstreams = new Map<string, Socket>();
  front.on('message', (message: Buffer, client: RemoteInfo) => {
    const key = `${client.address}:${client.port}`;
    let upstream = upstreams.get(key);
    if (!upstream) {
      const socket = createSocket('udp4');
      socket.on('message', (reply: Buffer) =>
        setTimeout(() => front.send(reply, client.port, client.address), delayMs),
      );
      upstreams.set(key, socket);
      upstream = socket;
    }
    const target = upstream;
    setTimeout(() => target.send(message, targetPort, '127.0.0.1'), delayMs);
  });
  return new Promise((resolve) => {
    front.bind(0, '127.0.0.1', () =>
      resolve({
        address: `127.0.0.1:${front.address().port}`,
        close: () => {
          for (const socket of upstreams.values()) socket.close();
          front.close();
        },
      }),
    );
  });
}
