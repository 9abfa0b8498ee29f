import type { PipelineFleet, ServiceName } from './pipeline-fleet';
import { SERVICES } from './pipeline-fleet';

/**
 * Polls every service's /health/ready and keeps, per service, the sequence of distinct states
 * seen (true = 200), e.g. [true, false, true] for a service that lost the broker and got it back.
 */
export function watchReadiness(fleet: PipelineFleet, intervalMs = 250) {
  const seen = Object.fromEntries(SERVICES.map((s) => [s, [] as boolean[]])) as Record<ServiceName, boolean[]>;
  let polling = true;
  const poll = async () => {
    const states = await Promise.all(SERVICES.map(async (s) => [s, await fleet.ready(s)] as const));
    for (const [service, ready] of states) {
      const history = seen[service];
      if (history[history.length - 1] !== ready) history.push(ready);
    }
  };
  const loop = (async () => {
    while (polling) {
      await poll();
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    history: (service: ServiceName): readonly boolean[] => seen[service],
    all: () => seen,
    /** Ends polling after one last look, so the final state is today's, not the last tick's. */
    stop: async () => {
      polling = false;
      await loop;
      await poll();
    },
  };
}
