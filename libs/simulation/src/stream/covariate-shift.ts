import type { FeatureSpec, Row } from '../generators/tabular-generator';
import type { CovariateShift } from '../scenario/scenario.schema';

/**
 * Moves P(x): x ↦ x × scale + shift for each listed feature. Integer and categorical codes are
 * rounded back to whole numbers so they stay codes. Values may leave the published range;
 * that is the point of a covariate shift.
 */
export function applyCovariateShift(row: Row, shifts: readonly CovariateShift[], specs: readonly FeatureSpec[]): Row {
  if (shifts.length === 0) return row;
  const out = { ...row };
  for (const { feature, scale, shift } of shifts) {
    const moved = out[feature] * scale + shift;
    const kind = specs.find((s) => s.name === feature)?.kind;
    out[feature] = kind === 'numeric' ? moved : Math.round(moved);
  }
  return out;
}
