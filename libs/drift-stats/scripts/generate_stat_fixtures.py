#!/usr/bin/env python3
"""Generate scipy parity fixtures for libs/drift-stats (drift tests and distances).

Run from the repository root:

    python3 -m venv .cache/venv-stats
    .cache/venv-stats/bin/pip install numpy scipy
    .cache/venv-stats/bin/python libs/drift-stats/scripts/generate_stat_fixtures.py

Writes JSON files to libs/drift-stats/fixtures/stats/. Everything is deterministic.

Large samples are not stored: they are described by a generator spec that the
Jest spec replays bit for bit. The generator is a 32-bit "mulberry32" stream
(the same recurrence as libs/drift-stats/src/random) turned into doubles with
IEEE basic operations only (+, -, *, /, floor, comparisons), which are
correctly rounded in both numpy/Python and JavaScript, so both sides see the
same numbers exactly. Transcendental functions are never used to make data.
"""
from __future__ import annotations

import json
import math
import os
import sys
import warnings

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance
from scipy.special import smirnov

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "stats")
MASK = 0xFFFFFFFF
EPS_SMOOTH = 1e-4  # zero-bin smoothing used by PSI, KL and JS (see src/stat-tests/binning.ts)


# --------------------------------------------------------------------------- data generation
class Mulberry32:
    def __init__(self, seed: int) -> None:
        self.state = seed & MASK

    def next_uint32(self) -> int:
        self.state = (self.state + 0x6D2B79F5) & MASK
        t = self.state
        t = ((t ^ (t >> 15)) * (t | 1)) & MASK
        t = (t ^ ((t + (((t ^ (t >> 7)) * (t | 61)) & MASK)) & MASK)) & MASK
        return (t ^ (t >> 14)) & MASK

    def next_float(self) -> float:
        return self.next_uint32() / 4294967296.0


def generate(spec: dict) -> list:
    """Replay a generator spec; mirrored by libs/drift-stats/src/testing/fixture-data.ts."""
    rng = Mulberry32(spec["seed"])
    n = spec["n"]
    kind = spec["kind"]
    out: list = []
    if kind == "normal12":  # Irwin-Hall approximation of a normal: sum of 12 uniforms - 6
        loc, scale = float(spec["loc"]), float(spec["scale"])
        for _ in range(n):
            s = 0.0
            for _ in range(12):
                s += rng.next_float()
            out.append(loc + scale * (s - 6.0))
    elif kind == "uniform":
        lo, hi = float(spec["lo"]), float(spec["hi"])
        for _ in range(n):
            out.append(lo + (hi - lo) * rng.next_float())
    elif kind == "integer":  # ties: floor(u * k) + offset
        k, offset = spec["k"], spec["offset"]
        for _ in range(n):
            out.append(float(math.floor(rng.next_float() * k) + offset))
    elif kind == "categorical":  # categories with cumulative probabilities
        cats, cum = spec["categories"], spec["cumulative"]
        for _ in range(n):
            u = rng.next_float()
            i = 0
            while i < len(cum) - 1 and u >= cum[i]:
                i += 1
            out.append(cats[i])
    else:
        raise ValueError(kind)
    return out


def data(spec: dict, inline: bool) -> dict:
    """A fixture sample: inline values for small samples, the generator spec otherwise."""
    if inline:
        return {"values": generate(spec)}
    return {"gen": spec}


def normal(seed, n, loc=0.0, scale=1.0):
    return {"kind": "normal12", "seed": seed, "n": n, "loc": loc, "scale": scale}


def integer(seed, n, k, offset=0):
    return {"kind": "integer", "seed": seed, "n": n, "k": k, "offset": offset}


def uniform(seed, n, lo, hi):
    return {"kind": "uniform", "seed": seed, "n": n, "lo": lo, "hi": hi}


def categorical(seed, n, categories, probs):
    cum, acc = [], 0.0
    for p in probs:
        acc += p
        cum.append(acc)
    cum[-1] = 1.0
    return {"kind": "categorical", "seed": seed, "n": n, "categories": categories, "cumulative": cum}


def f(x) -> float:
    return float(x)


def write(name: str, payload: dict) -> None:
    payload = {"generator": "libs/drift-stats/scripts/generate_stat_fixtures.py",
               "scipy": scipy.__version__, "numpy": np.__version__, **payload}
    path = os.path.join(OUT, name)
    with open(path, "w") as fh:
        json.dump(payload, fh, separators=(",", ":"), allow_nan=False)
        fh.write("\n")
    print(f"{name}: {os.path.getsize(path)} bytes")


