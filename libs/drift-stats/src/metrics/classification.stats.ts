import { ExactSum } from './exact-sum';
import { compareLabels, normalizeLabel } from './label';
import type { Label, NormalizedLabel } from './label';
import { IncompatibleStatsError, InvalidMetricOptionError, InvalidStatsJsonError } from './metric.errors';
import { aucFromHistogram } from './roc-auc';
import { isRecord, readCount, readCounts, readLabel, readTerms } from './stats-json';

export interface ClassificationStatsOptions {
  /** Label of the positive class for binary metrics, AUC, log loss and bias (default 1; true reads as 1). */
  readonly positiveLabel?: Label;
  /** Equal-width bins on [0, 1] per class for the AUC histogram (default 1000, 1 … 1 000 000). */
  readonly bins?: number;
}

/** One-vs-rest metrics of one class. `null` where the denominator is zero. */
export interface ClassMetrics {
  readonly label: NormalizedLabel;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
  /** Rows whose true label is this class. */
  readonly support: number;
}

/**
 * Metric values. Every ratio is `null` when undefined (its denominator is
 * zero: no rows, no predicted positives, a single class for AUC …) — the
 * same cases where scikit-learn with `zero_division=np.nan` returns NaN.
 */
export interface ClassificationMetrics {
  /** Rows counted (both labels usable). */
  readonly n: number;
  /** Rows ignored because a label was null, NaN, ±Infinity or not a string/number/boolean. */
  readonly skipped: number;
  /** Rows that also carried a usable score (probability of the positive label). */
  readonly scored: number;
  /** Rows whose score was given but unusable (not a number in [0, 1]); their labels still count. */
  readonly invalidScores: number;
  readonly accuracy: number | null;
  /** Binary metrics of `positiveLabel` against the rest: TP / (TP + FP). */
  readonly precision: number | null;
  /** TP / (TP + FN). */
  readonly recall: number | null;
  /** 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall. */
  readonly f1: number | null;
  /** Unweighted means over the classes whose value is defined (as scikit-learn's macro average with NaN skipped). */
  readonly macroPrecision: number | null;
  readonly macroRecall: number | null;
  readonly macroF1: number | null;
  /** Per class, in canonical label order (numbers ascending, then strings). */
  readonly perClass: readonly ClassMetrics[];
  /** `counts[i][j]` = rows with true label `labels[i]` predicted as `labels[j]`. */
  readonly confusionMatrix: { readonly labels: readonly NormalizedLabel[]; readonly counts: readonly (readonly number[])[] };
  /** AUC of the score for the positive label, from the score histogram. */
  readonly rocAuc: number | null;
  /** Guaranteed bound on |rocAuc − exact AUC| for these rows (see `aucFromHistogram`). */
  readonly rocAucErrorBound: number | null;
  /** Mean binary cross-entropy, scores clipped to [ε, 1 − ε] with ε = 2⁻⁵² (as scikit-learn). */
  readonly logLoss: number | null;
  /** Mean score over scored rows. */
  readonly meanScore: number | null;
  /** Share of scored rows whose true label is positive. */
  readonly positiveRate: number | null;
  /** meanScore − positiveRate: > 0 means the model over-predicts the positive class. */
  readonly predictionBias: number | null;
}

/** Serialized {@link ClassificationStats}; canonical, so equal stats serialize equally. */
export interface ClassificationStatsJson {
  readonly kind: 'classification';
  readonly version: 1;
  readonly positiveLabel: NormalizedLabel;
  readonly bins: number;
  readonly labels: NormalizedLabel[];
  readonly confusion: number[][];
  readonly skipped: number;
  readonly invalidScores: number;
  readonly scored: number;
  readonly scoredPositives: number;
  readonly scoreSum: number[];
  readonly logLossSum: number[];
  /** Sparse histograms: `[bin, count]` pairs for non-empty bins. */
  readonly histogram: { readonly positive: [number, number][]; readonly negative: [number, number][] };
}

const DEFAULT_BINS = 1000;
const MAX_BINS = 1_000_000;
const EPS = Number.EPSILON;

/**
 * Mergeable sufficient statistics for classification metrics: a confusion
 * matrix (any number of classes), and for rows with a score — the predicted
 * probability of `positiveLabel` — an exact score sum, an exact log-loss sum
 * and a per-class histogram of scores for ROC AUC.
 *
 * Memory is O(classes² + bins), independent of the stream length. `merge` is
 * exact (integer counts and exact float sums), so it is associative and
 * commutative bit for bit: partitions merged in any grouping give the metrics
 * of the whole stream. The only approximation is ROC AUC, whose error is
 * bounded and reported (`rocAucErrorBound`).
 *
 * `update` never throws: unusable labels are counted in `skipped`, unusable
 * scores in `invalidScores`.
 */
export class ClassificationStats {
  readonly positiveLabel: NormalizedLabel;
  readonly bins: number;

