import { ProfileFormatError } from '../errors';
import { CategoricalFeatureProfile } from './categorical-feature-profile';
import { DatasetProfile, PROFILE_FORMAT, PROFILE_FORMAT_VERSION } from './dataset-profile';
import { FEATURE_ROLES, FEATURE_TYPES } from './feature-schema';
import type { FeatureProfile } from './feature-profile';
import type { CategoricalFeatureSpec, FeatureSpec, NumericalFeatureSpec } from './feature-spec';
import {
  readArray,
  readCount,
  readNullableNumber,
  readNumbers,
  readObject,
  readOneOf,
  readString,
} from './json-guards';
import { NumericalFeatureProfile } from './numerical-feature-profile';
import { ReferenceProfile } from './reference-profile';
import { WindowProfile } from './window-profile';

/** Parse {@link DatasetProfile.toJSON} output (as a value or as JSON text). */
export function profileFromJSON(input: unknown): ReferenceProfile | WindowProfile {
  const json = typeof input === 'string' ? parseText(input) : input;
  const root = readObject(json, '$');
  if (root['format'] !== PROFILE_FORMAT) throw new ProfileFormatError('$.format', `expected ${PROFILE_FORMAT}`);
  if (root['version'] !== PROFILE_FORMAT_VERSION) {
    throw new ProfileFormatError('$.version', `unsupported version ${String(root['version'])}, expected ${PROFILE_FORMAT_VERSION}`);
  }
  const kind = readOneOf(root['kind'], ['reference', 'window'] as const, '$.kind');
  const seed = readCount(root['seed'], '$.seed');
  const rows = readCount(root['rows'], '$.rows');
  const features: FeatureProfile[] = readArray(root['features'], '$.features').map((f, i) => {
    const path = `$.features[${i}]`;
    const spec = readSpec(readObject(f, path)['spec'], `${path}.spec`);
    return spec.type === 'numerical'
      ? NumericalFeatureProfile.fromJSON(f, spec, path)
      : CategoricalFeatureProfile.fromJSON(f, spec, path);
  });
  return kind === 'reference' ? ReferenceProfile.restore(features, seed, rows) : WindowProfile.restore(features, seed, rows);
}

/** Serialize a profile to JSON text. Lossless: {@link profileFromJSON} restores it exactly. */
export function profileToJSONText(profile: DatasetProfile): string {
  return JSON.stringify(profile.toJSON());
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ProfileFormatError('$', `not JSON: ${(e as Error).message}`);
  }
}

export function readSpec(value: unknown, path: string): FeatureSpec {
  const o = readObject(value, path);
  const name = readString(o['name'], `${path}.name`);
  const type = readOneOf(o['type'], FEATURE_TYPES, `${path}.type`);
  const role = readOneOf(o['role'], FEATURE_ROLES, `${path}.role`);
  if (type === 'numerical') {
    const edges = readNumbers(o['edges'], `${path}.edges`);
    if (edges.some((e, i) => i > 0 && !(e > edges[i - 1]))) throw new ProfileFormatError(`${path}.edges`, 'must be strictly increasing', name);
    const spec: NumericalFeatureSpec = {
      name,
      type,
      role,
      edges,
      distinct: readNullableNumber(o['distinct'] ?? null, `${path}.distinct`),
      sketchK: readCount(o['sketchK'], `${path}.sketchK`),
      sampleSize: readCount(o['sampleSize'], `${path}.sampleSize`),
    };
    return spec;
  }
  const spec: CategoricalFeatureSpec = {
    name,
    type,
    role,
    categories: readArray(o['categories'], `${path}.categories`).map((c, i) => readString(c, `${path}.categories[${i}]`)),
    maxCategories: readCount(o['maxCategories'], `${path}.maxCategories`),
  };
  return spec;
}