# --------------------------------------------------------------------------- special functions
def special_functions() -> None:
    kolmogorov = []
    ns = [1, 2, 3, 5, 10, 50, 100, 140, 141, 500, 1000, 5000, 20000, 100000, 100001, 250000,
          1000000, 1000001, 3000000]
    for n in ns:
        # the exact one-sided sum is O(n): fewer points where n is large keeps the spec quick
        zs = [0.05, 0.2, 0.35, 0.5, 0.7, 0.87, 1.0, 1.2, 1.36, 1.5, 1.8, 2.2, 3.0, 5.0]
        if 200000 <= n <= 1000000:
            zs = [0.5, 1.36, 3.0]
        for z in zs:
            x = z / math.sqrt(n)
            if x >= 1:
                continue
            kolmogorov.append({"n": n, "x": x, "sf": f(stats.kstwo.sf(x, n)), "smirnov": f(smirnov(n, x))})
        for x in [0.5 / n, 0.75 / n, 1.0 / n, 0.3, 0.5, 0.6, 1 - 1.0 / n, 0.99] if n < 200000 else [0.5 / n, 1.0 / n]:
            if 0 < x < 1:
                kolmogorov.append({"n": n, "x": x, "sf": f(stats.kstwo.sf(x, n)), "smirnov": f(smirnov(n, x))})
    chi2 = []
    for df in [1, 2, 3, 4, 5, 9, 10, 29, 100, 999]:
        for q in [0.0, 1e-3, 0.1, 0.5, 1, 2, 3.84, 5, 10, 20, 50, 120, 400, 1500]:
            chi2.append({"x": q, "df": df, "sf": f(stats.chi2.sf(q, df))})
    normal_sf = [{"z": z, "sf": f(stats.norm.sf(z))}
                 for z in [-8, -3, -1.96, -1, -0.1, 0, 1e-6, 0.1, 0.5, 1, 1.645, 1.96, 2.5, 3, 4, 6, 8, 12]]
    lgamma = [{"x": x, "lgamma": f(math.lgamma(x))}
              for x in [1e-8, 0.01, 0.1, 0.5, 1, 1.5, 2, 2.5, 3, 7.25, 10, 15.5, 30, 171.3, 1e3, 1e6, 1e9]]
    write("special-functions.json", {"kolmogorov": kolmogorov, "chi2": chi2, "normalSf": normal_sf,
                                     "lgamma": lgamma})


# --------------------------------------------------------------------------- KS
def ks_cases() -> None:
    cases = []

    def add(name, ref_spec, cur_spec, inline_max=400):
        ref = generate(ref_spec)
        cur = generate(cur_spec)
        res = stats.ks_2samp(ref, cur)  # alternative='two-sided', method='auto'
        mode = "exact" if max(len(ref), len(cur)) <= 10000 else "asymp"
        cases.append({"name": name,
                      "reference": data(ref_spec, len(ref) <= inline_max),
                      "current": data(cur_spec, len(cur) <= inline_max),
                      "statistic": f(res.statistic), "pValue": f(res.pvalue), "mode": mode})

    add("tiny equal n=5", normal(1, 5), normal(2, 5, 0.5))
    add("single values 1 vs 1", normal(3, 1), normal(4, 1, 1.0))
    add("1 vs 20", normal(5, 1), normal(6, 20))
    add("equal n=10 shift", normal(7, 10), normal(8, 10, 1.0))
    add("unequal 7 vs 13", normal(9, 7), normal(10, 13, 0.25))
    add("unequal 100 vs 37", normal(11, 100), normal(12, 37, 0.3, 1.5))
    add("ties integer 60 vs 45", integer(13, 60, 6), integer(14, 45, 6, 0))
    add("ties integer 300 vs 250 shifted", integer(15, 300, 10), integer(16, 250, 10, 1))
    add("identical draws 200 vs 200", normal(17, 200), normal(17, 200))
    add("equal n=500 null", normal(18, 500), normal(19, 500))
    add("1000 vs 999 small shift", normal(20, 1000), normal(21, 999, 0.1))
    add("3000 vs 2000 scale change", normal(22, 3000), normal(23, 2000, 0.0, 1.25))
    add("2500 vs 1250 gcd case", uniform(24, 2500, 0.0, 1.0), uniform(25, 1250, 0.0, 1.0))
    add("10000 vs 10000 exact null", normal(26, 10000), normal(27, 10000))
    add("10000 vs 7000 exact shift", normal(28, 10000), normal(29, 7000, 0.05))
    add("10001 vs 50 asymp", normal(30, 10001), normal(31, 50, 0.2))
    add("10001 vs 10001 asymp half-even rounding", normal(32, 10001), normal(33, 10001, 0.02))
    add("20000 vs 15000 asymp small shift", normal(34, 20000), normal(35, 15000, 0.03))
    add("30000 vs 12000 asymp strong shift", normal(36, 30000), normal(37, 12000, 0.5))
    add("12000 vs 3 asymp tiny current", normal(38, 12000), normal(39, 3, 1.0))
    add("ties 15000 vs 11000 asymp", integer(40, 15000, 20), integer(41, 11000, 20))
    add("disjoint 40 vs 30", normal(42, 40), normal(43, 30, 10.0))
    write("ks.json", {"cases": cases})


