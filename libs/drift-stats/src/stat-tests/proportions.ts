/** Scale to sum 1 (a copy). */
export function normalize(p: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < p.length; i++) total += p[i];
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = p[i] / total;
  return out;
}
