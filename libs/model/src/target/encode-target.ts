import { InvalidLabelError } from '../errors';
import { describeValue } from '../schema/describe-value';
import { labelKey, outputUnits, TargetEncoding } from './target-encoding';

/**
 * The training targets as the network sees them (row-major, `outputUnits` columns): 0/1 for
 * binary, one-hot for multiclass, standardized values for regression. A label outside the
 * learned classes is an InvalidLabelError (evaluation data with a class the model never saw).
 */
export function encodeTargets(labels: readonly unknown[], target: TargetEncoding, rowOffset = 0): Float32Array {
  const units = outputUnits(target);
  const out = new Float32Array(labels.length * units);
  if (target.task === 'regression') {
    labels.forEach((y, r) => {
      if (typeof y !== 'number' || !Number.isFinite(y)) {
        throw new InvalidLabelError(`must be a finite number for regression, got ${describeValue(y)}`, r + rowOffset);
      }
      out[r] = (y - target.mean) / target.std;
    });
    return out;
  }
  const index = new Map(target.classes.map((c, i) => [labelKey(c), i]));
  labels.forEach((label, r) => {
    const i =
      typeof label === 'string' || typeof label === 'number' || typeof label === 'boolean' ? index.get(labelKey(label)) : undefined;
    if (i === undefined) {
      throw new InvalidLabelError(`${describeValue(label)} is not one of the model's classes (${target.classes.map(String).join(', ')})`, r + rowOffset);
    }
    if (target.task === 'binary') out[r] = i;
    else out[r * units + i] = 1;
  });
  return out;
}
