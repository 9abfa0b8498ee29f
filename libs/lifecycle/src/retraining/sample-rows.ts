/**
 * `count` rows drawn without replacement (seeded, order kept), or all of them when there are
 * fewer: the share of original training data mixed into a retraining.
 */
export function sampleRows<T>(rows: readonly T[], count: number, seed: number): T[] {
  if (count >= rows.length) return [...rows];
  if (count <= 0) return [];
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Selection sampling (Knuth's algorithm S): one pass, keeps the original order.
  const picked: T[] = [];
  for (let i = 0; i < rows.length && picked.length < count; i++) {
    if (random() * (rows.length - i) < count - picked.length) picked.push(rows[i]);
  }
  return picked;
}
