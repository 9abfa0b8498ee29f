import type { Admin } from 'kafkajs';

/**
 * How much work a service has in hand that a crash would make it do again. `settle()` is called
 * while the service is frozen (nothing moves), `inFlight()` while it runs; > 0 means a kill now
 * lands mid-work.
 */
export interface WorkProbe {
  settle(): Promise<void>;
  inFlight(): Promise<number>;
}

export async function endOffset(admin: Admin, topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
}

async function committedOffset(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return entry.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}

/**
 * For a service that writes at most one output per input message (inference: request →
 * prediction; ingestion: raw prediction → validated prediction). Counted from a settled point,
 * outputs written beyond the commits made are outputs of inputs not yet committed: a restart
 * reads those inputs again and writes their outputs a second time — redelivery for certain.
 * The figure is a lower bound on the number of such inputs.
 */
export function uncommittedOutputs(admin: Admin, groupId: string, input: string, output: string): WorkProbe {
  let base = { out: 0, committed: 0 };
  const now = async () => ({ out: await endOffset(admin, output), committed: await committedOffset(admin, groupId, input) });
  return {
    settle: async () => void (base = await now()),
    inFlight: async () => {
      const { out, committed } = await now();
      return out - base.out - (committed - base.committed);
    },
  };
}

/**
 * For a service whose outputs are not one per input (drift-computation): in flight when it has
 * committed part of the backlog that built up while it was frozen, but not all of it — a kill
 * then lands in the middle of the catch-up, with windows half-filled in memory.
 */
export function uncommittedBacklog(admin: Admin, groupId: string, input: string): WorkProbe {
  let base = { end: 0, committed: 0 };
  return {
    settle: async () => void (base = { end: await endOffset(admin, input), committed: await committedOffset(admin, groupId, input) }),
    inFlight: async () => {
      const committed = await committedOffset(admin, groupId, input);
      return committed > base.committed ? base.end - committed : 0;
    },
  };
}
