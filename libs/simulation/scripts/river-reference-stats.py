"""Reference statistics from River for libs/simulation's generator specs.

River's generators use Python's Mersenne Twister and ours a small seeded PRNG, so the streams
never match value for value; the specs compare distributions instead: attribute ranges, means,
category frequencies and the class balance of every concept.

Two of River's Agrawal attributes differ from the published definition (Agrawal et al. 1993, and
MOA's implementation): commission is drawn from 10k..85k instead of 10k..75k, and house value uses
(8 - zipcode) instead of (9 - zipcode), so zipcode 8 gets a house value of 0. For those two the
spec checks the published definition directly. The class balance of each function is measured
by River's own function code applied to attributes drawn from the published distributions,
so any disagreement points at a function, not at the attribute sampler.

Run from the repository root (River in a throw-away virtual environment):
    python3 -m venv .cache/venv-sim && .cache/venv-sim/bin/pip install river
    .cache/venv-sim/bin/python libs/simulation/scripts/river-reference-stats.py
It rewrites libs/simulation/src/__fixtures__/river-reference-stats.json.
"""

import json
import math
import pathlib
import random

import river
from river.datasets import synth

N = 100_000
SEED = 7
OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "__fixtures__" / "river-reference-stats.json"

NUMERIC = ["salary", "commission", "age", "hvalue", "hyears", "loan"]
CATEGORICAL = ["elevel", "car", "zipcode"]


def summary(values):
    n = len(values)
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / (n - 1)
    return {"min": min(values), "max": max(values), "mean": mean, "std": math.sqrt(var)}


def frequencies(values):
    counts = {}
    for v in values:
        counts[str(v)] = counts.get(str(v), 0) + 1
    return {k: counts[k] / len(values) for k in sorted(counts, key=lambda s: float(s))}


def attribute_stats(rows):
    stats = {name: summary([r[name] for r in rows]) for name in NUMERIC}
    for name in CATEGORICAL:
        stats[name] = {**summary([r[name] for r in rows]), "frequencies": frequencies([r[name] for r in rows])}
    return stats


def river_stream(perturbation):
    ds = synth.Agrawal(classification_function=0, seed=SEED, perturbation=perturbation)
    return [x for x, _ in ds.take(N)]


def published_attributes(rng):
    """The published attribute distributions, to feed River's classification functions."""
    salary = 20000 + 130000 * rng.random()
    commission = 0 if salary >= 75000 else 10000 + 65000 * rng.random()
    zipcode = rng.randint(0, 8)
    return {
        "salary": salary,
        "commission": commission,
        "age": rng.randint(20, 80),
        "elevel": rng.randint(0, 4),
        "car": rng.randint(1, 20),
        "zipcode": zipcode,
        "hvalue": (9 - zipcode) * 100000 * (0.5 + rng.random()),
        "hyears": rng.randint(1, 30),
        "loan": 500000 * rng.random(),
    }


def group_a_share_per_function():
    """River numbers functions 0..9 (the paper F1..F10). It returns 1 for the paper's group A in
    functions 0..5 and 0 for group A in 6..9; the share reported here is always group A's."""
    rng = random.Random(SEED)
    rows = [published_attributes(rng) for _ in range(N)]
    shares = {}
    for index in range(10):
        fn = getattr(synth.Agrawal, f"_classification_function_{index}")
        ones = sum(fn(**r) for r in rows) / N
        shares[str(index + 1)] = ones if index <= 5 else 1 - ones
    return shares


def sea_stats():
    out = {}
    for variant in range(4):
        for noise in (0.0, 0.1):
            rows = list(synth.SEA(variant=variant, noise=noise, seed=SEED).take(N))
            key = f"variant{variant + 1}_noise{noise:g}"
            out[key] = {
                "positiveShare": sum(1 for _, y in rows if y) / N,
                "attributes": {f"att{i + 1}": summary([x[i] for x, _ in rows]) for i in range(3)},
            }
    return out


def main():
    fixture = {
        "generatedBy": "libs/simulation/scripts/river-reference-stats.py",
        "river": river.__version__,
        "samples": N,
        "seed": SEED,
        "agrawal": {
            "riverStream": attribute_stats(river_stream(0.0)),
            "riverStreamPerturbed20": attribute_stats(river_stream(0.2)),
            "groupAShareByFunction": group_a_share_per_function(),
        },
        "sea": sea_stats(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, indent=2) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
