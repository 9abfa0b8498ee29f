import net from 'node:net';
import { freePortRange } from './free-port-range';

describe('freePortRange', () => {
  it('returns the base of consecutive ports that can all be bound', async () => {
    const base = await freePortRange(5);
    const servers = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => new Promise<net.Server>((resolve, reject) => {
        const server = net.createServer().once('error', reject);
        server.listen(base + i, '127.0.0.1', () => resolve(server));
      })),
    );
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  it('skips a range that has a taken port', async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      // Bases port-2 … port+1 fit 2 ports in [port-2, port+3); those touching the taken port are skipped.
      const base = await freePortRange(2, port - 2, port + 3, 200);
      expect([port - 2, port + 1]).toContain(base);
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });
});
