import type { Scenario } from '@mlops/simulation';
import type { Producer } from 'kafkajs';
import type { AcceptedLedger } from './accepted-ledger';
import { startRequestStream } from './request-stream';
import { CLOSING_GAP_MS } from './window-settings';

/**
 * Time windows close only when later events arrive. Once the stream has stopped, this waits until
 * the clock is far enough past its last event and sends a short tail (predictions and labels, into
 * the same ledger) that closes every window before it. Returns the tail's first event time:
 * windows that start before it must all be reported; the tail's own stay open.
 */
export async function closeWindows(args: { producer: Producer; scenario: Scenario; prefix: string; ledger: AcceptedLedger; runId: string }): Promise<number> {
  const due = args.ledger.lastEventTime() + CLOSING_GAP_MS;
  await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
  const tailStart = Date.now();
  const tail = startRequestStream({ ...args, rate: 20, limit: 40 });
  await tail.done;
  return tailStart;
}
