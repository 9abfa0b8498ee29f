import { normalizeLabel } from './label';
import type { NormalizedLabel } from './label';
import { InvalidStatsJsonError } from './metric.errors';

// Readers for `fromJSON`: each checks one field and names it in the error.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-negative integer that doubles hold exactly (counts beyond 2^31 are fine). */
export function readCount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidStatsJsonError(path, 'a non-negative safe integer');
  }
  return value;
}

export function readCounts(value: unknown, path: string, length: number): number[] {
  if (!Array.isArray(value) || value.length !== length) {
    throw new InvalidStatsJsonError(path, `an array of ${length} counts`);
  }
  return value.map((v, i) => readCount(v, `${path}[${i}]`));
}

export function readLabel(value: unknown, path: string): NormalizedLabel {
  const label = typeof value === 'boolean' ? undefined : normalizeLabel(value);
  if (label === undefined) throw new InvalidStatsJsonError(path, 'a string or finite number label');
  return label;
}

/** The terms of an exact sum: finite numbers. */
export function readTerms(value: unknown, path: string): number[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new InvalidStatsJsonError(path, 'an array of finite numbers');
  }
  return value as number[];
}