  private labels: NormalizedLabel[] = [];
  private readonly index = new Map<NormalizedLabel, number>();
  private counts: number[][] = [];
  private skipped = 0;
  private invalidScores = 0;
  private scored = 0;
  private scoredPositives = 0;
  private scoreSum = new ExactSum();
  private logLossSum = new ExactSum();
  private readonly positiveHist: Float64Array;
  private readonly negativeHist: Float64Array;

  constructor(options: ClassificationStatsOptions = {}) {
    const positive = normalizeLabel(options.positiveLabel ?? 1);
    if (positive === undefined) {
      throw new InvalidMetricOptionError('positiveLabel', options.positiveLabel, 'a string, finite number or boolean');
    }
    const bins = options.bins ?? DEFAULT_BINS;
    if (!Number.isInteger(bins) || bins < 1 || bins > MAX_BINS) {
      throw new InvalidMetricOptionError('bins', bins, `an integer in [1, ${MAX_BINS}]`);
    }
    this.positiveLabel = positive;
    this.bins = bins;
    this.positiveHist = new Float64Array(bins);
    this.negativeHist = new Float64Array(bins);
  }

  /**
   * Adds one row. `score` is the predicted probability of `positiveLabel`;
   * leave it `undefined` when the model gives none.
   */
  update(yTrue: Label | null | undefined, yPred: Label | null | undefined, score?: number | null): this {
    const t = normalizeLabel(yTrue);
    const p = normalizeLabel(yPred);
    if (t === undefined || p === undefined) {
      this.skipped++;
      return this;
    }
    this.counts[this.indexOf(t)][this.indexOf(p)]++;
    if (score === undefined) return this;
    if (typeof score !== 'number' || !(score >= 0 && score <= 1)) {
      this.invalidScores++;
      return this;
    }
    const isPositive = t === this.positiveLabel;
    const bin = Math.min(this.bins - 1, Math.floor(score * this.bins));
    this.scored++;
    this.scoreSum.add(score);
    if (isPositive) {
      this.scoredPositives++;
      this.positiveHist[bin]++;
      this.logLossSum.add(-Math.log(clip(score)));
    } else {
      this.negativeHist[bin]++;
      this.logLossSum.add(-Math.log(clip(1 - score)));
    }
    return this;
  }

  /** Adds rows from parallel arrays (`scores` optional). */
  updateMany(
    yTrue: ArrayLike<Label | null | undefined>,
    yPred: ArrayLike<Label | null | undefined>,
    scores?: ArrayLike<number | null | undefined>,
  ): this {
    const n = Math.min(yTrue.length, yPred.length);
    for (let i = 0; i < n; i++) this.update(yTrue[i], yPred[i], scores?.[i]);
    return this;
  }

  /** Adds `other` into this accumulator (in place) and returns this. */
  merge(other: ClassificationStats): this {
    if (other.positiveLabel !== this.positiveLabel) {
      throw new IncompatibleStatsError('positiveLabel', this.positiveLabel, other.positiveLabel);
    }
    if (other.bins !== this.bins) throw new IncompatibleStatsError('bins', this.bins, other.bins);
    const map = other.labels.map((label) => this.indexOf(label));
    other.counts.forEach((row, i) => row.forEach((c, j) => (this.counts[map[i]][map[j]] += c)));
    this.skipped += other.skipped;
    this.invalidScores += other.invalidScores;
    this.scored += other.scored;
    this.scoredPositives += other.scoredPositives;
    this.scoreSum.addAll(other.scoreSum);
    this.logLossSum.addAll(other.logLossSum);
    for (let b = 0; b < this.bins; b++) {
      this.positiveHist[b] += other.positiveHist[b];
      this.negativeHist[b] += other.negativeHist[b];
    }
    return this;
  }

  clone(): ClassificationStats {
    return new ClassificationStats({ positiveLabel: this.positiveLabel, bins: this.bins }).merge(this);
  }

  compute(): ClassificationMetrics {
    const { labels, counts } = this.sorted();
    const k = labels.length;
    const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
    const colSums = labels.map((_, j) => counts.reduce((a, row) => a + row[j], 0));
    const n = rowSums.reduce((a, b) => a + b, 0);
    let correct = 0;
    for (let i = 0; i < k; i++) correct += counts[i][i];

    const perClass = labels.map((label, i) => ({ label, ...oneVsRest(counts[i][i], colSums[i], rowSums[i]) }));
    const positiveIndex = labels.indexOf(this.positiveLabel);
    const binary =
      positiveIndex < 0
        ? oneVsRest(0, 0, 0)
        : oneVsRest(counts[positiveIndex][positiveIndex], colSums[positiveIndex], rowSums[positiveIndex]);

    const auc = aucFromHistogram(this.positiveHist, this.negativeHist);
    const scored = this.scored;
    const bias = this.scoreSum.clone().add(-this.scoredPositives).value();
    return {
      n,
      skipped: this.skipped,
      scored,
      invalidScores: this.invalidScores,
      accuracy: ratio(correct, n),
      precision: binary.precision,
      recall: binary.recall,
      f1: binary.f1,
      macroPrecision: meanDefined(perClass.map((c) => c.precision)),
      macroRecall: meanDefined(perClass.map((c) => c.recall)),
      macroF1: meanDefined(perClass.map((c) => c.f1)),
      perClass,
      confusionMatrix: { labels, counts },
      rocAuc: auc?.auc ?? null,
      rocAucErrorBound: auc?.errorBound ?? null,
      logLoss: ratio(this.logLossSum.value(), scored),
      meanScore: ratio(this.scoreSum.value(), scored),
      positiveRate: ratio(this.scoredPositives, scored),
      predictionBias: ratio(bias, scored),
    };
  }

