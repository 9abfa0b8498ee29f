#!/usr/bin/env python3
"""Parity fixtures for the performance metrics, produced by scikit-learn.

For seeded classification and regression cases (plus edge cases: ties, scores
of exactly 0 and 1, string labels, multiclass with a never-predicted class,
a single class, zero targets, constant targets) it records the inputs and
scikit-learn's values. `src/metrics/sklearn-parity.spec.ts` recomputes them
with ClassificationStats / RegressionStats / rocAuc and requires a relative
error <= 1e-9 (and `null` exactly where scikit-learn gives NaN).

Conventions mirrored here:
- undefined ratios: scikit-learn with zero_division=np.nan; NaN is written as null;
- macro averages skip undefined classes (scikit-learn's nanmean);
- log loss and AUC are binary: the score is the probability of `positiveLabel`;
- R2 with constant targets: r2_score(force_finite=False) gives NaN/-inf -> null;
- prediction bias = mean(score) - positive rate, computed exactly with fractions;
- the histogram AUC (1000 bins) is computed exactly from integer bin counts,
  and its bound is checked against scikit-learn's exact AUC.

Usage (from the workspace root):
    .cache/venv-metrics/bin/python libs/drift-stats/scripts/generate_metric_fixtures.py

Output: libs/drift-stats/fixtures/metrics/sklearn-metrics.json
"""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import sklearn
from sklearn import metrics as skm

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "metrics" / "sklearn-metrics.json"
SEED = 20240602
BINS = 1000


