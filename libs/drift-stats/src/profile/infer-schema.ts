import type { Columns, FeatureSchema, FeatureType } from './feature-schema';

/**
 * A schema guessed from columns: all valid values booleans → boolean, all finite numbers →
 * numerical, anything else → categorical. Columns with no valid value are categorical.
 * Meant for ad-hoc reports (CSV in, report out); services should declare their schema.
 */
export function inferSchema(columns: Columns): FeatureSchema[] {
  return Object.entries(columns).map(([name, values]) => ({ name, type: inferType(values) }));
}

function inferType(values: ArrayLike<unknown>): FeatureType {
  let numbers = 0;
  let booleans = 0;
  let others = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    if (typeof v === 'number' && Number.isFinite(v)) numbers++;
    else if (typeof v === 'boolean') booleans++;
    else others++;
  }
  if (others === 0 && booleans === 0 && numbers > 0) return 'numerical';
  if (others === 0 && numbers === 0 && booleans > 0) return 'boolean';
  return 'categorical';
}
