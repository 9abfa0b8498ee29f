/** Exact powers of ten (10^0 … 10^22 are exactly representable doubles). */
const POWERS = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
/** Mantissas up to 15 digits are exact integers in a double (< 2^53). */
const MAX_DIGITS = 15;

/**
 * A plain decimal number written in ASCII bytes ([+-]digits[.digits][e[+-]digits]) as a double,
 * or NaN when the text is anything else (blank, padded, too many digits, hex, "inf", …): the
 * caller then takes the slow path through the text. Within its range the result is exactly what
 * `Number(text)` gives: a mantissa below 2^53 times or divided by an exact power of ten ≤ 10^22
 * is correctly rounded by a single IEEE operation (Clinger's fast path).
 */
export function parseDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) negative = bytes[i++] === 0x2d;
  let mantissa = 0;
  let digits = 0;
  let seen = 0;
  let scale = 0;
  for (; i < end; i++) {
    const d = bytes[i] - 0x30;
    if (d < 0 || d > 9) break;
    seen++;
    if (mantissa === 0 && d === 0) continue;
    mantissa = mantissa * 10 + d;
    digits++;
  }
  if (i < end && bytes[i] === 0x2e) {
    for (i++; i < end; i++) {
      const d = bytes[i] - 0x30;
      if (d < 0 || d > 9) break;
      seen++;
      scale--;
      if (mantissa === 0 && d === 0) continue;
      mantissa = mantissa * 10 + d;
      digits++;
    }
  }
  if (seen === 0 || digits > MAX_DIGITS) return Number.NaN;
  if (i < end && (bytes[i] | 0x20) === 0x65) {
    i++;
    let exponentNegative = false;
    if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) exponentNegative = bytes[i++] === 0x2d;
    let exponent = 0;
    let exponentDigits = 0;
    for (; i < end && exponentDigits < 6; i++, exponentDigits++) {
      const d = bytes[i] - 0x30;
      if (d < 0 || d > 9) break;
      exponent = exponent * 10 + d;
    }
    if (exponentDigits === 0) return Number.NaN;
    scale += exponentNegative ? -exponent : exponent;
  }
  if (i !== end) return Number.NaN;
  let value: number;
  if (mantissa === 0) value = 0;
  else if (scale >= 0 && scale <= 22) value = mantissa * POWERS[scale];
  else if (scale < 0 && scale >= -22) value = mantissa / POWERS[-scale];
  else return Number.NaN;
  return negative ? -value : value;
}
