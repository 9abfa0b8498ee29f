import type { FeatureValue } from '@mlops/contracts';

export interface ExpectedFeature {
  name: string;
  type: 'numerical' | 'categorical' | 'boolean';
}

export type FeatureCheck = { ok: true; features: Record<string, FeatureValue> } | { ok: false; reason: string };

const NUMERIC_STRING = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * Checks an event's features against the deployed model's feature schema and normalises what
 * the schema makes unambiguous: a numeric string for a numerical feature becomes a number
 * ("42.5" → 42.5), and only there. A missing feature, an extra one, or a value of the wrong type
 * is an error naming the feature. `null` is a missing value and always allowed.
 */
export function checkFeatures(features: Readonly<Record<string, FeatureValue>>, schema: readonly ExpectedFeature[], model: string, version: string): FeatureCheck {
  const where = `model ${model} version ${version}`;
  const expected = new Set(schema.map((f) => f.name));
  for (const name of Object.keys(features)) {
    if (!expected.has(name)) return { ok: false, reason: `features.${name}: not a feature of ${where}` };
  }
  const normalised: Record<string, FeatureValue> = {};
  for (const feature of schema) {
    if (!(feature.name in features)) return { ok: false, reason: `features.${feature.name}: missing (${where} expects it; send null for an unknown value)` };
    const value = features[feature.name];
    if (value === null) {
      normalised[feature.name] = null;
      continue;
    }
    switch (feature.type) {
      case 'numerical':
        if (typeof value === 'number') normalised[feature.name] = value;
        else if (typeof value === 'string' && NUMERIC_STRING.test(value) && Number.isFinite(Number(value))) normalised[feature.name] = Number(value);
        else return { ok: false, reason: `features.${feature.name}: expected a number for ${where}, received ${typeof value}` };
        break;
      case 'boolean':
        if (typeof value !== 'boolean') return { ok: false, reason: `features.${feature.name}: expected a boolean for ${where}, received ${typeof value}` };
        normalised[feature.name] = value;
        break;
      case 'categorical':
        // Categories may be coded as numbers or strings; the model keys them by String(value).
        if (typeof value !== 'string' && typeof value !== 'number') {
          return { ok: false, reason: `features.${feature.name}: expected a category (string or number) for ${where}, received ${typeof value}` };
        }
        normalised[feature.name] = value;
        break;
    }
  }
  return { ok: true, features: normalised };
}
