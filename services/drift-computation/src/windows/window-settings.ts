import { MAX_CLOCK_SKEW_MS } from '@mlops/contracts';
import type { WindowSpec } from './windowing';

const DAY_MS = 86_400_000;

export interface WindowSettingsInput {
  kind: 'time' | 'count';
  sizeMs: number;
  events: number;
  latenessMs: number;
  labelWaitWindows: number;
  idleTimeoutMs: number;
  replayMarginMs: number;
  /** Largest `consecutiveWindows` and `cooldown` over every model's policy. */
  maxConsecutiveWindows: number;
  maxCooldownMs: number;
}

/** The window cut and how far back each kind of state is rebuilt after a restart. */
export interface WindowSettings {
  spec: WindowSpec;
  labelWaitWindows: number;
  idleTimeoutMs: number;
  /**
   * Time windows: how far before a partition's resume point (in broker time) its open windows
   * can start: a window plus the lateness, the longest ingestion delay and the producer clock skew.
   */
  sourceHorizonMs: number;
  /** How much of the partials topic rebuilds the evaluator: the windows still waiting and the streak before them. */
  mergeHorizonMs: number;
  /** How much of `drift.reports` and `retrain.requests` tells what was already published and the last request. */
  ledgerHorizonMs: number;
  /** Retention of the partials topic when this service creates it. */
  partialsRetentionMs: number;
}

export function windowSettings(input: WindowSettingsInput): WindowSettings {
  const spec: WindowSpec = input.kind === 'time' ? { kind: 'time', sizeMs: input.sizeMs, latenessMs: input.latenessMs } : { kind: 'count', events: input.events };
  const windowsKept = input.maxConsecutiveWindows + input.labelWaitWindows + 2;
  const mergeHorizonMs =
    input.kind === 'time'
      ? input.sizeMs * windowsKept + input.latenessMs + input.idleTimeoutMs + input.replayMarginMs
      : Math.max(DAY_MS, input.replayMarginMs * windowsKept) + input.idleTimeoutMs;
  return {
    spec,
    labelWaitWindows: input.labelWaitWindows,
    idleTimeoutMs: input.idleTimeoutMs,
    sourceHorizonMs: input.sizeMs + input.latenessMs + input.replayMarginMs + MAX_CLOCK_SKEW_MS,
    mergeHorizonMs,
    ledgerHorizonMs: mergeHorizonMs + input.maxCooldownMs,
    partialsRetentionMs: Math.max(7 * DAY_MS, 2 * mergeHorizonMs),
  };
}