  toJSON(): ClassificationStatsJson {
    const { labels, counts } = this.sorted();
    return {
      kind: 'classification',
      version: 1,
      positiveLabel: this.positiveLabel,
      bins: this.bins,
      labels,
      confusion: counts,
      skipped: this.skipped,
      invalidScores: this.invalidScores,
      scored: this.scored,
      scoredPositives: this.scoredPositives,
      scoreSum: this.scoreSum.toJSON(),
      logLossSum: this.logLossSum.toJSON(),
      histogram: { positive: sparse(this.positiveHist), negative: sparse(this.negativeHist) },
    };
  }

  /** Rebuilds stats from {@link toJSON} output; throws `InvalidStatsJsonError` on a malformed value. */
  static fromJSON(json: unknown): ClassificationStats {
    if (!isRecord(json) || json['kind'] !== 'classification' || json['version'] !== 1) {
      throw new InvalidStatsJsonError('$', "{ kind: 'classification', version: 1, … }");
    }
    const stats = new ClassificationStats({
      positiveLabel: readLabel(json['positiveLabel'], 'positiveLabel'),
      bins: readCount(json['bins'], 'bins'),
    });
    const labels = json['labels'];
    const confusion = json['confusion'];
    if (!Array.isArray(labels) || !Array.isArray(confusion) || confusion.length !== labels.length) {
      throw new InvalidStatsJsonError('labels', 'an array of labels and a square confusion matrix of the same size');
    }
    const indices = labels.map((label, i) => stats.indexOf(readLabel(label, `labels[${i}]`)));
    if (new Set(indices).size !== labels.length) throw new InvalidStatsJsonError('labels', 'distinct labels');
    confusion.forEach((row, i) => {
      readCounts(row, `confusion[${i}]`, labels.length).forEach((c, j) => (stats.counts[indices[i]][indices[j]] = c));
    });
    stats.skipped = readCount(json['skipped'], 'skipped');
    stats.invalidScores = readCount(json['invalidScores'], 'invalidScores');
    stats.scored = readCount(json['scored'], 'scored');
    stats.scoredPositives = readCount(json['scoredPositives'], 'scoredPositives');
    stats.scoreSum = ExactSum.fromJSON(readTerms(json['scoreSum'], 'scoreSum'));
    stats.logLossSum = ExactSum.fromJSON(readTerms(json['logLossSum'], 'logLossSum'));
    const histogram = json['histogram'];
    if (!isRecord(histogram)) throw new InvalidStatsJsonError('histogram', '{ positive, negative }');
    fillSparse(stats.positiveHist, histogram['positive'], 'histogram.positive');
    fillSparse(stats.negativeHist, histogram['negative'], 'histogram.negative');
    return stats;
  }

  private indexOf(label: NormalizedLabel): number {
    let i = this.index.get(label);
    if (i === undefined) {
      i = this.labels.length;
      this.index.set(label, i);
      this.labels.push(label);
      for (const row of this.counts) row.push(0);
      this.counts.push(new Array<number>(i + 1).fill(0));
    }
    return i;
  }

  private sorted(): { labels: NormalizedLabel[]; counts: number[][] } {
    const order = this.labels.map((_, i) => i).sort((a, b) => compareLabels(this.labels[a], this.labels[b]));
    return {
      labels: order.map((i) => this.labels[i]),
      counts: order.map((i) => order.map((j) => this.counts[i][j])),
    };
  }
}

function clip(p: number): number {
  return Math.min(Math.max(p, EPS), 1 - EPS);
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function oneVsRest(tp: number, predicted: number, actual: number): Omit<ClassMetrics, 'label'> {
  return {
    precision: ratio(tp, predicted),
    recall: ratio(tp, actual),
    f1: ratio(2 * tp, predicted + actual),
    support: actual,
  };
}

function meanDefined(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return ratio(
    defined.reduce((a, b) => a + b, 0),
    defined.length,
  );
}

function sparse(hist: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  hist.forEach((count, bin) => {
    if (count !== 0) out.push([bin, count]);
  });
  return out;
}

function fillSparse(hist: Float64Array, value: unknown, path: string): void {
  if (!Array.isArray(value)) throw new InvalidStatsJsonError(path, 'an array of [bin, count] pairs');
  value.forEach((pair, i) => {
    const [bin, count] = readCounts(pair, `${path}[${i}]`, 2);
    if (bin >= hist.length) throw new InvalidStatsJsonError(`${path}[${i}]`, `a bin below ${hist.length}`);
    hist[bin] = count;
  });
}
