import { ProfileFormatError } from '../errors';

/** Small readers for untrusted JSON: each returns the typed value or throws ProfileFormatError. */
export type JsonRecord = Readonly<Record<string, unknown>>;

export function readObject(value: unknown, path: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProfileFormatError(path, 'expected an object');
  }
  return value as JsonRecord;
}

export function readArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new ProfileFormatError(path, 'expected an array');
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ProfileFormatError(path, 'expected a string');
  return value;
}

export function readNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ProfileFormatError(path, 'expected a finite number');
  return value;
}

export function readCount(value: unknown, path: string): number {
  const n = readNumber(value, path);
  if (n < 0 || !Number.isInteger(n)) throw new ProfileFormatError(path, 'expected a non-negative integer');
  return n;
}

export function readNullableNumber(value: unknown, path: string): number | null {
  return value === null ? null : readNumber(value, path);
}

export function readNumbers(value: unknown, path: string): number[] {
  return readArray(value, path).map((v, i) => readNumber(v, `${path}[${i}]`));
}

export function readCounts(value: unknown, path: string): number[] {
  return readArray(value, path).map((v, i) => readCount(v, `${path}[${i}]`));
}

export function readOneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ProfileFormatError(path, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}
