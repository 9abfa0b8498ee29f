import { ClassificationTarget, LabelValue, outputUnits, TargetEncoding } from './target-encoding';

/** A classification answer, shaped as PredictionEvent's `{ label, score, probabilities }`. */
export interface ClassPrediction {
  readonly label: LabelValue;
  /** Binary: probability of the positive class. Multiclass: probability of `label`. */
  readonly score: number;
  /** Class (as `String(class)`) → probability. */
  readonly probabilities: Readonly<Record<string, number>>;
}

/** A regression answer is the number itself. */
export type TabularPrediction = ClassPrediction | number;

/** Turns raw network outputs (row-major, `outputUnits` per row) into predictions. */
export function decodeOutputs(outputs: Float32Array, target: TargetEncoding): TabularPrediction[] {
  const units = outputUnits(target);
  const rows = outputs.length / units;
  const result = new Array<TabularPrediction>(rows);
  if (target.task === 'regression') {
    for (let r = 0; r < rows; r++) result[r] = outputs[r] * target.std + target.mean;
    return result;
  }
  for (let r = 0; r < rows; r++) result[r] = decodeClassRow(outputs, r, target);
  return result;
}

function decodeClassRow(outputs: Float32Array, r: number, target: ClassificationTarget): ClassPrediction {
  const { classes } = target;
  if (target.task === 'binary') {
    const p = outputs[r];
    return {
      label: p >= 0.5 ? classes[1] : classes[0],
      score: p,
      probabilities: { [String(classes[0])]: 1 - p, [String(classes[1])]: p },
    };
  }
  const units = classes.length;
  const probabilities: Record<string, number> = {};
  let best = 0;
  for (let i = 0; i < units; i++) {
    const p = outputs[r * units + i];
    probabilities[String(classes[i])] = p;
    if (p > outputs[r * units + best]) best = i;
  }
  return { label: classes[best], score: outputs[r * units + best], probabilities };
}

/** Index of the predicted class of row r (ties to the lower index), for metrics. */
export function predictedClassIndex(outputs: Float32Array, r: number, target: ClassificationTarget): number {
  if (target.task === 'binary') return outputs[r] >= 0.5 ? 1 : 0;
  const units = target.classes.length;
  let best = 0;
  for (let i = 1; i < units; i++) if (outputs[r * units + i] > outputs[r * units + best]) best = i;
  return best;
}
