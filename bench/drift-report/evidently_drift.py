"""Evidently's data drift report on two CSV files, for bench/drift-report (not part of the product).

    # the benchmark makes .cache/venv-evidently itself (see evidently-python.ts), or:
    EVIDENTLY_PYTHON=.venv/bin/python  # a Python with `pip install evidently` (tested: 0.7.23)
    python evidently_drift.py reference.csv current.csv report.html

Prints one line: EVIDENTLY {json} with the wall time, the CPU time (user + system), the peak
memory (ru_maxrss) and, per
column, the method, score and verdict of Evidently's DataDriftPreset (default stat tests and
thresholds), so the benchmark can compare the decisions with `mlops drift-report`.
"""
import json
import resource
import sys
import time

started = time.perf_counter()
import pandas as pd  # noqa: E402
from evidently import DataDefinition, Dataset, Report  # noqa: E402
from evidently.presets import DataDriftPreset  # noqa: E402

reference_path, current_path, html_path = sys.argv[1:4]
reference = pd.read_csv(reference_path)
current = pd.read_csv(current_path)
numerical = [c for c in reference.columns if c.startswith("num_")]
categorical = [c for c in reference.columns if c.startswith("cat_")]
definition = DataDefinition(numerical_columns=numerical, categorical_columns=categorical)
snapshot = Report([DataDriftPreset()]).run(
    current_data=Dataset.from_pandas(current, data_definition=definition),
    reference_data=Dataset.from_pandas(reference, data_definition=definition),
)
snapshot.save_html(html_path)
elapsed = time.perf_counter() - started

columns = {}
for metric in snapshot.dict()["metrics"]:
    config = metric.get("config", {})
    if config.get("type") != "evidently:metric_v2:ValueDrift":
        continue
    method, threshold, score = config["method"], float(config["threshold"]), float(metric["value"])
    hypothesis = "p_value" in method or "test" in method.lower()
    drifted = score < threshold if hypothesis else score >= threshold
    columns[config["column"]] = {"method": method, "score": score, "threshold": threshold, "drifted": drifted}

usage = resource.getrusage(resource.RUSAGE_SELF)
cpu_seconds = usage.ru_utime + usage.ru_stime
print("EVIDENTLY " + json.dumps({"seconds": elapsed, "cpuSeconds": cpu_seconds, "peakRssMb": usage.ru_maxrss / 1024, "columns": columns}))
