import { createHash } from 'node:crypto';

/** What identifies a window of a model version: the same inputs give the same ids after any restart. */
export interface WindowIdentity {
  model: string;
  version: string;
  /** `tumbling:<size ms>` or `count:<events>`: a change of window settings starts new ids. */
  cut: string;
  index: number;
}

const digest = (parts: readonly (string | number)[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

/** DriftReport.reportId of a window. */
export function reportIdOf(w: WindowIdentity): string {
  return `dr-${digest(['report', w.model, w.version, w.cut, w.index])}`;
}

/** RetrainRequest.requestId of a window: the idempotency key retraining dedupes on. */
export function requestIdOf(w: WindowIdentity): string {
  return `rr-${digest(['retrain', w.model, w.version, w.cut, w.index])}`;
}
