import { InvalidDetectorParameterError } from './detector.errors';

// Constructor-time checks shared by the detectors. Each names the detector and
// the parameter, and says what was expected.

export function requireInteger(detector: string, parameter: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidDetectorParameterError(detector, parameter, value, `an integer ≥ ${min}`);
  }
  return value;
}

/** A finite number in the interval; `open` excludes the bound(s) named. */
export function requireInRange(
  detector: string,
  parameter: string,
  value: number,
  [lower, upper]: readonly [number, number],
  open: { lower?: boolean; upper?: boolean } = {},
): number {
  const above = open.lower ? value > lower : value >= lower;
  const below = open.upper ? value < upper : value <= upper;
  if (typeof value !== 'number' || !Number.isFinite(value) || !above || !below) {
    const interval = `${open.lower ? '(' : '['}${lower}, ${upper}${open.upper ? ')' : ']'}`;
    throw new InvalidDetectorParameterError(detector, parameter, value, `a finite number in ${interval}`);
  }
  return value;
}

export function requireOneOf<T extends string>(
  detector: string,
  parameter: string,
  value: T,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value)) {
    throw new InvalidDetectorParameterError(detector, parameter, value, `one of ${allowed.join(', ')}`);
  }
  return value;
}