def clean(value):
    """NaN / ±inf -> None; numpy scalars -> Python numbers."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return [clean(v) for v in value]
    if isinstance(value, (np.integer, int)) and not isinstance(value, bool):
        return int(value)
    value = float(value)
    return value if math.isfinite(value) else None


def histogram_auc(y_pos: np.ndarray, scores: np.ndarray) -> tuple[float | None, float | None]:
    bins = np.minimum(BINS - 1, np.floor(scores * BINS).astype(int))
    pos = np.bincount(bins[y_pos], minlength=BINS).tolist()
    neg = np.bincount(bins[~y_pos], minlength=BINS).tolist()
    p, n = sum(pos), sum(neg)
    if p == 0 or n == 0:
        return None, None
    below, above, tied = 0, 0, 0
    for b in range(BINS):
        above += pos[b] * below
        tied += pos[b] * neg[b]
        below += neg[b]
    return float(Fraction(2 * above + tied, 2 * p * n)), float(Fraction(tied, 2 * p * n))


def classification_case(name: str, y_true: list, y_pred: list, scores: list | None, positive) -> dict:
    labels = sorted(set(y_true) | set(y_pred))
    yt, yp = np.array(y_true), np.array(y_pred)
    kw = {"zero_division": np.nan}
    prf = skm.precision_recall_fscore_support(yt, yp, labels=labels, **kw)
    binary = skm.precision_recall_fscore_support(yt, yp, labels=[positive], average=None, **kw)
    expected = {
        "n": len(y_true),
        "accuracy": clean(skm.accuracy_score(yt, yp)),
        "precision": clean(binary[0][0]),
        "recall": clean(binary[1][0]),
        "f1": clean(binary[2][0]),
        "macroPrecision": clean(skm.precision_score(yt, yp, labels=labels, average="macro", **kw)),
        "macroRecall": clean(skm.recall_score(yt, yp, labels=labels, average="macro", **kw)),
        "macroF1": clean(skm.f1_score(yt, yp, labels=labels, average="macro", **kw)),
        "perClass": [
            {"label": label, "precision": clean(prf[0][i]), "recall": clean(prf[1][i]), "f1": clean(prf[2][i]), "support": int(prf[3][i])}
            for i, label in enumerate(labels)
        ],
        "confusionMatrix": {"labels": labels, "counts": skm.confusion_matrix(yt, yp, labels=labels).tolist()},
    }
    if scores is not None:
        s = np.array(scores, dtype=float)
        y_pos = np.array([y == positive for y in y_true])
        has_both = 0 < y_pos.sum() < len(y_pos)
        auc_hist, bound = histogram_auc(y_pos, s)
        exact_bias = (sum(Fraction(v) for v in scores) - int(y_pos.sum())) / len(scores)
        expected.update(
            {
                "rocAucExact": clean(skm.roc_auc_score(y_pos, s)) if has_both else None,
                "rocAucHistogram": auc_hist,
                "rocAucErrorBound": bound,
                "logLoss": clean(skm.log_loss(y_pos.astype(int), s, labels=[0, 1])),
                "meanScore": clean(np.mean(s)),
                "positiveRate": clean(np.mean(y_pos)),
                "predictionBias": float(exact_bias),
            }
        )
    return {"name": name, "task": "classification", "positiveLabel": positive, "bins": BINS, "yTrue": y_true, "yPred": y_pred, "scores": scores, "expected": expected}


def regression_case(name: str, y_true: np.ndarray, y_pred: np.ndarray, decimals: int = 6) -> dict:
    yt, yp = np.round(y_true, decimals), np.round(y_pred, decimals)
    with np.errstate(all="ignore"):
        expected = {
            "n": len(yt),
            "meanError": clean(np.mean(yp - yt)),
            "mae": clean(skm.mean_absolute_error(yt, yp)),
            "mse": clean(skm.mean_squared_error(yt, yp)),
            "rmse": clean(skm.root_mean_squared_error(yt, yp)),
            "mape": clean(skm.mean_absolute_percentage_error(yt, yp)),
            "r2": clean(skm.r2_score(yt, yp, force_finite=False)),
        }
    return {"name": name, "task": "regression", "yTrue": yt.tolist(), "yPred": yp.tolist(), "expected": expected}


def main() -> None:
    rng = np.random.default_rng(SEED)
    cases = []

    # Binary, continuous scores (no ties), threshold 0.5.
    n = 1500
    y = (rng.random(n) < 0.3).astype(int)
    scores = 1 / (1 + np.exp(-(3.0 * (y - 0.5) + rng.normal(0, 1.2, n))))
    cases.append(classification_case("binary-continuous", y.tolist(), (scores >= 0.5).astype(int).tolist(), scores.tolist(), 1))

    # Binary, scores on a 0.1 grid (heavy ties), including exactly 0 and 1.
    n = 800
    y = (rng.random(n) < 0.5).astype(int)
    raw = np.clip(0.5 + 0.25 * (2 * y - 1) + rng.normal(0, 0.3, n), 0, 1)
    grid = np.round(raw, 1)
    cases.append(classification_case("binary-ties", y.tolist(), (grid > 0.5).astype(int).tolist(), grid.tolist(), 1))

    # String labels, positive "spam".
    n = 600
    spam = rng.random(n) < 0.4
    p_spam = np.clip(np.where(spam, 0.7, 0.3) + rng.normal(0, 0.2, n), 0, 1)
    y_true = ["spam" if v else "ham" for v in spam]
    y_pred = ["spam" if v >= 0.5 else "ham" for v in p_spam]
    cases.append(classification_case("binary-strings", y_true, y_pred, np.round(p_spam, 6).tolist(), "spam"))

    # Multiclass 0..4, class 4 occurs but is never predicted; score = P(class 2).
    n = 1200
    y = rng.integers(0, 5, n)
    correct = rng.random(n) < 0.7
    pred = np.where(correct, y, rng.integers(0, 4, n))
    pred = np.where(pred == 4, 3, pred)
    p2 = np.clip(np.where(y == 2, 0.6, 0.2) + rng.normal(0, 0.15, n), 0, 1)
    cases.append(classification_case("multiclass-ints", y.tolist(), pred.tolist(), np.round(p2, 6).tolist(), 2))

    # Multiclass strings, no scores.
    n = 500
    names = np.array(["b", "a", "c"])
    y = names[rng.integers(0, 3, n)]
    pred = np.where(rng.random(n) < 0.6, y, names[rng.integers(0, 3, n)])
    cases.append(classification_case("multiclass-strings", y.tolist(), pred.tolist(), None, "a"))

    # No predicted positives: precision undefined, recall and F1 zero.
    y = [0, 1, 0, 0, 1, 0, 0, 0, 1, 0]
    cases.append(classification_case("edge-no-predicted-positive", y, [0] * 10, [0.1, 0.4, 0.2, 0.0, 0.3, 0.1, 0.45, 0.2, 0.49, 1.0], 1))

    # A single true class: AUC undefined, log loss defined.
    cases.append(classification_case("edge-single-class", [0] * 6, [0, 0, 1, 0, 1, 0], [0.1, 0.2, 0.8, 0.0, 0.6, 0.3], 1))

    # Regression.
    n = 1500
    y = rng.normal(10, 3, n)
    cases.append(regression_case("regression-normal", y, y + rng.normal(0.2, 1.0, n)))
    y = 1e6 + rng.normal(0, 1, n)
    cases.append(regression_case("regression-large-offset", y, y + rng.normal(0, 0.5, n)))
    y = np.where(rng.random(300) < 0.1, 0.0, rng.normal(5, 2, 300))
    cases.append(regression_case("regression-zero-targets", y, y + rng.normal(0, 0.3, 300)))
    cases.append(regression_case("regression-constant-target", np.full(50, 3.0), 3.0 + rng.normal(0, 0.1, 50)))
    cases.append(regression_case("regression-perfect", np.arange(20, dtype=float), np.arange(20, dtype=float)))

    fixture = {
        "generatedBy": "libs/drift-stats/scripts/generate_metric_fixtures.py",
        "reference": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        "seed": SEED,
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes): {len(cases)} cases")


if __name__ == "__main__":
    main()
