import type { RangeSeries } from '../../../prometheus/prometheus-api';

/** A stretch of time (epoch ms) during which a series had samples. */
export interface Period {
  from: number;
  to: number;
}

/** Sample times and values of a range-query series, in ms and numbers. */
export function samples(series: RangeSeries): { at: number; value: number }[] {
  return series.values.map(([t, v]) => ({ at: t * 1000, value: Number(v) }));
}

/**
 * The stretches in which a series has samples: a gap longer than `maxGapMs` (a few query steps)
 * means it had gone (a resolved alert, a removed gauge) and a later sample starts a new period.
 */
export function periods(series: RangeSeries, maxGapMs: number): Period[] {
  return stretches(samples(series).map((s) => s.at), maxGapMs);
}

/** Groups sorted times into stretches whose neighbours are at most `maxGapMs` apart. */
export function stretches(times: readonly number[], maxGapMs: number): Period[] {
  const out: Period[] = [];
  for (const at of times) {
    const last = out[out.length - 1];
    if (last && at - last.to <= maxGapMs) last.to = at;
    else out.push({ from: at, to: at });
  }
  return out;
}
