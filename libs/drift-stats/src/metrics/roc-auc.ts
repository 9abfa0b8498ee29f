import { normalizeLabel } from './label';
import type { Label } from './label';

/**
 * Exact area under the ROC curve for arrays, through the Mann–Whitney U
 * statistic with mid-ranks for tied scores:
 *
 *   AUC = (R₊ − P(P+1)/2) / (P·N)
 *
 * where R₊ is the rank sum of the P positive rows among all P+N rows. This is
 * the probability that a random positive scores above a random negative,
 * counting ties as one half — the same value as the trapezoidal area that
 * `sklearn.metrics.roc_auc_score` computes. O(n log n) time, O(n) memory.
 *
 * Rows whose label is unusable or whose score is not a finite number are
 * ignored. Returns `null` when either class is absent (AUC undefined).
 *
 * @param positiveLabel the label of the positive class (default 1; booleans read as 1/0)
 */
export function rocAuc(
  yTrue: ArrayLike<Label | null | undefined>,
  scores: ArrayLike<number | null | undefined>,
  positiveLabel: Label = 1,
): number | null {
  const positive = normalizeLabel(positiveLabel);
  const rows: { score: number; positive: boolean }[] = [];
  const length = Math.min(yTrue.length, scores.length);
  for (let i = 0; i < length; i++) {
    const label = normalizeLabel(yTrue[i]);
    const score = scores[i];
    if (label === undefined || typeof score !== 'number' || !Number.isFinite(score)) continue;
    rows.push({ score, positive: label === positive });
  }
  rows.sort((a, b) => a.score - b.score);

  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < rows.length; ) {
    let end = start;
    let tiedPositives = 0;
    while (end < rows.length && rows[end].score === rows[start].score) {
      if (rows[end].positive) tiedPositives++;
      end++;
    }
    // Ranks start..end-1 are 1-based start+1..end; each tie gets their mean.
    const midRank = (start + 1 + end) / 2;
    positiveRankSum += tiedPositives * midRank;
    positives += tiedPositives;
    start = end;
  }
  const negatives = rows.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** AUC read from per-bin score counts, with its guaranteed error bound. */
export interface HistogramAuc {
  /** Estimated AUC; pairs that share a bin count as one half. */
  readonly auc: number;
  /** |estimate − exact AUC| ≤ errorBound, always (see {@link aucFromHistogram}). */
  readonly errorBound: number;
}

/**
 * AUC from two histograms of scores over the same monotone binning
 * (`positive[b]`, `negative[b]` = rows of each class in bin b):
 *
 *   AUC ≈ Σ_b pos_b · (neg_{<b} + ½·neg_b) / (P·N)
 *
 * Every pair in different bins is ordered correctly by the bins, so only
 * pairs that share a bin are uncertain: their true contribution lies in
 * [0, pos_b·neg_b] and the estimate takes the middle. Hence the exact bound
 *
 *   |AUC_hist − AUC_exact| ≤ Σ_b pos_b · neg_b / (2·P·N) ≤ max_b (neg_b / N) / 2,
 *
 * i.e. at most half the largest share of negatives in a single bin. For
 * scores with a density ≤ f on [0, 1] and B equal bins that is about f/(2B):
 * ≤ 5e-4·f with the default 1000 bins. Returns `null` if a class is empty.
 */
export function aucFromHistogram(
  positive: ArrayLike<number>,
  negative: ArrayLike<number>,
): HistogramAuc | null {
  let positives = 0;
  let negatives = 0;
  let pairsAbove = 0;
  let pairsTied = 0;
  for (let b = 0; b < positive.length; b++) {
    const pos = positive[b];
    const neg = negative[b];
    pairsAbove += pos * negatives; // negatives seen so far are in lower bins
    pairsTied += pos * neg;
    positives += pos;
    negatives += neg;
  }
  if (positives === 0 || negatives === 0) return null;
  const pairs = positives * negatives;
  return { auc: (pairsAbove + pairsTied / 2) / pairs, errorBound: pairsTied / (2 * pairs) };
}
