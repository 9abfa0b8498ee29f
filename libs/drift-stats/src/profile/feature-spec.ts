import { SchemaMismatchError } from '../errors';
import type { FeatureRole } from './feature-schema';

/**
 * The fixed part of a feature profile: what the reference decided (bin edges, known
 * categories) and the memory parameters. Two profiles merge, and a window compares to a
 * reference, only when their specs agree.
 */
export type FeatureSpec = NumericalFeatureSpec | CategoricalFeatureSpec;

export interface NumericalFeatureSpec {
  readonly name: string;
  readonly type: 'numerical';
  readonly role: FeatureRole;
  /** Reference bin edges (see bin-edges.ts). */
  readonly edges: readonly number[];
  /** Distinct valid values in the reference, capped at `DISTINCT_CAP + 1`; null if unknown. */
  readonly distinct: number | null;
  /** KLL sketch size parameter. */
  readonly sketchK: number;
  /** Reservoir sample capacity (0: no sample). */
  readonly sampleSize: number;
}

export interface CategoricalFeatureSpec {
  readonly name: string;
  readonly type: 'categorical' | 'boolean';
  readonly role: FeatureRole;
  /** Categories seen in the reference: always tracked, never folded into "other". */
  readonly categories: readonly string[];
  /** Maximum number of categories tracked before the rest count as "other". */
  readonly maxCategories: number;
}

/** Distinct values are counted up to this cap (enough for the default-method rule). */
export const DISTINCT_CAP = 1000;

/** Throws SchemaMismatchError (naming the feature) unless two specs describe the same thing. */
export function assertSameSpec(a: FeatureSpec, b: FeatureSpec, compareMemory: boolean): void {
  const fail = (reason: string): never => {
    throw new SchemaMismatchError(a.name, reason);
  };
  if (a.name !== b.name) fail(`feature names ${a.name} and ${b.name}`);
  if (a.type !== b.type) fail(`types ${a.type} and ${b.type}`);
  if (a.type === 'numerical' && b.type === 'numerical') {
    if (a.edges.length !== b.edges.length || a.edges.some((e, i) => e !== b.edges[i])) fail('bin edges differ');
    if (compareMemory && a.sketchK !== b.sketchK) fail(`sketch k ${a.sketchK} and ${b.sketchK}`);
    if (compareMemory && a.sampleSize !== b.sampleSize) fail(`sample sizes ${a.sampleSize} and ${b.sampleSize}`);
  } else if (a.type !== 'numerical' && b.type !== 'numerical') {
    if (compareMemory && a.maxCategories !== b.maxCategories) {
      fail(`category caps ${a.maxCategories} and ${b.maxCategories}`);
    }
    if (compareMemory && (a.categories.length !== b.categories.length || a.categories.some((c, i) => c !== b.categories[i]))) {
      fail('reference categories differ');
    }
  }
}
