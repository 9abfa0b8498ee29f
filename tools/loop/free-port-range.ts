import net from 'node:net';

/** Resolves true when `port` can be bound on 127.0.0.1 right now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * The first port of `count` consecutive ports that were free a moment ago, tried at random bases
 * in [from, to): the services get fixed ports a Prometheus config can name before they start.
 */
export async function freePortRange(count: number, from = 13000, to = 30000, attempts = 50): Promise<number> {
  for (let i = 0; i < attempts; i++) {
    const base = from + Math.floor(Math.random() * (to - from - count + 1));
    let free = true;
    for (let p = base; p < base + count && free; p++) free = await isFree(p);
    if (free) return base;
  }
  throw new Error(`no ${count} consecutive free ports found in ${from}-${to}`);
}