# --------------------------------------------------------------------------- Wasserstein
def wasserstein_cases() -> None:
    cases = []

    def add(name, ref_spec, cur_spec, inline_max=400):
        ref, cur = generate(ref_spec), generate(cur_spec)
        w = stats.wasserstein_distance(ref, cur)
        norm = max(float(np.std(ref)), 0.001)  # population std (ddof=0), floored
        cases.append({"name": name, "reference": data(ref_spec, len(ref) <= inline_max),
                      "current": data(cur_spec, len(cur) <= inline_max),
                      "wasserstein": f(w), "referenceStd": f(np.std(ref)), "wassersteinNormed": f(w / norm)})

    add("small", normal(101, 8), normal(102, 5, 0.5))
    add("shift", normal(103, 300), normal(104, 200, 1.0, 2.0))
    add("ties", integer(105, 250, 5), integer(106, 180, 5, 1))
    add("constant reference", integer(107, 50, 1, 3), normal(108, 40, 3.0))
    add("large", normal(109, 20000, 10.0, 3.0), normal(110, 15000, 10.5, 3.0))
    add("identical", normal(111, 100), normal(111, 100))
    write("wasserstein.json", {"cases": cases})


# --------------------------------------------------------------------------- binned distances
def smooth(p: np.ndarray) -> np.ndarray:
    q = p.copy()
    q[q == 0] = EPS_SMOOTH
    return q


def binned_metrics(ref_counts, cur_counts) -> dict:
    ref_counts = np.asarray(ref_counts, dtype=float)
    cur_counts = np.asarray(cur_counts, dtype=float)
    p = ref_counts / ref_counts.sum()
    q = cur_counts / cur_counts.sum()
    ps, qs = smooth(p), smooth(q)
    psi = float(np.sum((ps - qs) * np.log(ps / qs)))
    kl = float(stats.entropy(ps, qs))
    js = float(distance.jensenshannon(ps, qs))
    hellinger = float(np.sqrt(0.5 * np.sum((np.sqrt(p) - np.sqrt(q)) ** 2)))
    tvd = float(0.5 * np.sum(np.abs(p - q)))
    linf = float(np.max(np.abs(p - q)))
    return {"psi": psi, "klDivergence": kl, "jensenShannon": js, "hellinger": hellinger,
            "totalVariation": tvd, "lInfinity": linf}


