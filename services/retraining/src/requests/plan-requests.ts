import type { RetrainRequest } from '@mlops/contracts';

export interface PlannedTraining {
  /** The request the training answers (its lineage names it): the newest of its model. */
  request: RetrainRequest;
  /** Older pending requests of the same model that this training answers too. */
  coalesced: RetrainRequest[];
}

export type SkipReason = 'duplicate' | 'external_trainer';

export interface RequestPlan {
  trainings: PlannedTraining[];
  skipped: { request: RetrainRequest; why: SkipReason }[];
}

/**
 * What to do with the requests of one chunk: drop those already handled (or repeated within the
 * chunk), hand off models trained elsewhere, and train each remaining model once, for its newest
 * request (by requestedAt, then position), the older ones coalesced into it. Models keep the
 * order in which they first appear.
 */
export function planRequests(
  requests: readonly RetrainRequest[],
  isHandled: (requestId: string) => boolean,
  isExternal: (model: string) => boolean,
): RequestPlan {
  const skipped: RequestPlan['skipped'] = [];
  const pending = new Map<string, RetrainRequest[]>();
  const seen = new Set<string>();
  for (const request of requests) {
    if (isHandled(request.requestId) || seen.has(request.requestId)) {
      skipped.push({ request, why: 'duplicate' });
      continue;
    }
    seen.add(request.requestId);
    if (isExternal(request.model)) {
      skipped.push({ request, why: 'external_trainer' });
      continue;
    }
    const list = pending.get(request.model) ?? [];
    list.push(request);
    pending.set(request.model, list);
  }
  const trainings = [...pending.values()].map((list) => {
    let newest = list[0];
    for (const r of list) if (Date.parse(r.requestedAt) >= Date.parse(newest.requestedAt)) newest = r;
    return { request: newest, coalesced: list.filter((r) => r !== newest) };
  });
  return { trainings, skipped };
}
