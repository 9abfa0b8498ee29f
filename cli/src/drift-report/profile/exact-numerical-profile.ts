import { NumericalFeatureProfile, NumericalFeatureProfileJson, NumericalFeatureSpec, NumericalSummary, NumericalView } from '@mlops/drift-stats';

/**
 * A numerical feature profile whose view was computed from every value of a file (see
 * exactNumericalView), for the exact report: drift-stats' evaluation and the report read
 * profiles through `summary()` and `toView()` only, and this one answers both without feeding a
 * million values one by one through a sketch, a reservoir and exact accumulators.
 * It is complete and read-only: updating, merging or serialising it is a programming error.
 */
export class ExactNumericalProfile extends NumericalFeatureProfile {
  constructor(
    spec: NumericalFeatureSpec,
    private readonly view: NumericalView,
  ) {
    super(spec);
  }

  override toView(): NumericalView {
    return this.view;
  }

  override summary(): NumericalSummary {
    const { count, missing, invalid, mean, variance, min, max } = this.view;
    return { count, missing, invalid, mean, variance, min, max };
  }

  override histogram(): Float64Array {
    return (this.view.histogram as NonNullable<NumericalView['histogram']>).counts.slice();
  }

  override sample(): Float64Array {
    return (this.view.sorted as Float64Array).slice();
  }

  override update(): void {
    throw readOnly();
  }

  override updateMany(): void {
    throw readOnly();
  }

  override addMissing(): void {
    throw readOnly();
  }

  override mergeFrom(): void {
    throw readOnly();
  }

  override toJSON(): NumericalFeatureProfileJson {
    throw readOnly();
  }

  override clone(): NumericalFeatureProfile {
    return this;
  }
}

function readOnly(): Error {
  return new Error('an exact report profile is read-only (built from every value of a file)');
}
