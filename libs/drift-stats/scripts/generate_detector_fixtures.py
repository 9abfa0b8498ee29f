#!/usr/bin/env python3
"""Parity fixtures for the streaming drift detectors, produced by River.

Runs River's ADWIN and Page-Hinkley on seeded real-valued streams (and on the
0/1 streams), and River's DDM on seeded 0/1 error streams, and records the
exact stream indices where River signals drift (and, for DDM, the indices
where the warning flag is up after the update). The Jest spec
`src/detectors/river-parity.spec.ts` replays the same streams through the
TypeScript detectors and asserts the same indices.

Usage (from the workspace root):
    python3 -m venv .cache/venv-metrics
    .cache/venv-metrics/bin/pip install numpy scipy scikit-learn river
    .cache/venv-metrics/bin/python libs/drift-stats/scripts/generate_detector_fixtures.py

Output: libs/drift-stats/fixtures/detectors/river-detectors.json (deterministic
for a given River/NumPy version; re-running rewrites it identically).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import river
from river import drift

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "detectors" / "river-detectors.json"
N = 3000
SEED = 20240601

# TypeScript option name -> River keyword, per detector.
RIVER_KWARGS = {
    "ADWIN": {
        "delta": "delta",
        "clock": "clock",
        "maxBuckets": "max_buckets",
        "minWindowLength": "min_window_length",
        "gracePeriod": "grace_period",
    },
    "PageHinkley": {
        "minInstances": "min_instances",
        "delta": "delta",
        "threshold": "threshold",
        "alpha": "alpha",
        "mode": "mode",
    },
    "DDM": {"warmStart": "warm_start", "warningThreshold": "warning_threshold", "driftThreshold": "drift_threshold"},
}
FACTORIES = {"ADWIN": drift.ADWIN, "PageHinkley": drift.PageHinkley, "DDM": drift.binary.DDM}


def rounded(values: np.ndarray) -> list[float]:
    # 4 decimals keep the fixture small; both sides parse the same decimal to the same double.
    return [round(float(v), 4) for v in values]


def real_streams(rng: np.random.Generator) -> list[dict]:
    t = np.arange(N)
    noise = rng.normal(0.0, 1.0, N)
    # Abrupt: the mean jumps 0 -> 2 at 1000 and 2 -> 0.5 at 2000.
    abrupt = noise + np.where(t < 1000, 0.0, np.where(t < 2000, 2.0, 0.5))
    # Gradual: the mean ramps linearly from 0 to 3 between 1000 and 2500.
    ramp = np.clip((t - 1000) / 1500, 0.0, 1.0)
    gradual = rng.normal(0.0, 1.0, N) + 3.0 * ramp
    # Gradual by mixing: between 1000 and 2500, values come from the new concept
    # N(2.5, 1.5) with a probability that grows from 0 to 1.
    mix = rng.random(N) < ramp
    mixed = np.where(mix, rng.normal(2.5, 1.5, N), rng.normal(0.0, 1.0, N))
    # No change: one distribution throughout.
    none = rng.normal(5.0, 0.5, N)
    return [
        {"name": "real-abrupt", "kind": "real", "description": "N(0,1); mean +2 at 1000, +0.5 from 2000", "values": rounded(abrupt)},
        {"name": "real-gradual-ramp", "kind": "real", "description": "N(0,1) + 3*ramp(1000..2500)", "values": rounded(gradual)},
        {"name": "real-gradual-mix", "kind": "real", "description": "N(0,1) mixed into N(2.5,1.5) over 1000..2500", "values": rounded(mixed)},
        {"name": "real-none", "kind": "real", "description": "N(5,0.5), no change", "values": rounded(none)},
    ]


def binary_streams(rng: np.random.Generator) -> list[dict]:
    t = np.arange(N)
    u = rng.random((3, N))
    # Abrupt: error rate 0.1 -> 0.35 at 1500.
    abrupt = u[0] < np.where(t < 1500, 0.1, 0.35)
    # Gradual: error rate ramps 0.1 -> 0.4 between 1000 and 2500.
    gradual = u[1] < 0.1 + 0.3 * np.clip((t - 1000) / 1500, 0.0, 1.0)
    # No change: error rate 0.2 throughout.
    none = u[2] < 0.2
    return [
        {"name": "binary-abrupt", "kind": "binary", "description": "error rate 0.1 -> 0.35 at 1500", "values": abrupt.astype(int).tolist()},
        {"name": "binary-gradual", "kind": "binary", "description": "error rate ramps 0.1 -> 0.4 over 1000..2500", "values": gradual.astype(int).tolist()},
        {"name": "binary-none", "kind": "binary", "description": "error rate 0.2, no change", "values": none.astype(int).tolist()},
    ]


def river_docstring_stream() -> dict:
    # The stream of River's own ADWIN / Page-Hinkley docstring examples.
    rng = random.Random(12345)
    values = rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000)
    return {"name": "river-docstring", "kind": "real", "description": "River docstring example", "values": values}


def ranges(indices: list[int]) -> list[list[int]]:
    """Consecutive indices as inclusive [first, last] pairs (warnings last for long runs)."""
    out: list[list[int]] = []
    for i in indices:
        if out and out[-1][1] == i - 1:
            out[-1][1] = i
        else:
            out.append([i, i])
    return out


def run(detector: str, options: dict, values: list) -> dict:
    kwargs = {RIVER_KWARGS[detector][k]: v for k, v in options.items()}
    d = FACTORIES[detector](**kwargs)
    drifts, warnings = [], []
    for i, x in enumerate(values):
        d.update(x)
        if d.drift_detected:
            drifts.append(i)
        if getattr(d, "warning_detected", False):
            warnings.append(i)
    out = {"drift": drifts}
    if detector == "DDM":
        out["warningRanges"] = ranges(warnings)
    if detector == "ADWIN":
        out["final"] = {"width": d.width, "total": d.total, "variance": d._helper.variance_in_window if d.width else 0.0}
    return out


def main() -> None:
    rng = np.random.default_rng(SEED)
    reals = real_streams(rng)
    binaries = binary_streams(rng)
    streams = reals + binaries + [river_docstring_stream()]

    configs = {
        "ADWIN": [{}, {"delta": 0.01, "clock": 1}, {"maxBuckets": 1, "clock": 1}, {"delta": 0.05, "clock": 8, "maxBuckets": 3, "minWindowLength": 10, "gracePeriod": 50}],
        "PageHinkley": [{}, {"threshold": 20, "delta": 0.01, "mode": "up"}, {"threshold": 20, "mode": "down", "alpha": 0.999}, {"threshold": 10, "minInstances": 10}],
        "DDM": [{}, {"warmStart": 100, "warningThreshold": 1.5, "driftThreshold": 2.5}],
    }
    cases = []
    for detector, option_sets in configs.items():
        for options in option_sets:
            for stream in streams:
                if detector == "DDM" and stream["kind"] != "binary":
                    continue
                cases.append({"detector": detector, "options": options, "stream": stream["name"], **run(detector, options, stream["values"])})

    fixture = {
        "generatedBy": "libs/drift-stats/scripts/generate_detector_fixtures.py",
        "reference": f"river {river.__version__}, numpy {np.__version__}",
        "seed": SEED,
        "note": "indices are 0-based positions in the stream after whose update the flag is set",
        "streams": streams,
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
    total = sum(len(c["drift"]) for c in cases)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes): {len(streams)} streams, {len(cases)} cases, {total} drift indices")


if __name__ == "__main__":
    main()
