import { InvalidParameterError } from '../errors';
import { createFeatureProfile, DatasetProfile } from './dataset-profile';
import type { FeatureProfile } from './feature-profile';
import type { FeatureSpec } from './feature-spec';

export interface WindowProfileOptions {
  /** KLL k of the window sketches (default 200: ≤ 1.2% rank error, ~660 doubles). */
  readonly sketchK?: number;
  /** Reservoir sample per numerical feature (default 512; 0 disables). While the window has
   *  no more values than this, tests that want raw values run exactly. */
  readonly sampleSize?: number;
  /** Seed of the window's random choices; give each partition its own. Default 0. */
  readonly seed?: number;
}

export const WINDOW_DEFAULTS = { sketchK: 200, sampleSize: 512, seed: 0 };

/**
 * The profile of a live window, fed value by value or in batches, in memory that does not
 * depend on the stream length: per feature a fixed histogram on the reference edges, a KLL
 * sketch, a bounded reservoir, or capped category counts. Windows of the same reference (and
 * options) merge, so N partitions can be profiled apart and combined.
 */
export class WindowProfile extends DatasetProfile {
  private constructor(features: FeatureProfile[], seed: number, rows: number) {
    super('window', features, seed, rows);
  }

  /** An empty window on the reference's schema, bin edges and categories. */
  static forReference(reference: DatasetProfile, options: WindowProfileOptions = {}): WindowProfile {
    return WindowProfile.forSpecs(reference.specs, options);
  }

  static forSpecs(specs: readonly FeatureSpec[], options: WindowProfileOptions = {}): WindowProfile {
    const o = { ...WINDOW_DEFAULTS, ...options };
    if (!Number.isInteger(o.sampleSize) || o.sampleSize < 0) {
      throw new InvalidParameterError('sampleSize', o.sampleSize, 'a non-negative integer');
    }
    const windowSpecs = specs.map((s): FeatureSpec => (s.type === 'numerical' ? { ...s, sketchK: o.sketchK, sampleSize: o.sampleSize } : s));
    return new WindowProfile(
      windowSpecs.map((s) => createFeatureProfile(s, o.seed)),
      o.seed,
      0,
    );
  }

  /** @internal restore from JSON (see profile-json.ts). */
  static restore(features: FeatureProfile[], seed: number, rows: number): WindowProfile {
    return new WindowProfile(features, seed, rows);
  }

  clone(): WindowProfile {
    return new WindowProfile(this.clonedFeatures(), this.seed, this.rowCount);
  }
}
