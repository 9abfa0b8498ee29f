import type { PipelineFleet, ServiceName } from './pipeline-fleet';
import type { WorkProbe } from './work-probes';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A kill -9 that lands while the service has work in hand, not in an idle moment between two
 * small batches (at a steady low rate a service is idle most of the time, and a kill there
 * proves little). The service is frozen for `freezeMs` so a backlog builds up, then thawed; as
 * soon as the probe sees work in flight the service is frozen again, the probe asked once more
 * (a commit already on the wire may have landed meanwhile), and only if work is still in flight
 * is it killed. Tries `attempts` times; resolves with the work in flight at the kill (0: none caught).
 */
export async function killMidWork(fleet: PipelineFleet, service: ServiceName, probe: WorkProbe, options: { freezeMs?: number; attempts?: number } = {}): Promise<{ inFlight: number; attempts: number }> {
  const attempts = options.attempts ?? 6;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    fleet.freeze(service);
    // Below the 8 s session timeout: the group must not rebalance the frozen member away.
    await sleep(options.freezeMs ?? 4000);
    await probe.settle();
    fleet.thaw(service);
    const until = Date.now() + 5000;
    while (Date.now() < until) {
      if ((await probe.inFlight()) <= 0) {
        await sleep(5);
        continue;
      }
      fleet.freeze(service);
      await sleep(200);
      const inFlight = await probe.inFlight();
      if (inFlight > 0) {
        await fleet.kill(service);
        return { inFlight, attempts: attempt };
      }
      fleet.thaw(service);
    }
  }
  await fleet.kill(service);
  return { inFlight: 0, attempts };
}