def binned_cases() -> None:
    numerical = []

    def add_num(name, ref_spec, cur_spec, bins=10, inline_max=400):
        ref, cur = np.asarray(generate(ref_spec)), np.asarray(generate(cur_spec))
        edges = np.unique(np.quantile(ref, np.arange(1, bins) / bins))
        # bin i = (e[i-1], e[i]], open-ended at both sides: index = #edges strictly below x
        ref_counts = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1)
        cur_counts = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1)
        numerical.append({"name": name, "reference": data(ref_spec, len(ref) <= inline_max),
                          "current": data(cur_spec, len(cur) <= inline_max), "bins": bins,
                          "edges": [f(e) for e in edges],
                          "referenceCounts": [int(c) for c in ref_counts],
                          "currentCounts": [int(c) for c in cur_counts],
                          **binned_metrics(ref_counts, cur_counts)})

    add_num("normal shift", normal(201, 400), normal(202, 300, 0.5))
    add_num("scale change", normal(203, 1000), normal(204, 800, 0.0, 2.0))
    add_num("ties few distinct", integer(205, 300, 4), integer(206, 200, 4, 1))
    add_num("out of range current", uniform(207, 200, 0.0, 1.0), uniform(208, 150, 2.0, 3.0))
    add_num("large null", normal(209, 20000), normal(210, 20000))
    add_num("identical", normal(211, 100), normal(211, 100))

    categorical_cases = []

    def add_cat(name, ref_spec, cur_spec, inline_max=400):
        ref, cur = generate(ref_spec), generate(cur_spec)
        keys = sorted(set(ref) | set(cur))
        rc = [sum(1 for v in ref if v == k) for k in keys]
        cc = [sum(1 for v in cur if v == k) for k in keys]
        entry = {"name": name, "reference": data(ref_spec, len(ref) <= inline_max),
                 "current": data(cur_spec, len(cur) <= inline_max), "keys": keys,
                 "referenceCounts": rc, "currentCounts": cc, **binned_metrics(rc, cc)}
        table = np.array([rc, cc], dtype=float)
        if len(keys) >= 2:
            res = stats.chi2_contingency(table)  # default: Yates correction when dof == 1
            entry["chiSquare"] = {"statistic": f(res.statistic), "pValue": f(res.pvalue), "dof": int(res.dof)}
        else:
            entry["chiSquare"] = {"statistic": 0.0, "pValue": 1.0, "dof": 0}
        if len(keys) <= 2:
            positive = keys[0]
            n1, n2 = len(ref), len(cur)
            p1 = rc[0] / n1
            p2 = cc[0] / n2
            pooled = (rc[0] + cc[0]) / (n1 + n2)
            if 0 < pooled < 1:
                z = (p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
                pz = 2 * stats.norm.sf(abs(z))
            else:
                z, pz = 0.0, 1.0
            entry["zTest"] = {"positive": positive, "statistic": f(abs(z)), "pValue": f(pz)}
        categorical_cases.append(entry)

    cats = ["a", "b", "c", "d", "e"]
    add_cat("five categories shift", categorical(301, 300, cats, [0.3, 0.3, 0.2, 0.1, 0.1]),
            categorical(302, 250, cats, [0.2, 0.2, 0.2, 0.2, 0.2]))
    add_cat("unseen category in current", categorical(303, 200, ["a", "b", "c"], [0.5, 0.3, 0.2]),
            categorical(304, 150, ["a", "b", "c", "z"], [0.4, 0.3, 0.2, 0.1]))
    add_cat("category missing from current", categorical(305, 200, ["a", "b", "c"], [0.5, 0.3, 0.2]),
            categorical(306, 100, ["a", "b"], [0.6, 0.4]))
    add_cat("binary close", categorical(307, 300, ["false", "true"], [0.7, 0.3]),
            categorical(308, 280, ["false", "true"], [0.66, 0.34]))
    add_cat("binary shifted", categorical(309, 900, ["no", "yes"], [0.8, 0.2]),
            categorical(310, 700, ["no", "yes"], [0.6, 0.4]))
    add_cat("binary large", categorical(311, 20000, ["0", "1"], [0.5, 0.5]),
            categorical(312, 20000, ["0", "1"], [0.49, 0.51]))
    add_cat("many categories large", categorical(313, 30000, [f"c{i:02d}" for i in range(30)], [1 / 30] * 30),
            categorical(314, 10000, [f"c{i:02d}" for i in range(30)], [1 / 30] * 30))
    write("binned.json", {"smoothing": EPS_SMOOTH, "numerical": numerical, "categorical": categorical_cases})


# --------------------------------------------------------------------------- Anderson-Darling
def anderson_cases() -> None:
    cases = []

    def add(name, ref_spec, cur_spec, inline_max=400):
        ref, cur = generate(ref_spec), generate(cur_spec)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = stats.anderson_ksamp([ref, cur], variant="midrank")
        cases.append({"name": name, "reference": data(ref_spec, len(ref) <= inline_max),
                      "current": data(cur_spec, len(cur) <= inline_max),
                      "statistic": f(res.statistic), "pValue": f(res.pvalue)})

    add("null", normal(401, 200), normal(402, 150))
    add("moderate shift", normal(403, 200), normal(404, 150, 0.3))
    add("p interpolated", normal(405, 300), normal(406, 300, 0.2))
    add("strong shift capped", normal(407, 100), normal(408, 100, 2.0))
    add("ties", integer(409, 120, 5), integer(410, 90, 5))
    add("small", normal(411, 10), normal(412, 8, 0.5))
    add("large", normal(413, 5000), normal(414, 4000, 0.05))
    write("anderson-darling.json", {"cases": cases})


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    special_functions()
    ks_cases()
    wasserstein_cases()
    binned_cases()
    anderson_cases()


if __name__ == "__main__":
    sys.exit(main())
