/**
 * Benchmark of @mlops/drift-stats (not a test: nothing here asserts timings).
 *
 *   node --expose-gc -r @swc-node/register bench/drift-stats/drift-stats.bench.ts [--rows 1000000]
 *
 * Measures, for 20 features (12 numerical + 8 categorical):
 * - window profile update throughput, row-wise (Kafka-like objects) and column-wise (batches);
 * - merge time of 16 partial window profiles;
 * - time to evaluate drift of all 20 features against a reference profile;
 * - memory of the profile at two stream lengths (retained heap and JSON size), plus process RSS;
 * and the same run of a naive exact baseline that keeps raw arrays, sorts them and computes the
 * exact two-sample KS test. Prints a table, then `RESULT {json}` as the very last line.
 */
import {
  Columns,
  DatasetProfile,
  evaluateDrift,
  FeatureSchema,
  ksStatTest,
  mergeAll,
  Mulberry32,
  ReferenceProfile,
  Row,
  WindowProfile,
} from '@mlops/drift-stats';

const NUMERICAL = 12;
const CATEGORICAL = 8;
const FEATURES = NUMERICAL + CATEGORICAL;
const POOL = 1 << 16;

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const ROWS = argument('rows', 1_000_000);
const REFERENCE_ROWS = argument('reference-rows', 100_000);
const LONG_ROWS = argument('long-rows', 3 * ROWS);

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

const schema: FeatureSchema[] = [
  ...Array.from({ length: NUMERICAL }, (_, i) => ({ name: `num_${i}`, type: 'numerical' as const })),
  ...Array.from({ length: CATEGORICAL }, (_, i) => ({ name: `cat_${i}`, type: 'categorical' as const })),
];

/** Columns of `n` synthetic rows; `shift` moves the distributions (drift). */
function makeColumns(n: number, seed: number, shift: number): Record<string, Float64Array | string[]> {
  const rng = new Mulberry32(seed);
  const columns: Record<string, Float64Array | string[]> = {};
  for (let f = 0; f < NUMERICAL; f++) {
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < 12; j++) s += rng.next();
      const v = f * 10 + (1 + f / 10) * (s - 6) + (f % 3 === 0 ? shift : 0);
      xs[i] = f % 4 === 3 ? Math.round(v) : v;
    }
    columns[`num_${f}`] = xs;
  }
  for (let f = 0; f < CATEGORICAL; f++) {
    const cardinality = 5 + f * 6;
    const vocabulary = Array.from({ length: cardinality + 2 }, (_, c) => `c${c}`);
    const xs: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      const c = Math.floor(cardinality * u * u) + (f % 2 === 0 && shift > 0 && u > 0.9 ? 2 : 0);
      xs[i] = vocabulary[c];
    }
    columns[`cat_${f}`] = xs;
  }
  return columns;
}

function rowsOf(columns: Record<string, Float64Array | string[]>, n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const row: Record<string, number | string> = {};
    for (const s of schema) row[s.name] = columns[s.name][i];
    return row;
  });
}

function slice(columns: Record<string, Float64Array | string[]>, start: number, end: number): Columns {
  const out: Record<string, ArrayLike<unknown>> = {};
  for (const [k, v] of Object.entries(columns)) out[k] = v instanceof Float64Array ? v.subarray(start, end) : v.slice(start, end);
  return out;
}

function time<T>(f: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const r = f();
  return [r, Number(process.hrtime.bigint() - t) / 1e6];
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function quantile(xs: number[], q: number): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** JS heap plus ArrayBuffer backing stores (typed arrays live outside the JS heap). */
function heapUsed(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function mb(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 100) / 100;
}

// ---------------------------------------------------------------------------------- data
const referenceColumns = makeColumns(REFERENCE_ROWS, 1, 0);
const poolColumns = makeColumns(POOL, 2, 0.5);
const poolRows = rowsOf(poolColumns, POOL);
const batches: Columns[] = [];
for (let start = 0; start < POOL; start += 8192) batches.push(slice(poolColumns, start, start + 8192));

const [reference, referenceMs] = time(() => ReferenceProfile.fromColumns(referenceColumns, schema, { seed: 7 }));

function feedRows(window: DatasetProfile, rows: number): void {
  for (let i = 0; i < rows; i++) window.update(poolRows[i & (POOL - 1)]);
}

function feedColumns(window: DatasetProfile, rows: number): void {
  let done = 0;
  let b = 0;
  while (done < rows) {
    window.updateColumns(batches[b++ % batches.length]);
    done += 8192;
  }
}

// warm-up (JIT)
feedRows(WindowProfile.forReference(reference), 50_000);
feedColumns(WindowProfile.forReference(reference), 50_000);

// ---------------------------------------------------------------------------------- updates
const rowWindow = WindowProfile.forReference(reference, { seed: 11 });
const [, rowMs] = time(() => feedRows(rowWindow, ROWS));
const columnWindow = WindowProfile.forReference(reference, { seed: 12 });
const [, columnMs] = time(() => feedColumns(columnWindow, ROWS));
const rowRate = (ROWS * FEATURES) / (rowMs / 1000);
// KS statistics from the sketches of exactly these ROWS rows (compared with the exact ones below)
const profileKs = schema
  .filter((s) => s.type === 'numerical')
  .map((s) => ksStatTest(reference.feature(s.name), rowWindow.feature(s.name)).score);
const columnRate = (Math.ceil(ROWS / 8192) * 8192 * FEATURES) / (columnMs / 1000);

// ---------------------------------------------------------------------------------- merge of 16 partials
const partials = Array.from({ length: 16 }, (_, p) => {
  const w = WindowProfile.forReference(reference, { seed: 100 + p });
  feedColumns(w, ROWS / 16);
  return w;
});
const mergeTimes: number[] = [];
let merged: WindowProfile = partials[0];
for (let r = 0; r < 7; r++) {
  const [m, ms] = time(() => mergeAll(partials));
  merged = m;
  mergeTimes.push(ms);
}
const mergedRowsOk = merged.rows === partials.reduce((a, p) => a + p.rows, 0);

// ---------------------------------------------------------------------------------- evaluation
const evalTimes: number[] = [];
let evaluation = evaluateDrift(reference, rowWindow);
for (let r = 0; r < 60; r++) {
  rowWindow.update(poolRows[r]); // invalidates every cached view: each run recomputes all of them
  const [e, ms] = time(() => evaluateDrift(reference, rowWindow));
  evaluation = e;
  if (r >= 10) evalTimes.push(ms);
}
const ksAll = { columns: Object.fromEntries(schema.filter((s) => s.type === 'numerical').map((s) => [s.name, { method: 'ks' as const }])) };
const ksTimes: number[] = [];
for (let r = 0; r < 60; r++) {
  rowWindow.update(poolRows[r]);
  const [, ms] = time(() => evaluateDrift(reference, rowWindow, ksAll));
  if (r >= 10) ksTimes.push(ms);
}

// ---------------------------------------------------------------------------------- memory vs stream length
function profileFootprint(rows: number): { heapBytes: number; jsonBytes: number } {
  const before = heapUsed();
  const w = WindowProfile.forReference(reference, { seed: 21 });
  feedColumns(w, rows);
  const after = heapUsed();
  const jsonBytes = JSON.stringify(w.toJSON()).length;
  return { heapBytes: Math.max(0, after - before), jsonBytes };
}
const shortFootprint = profileFootprint(ROWS);
const longFootprint = profileFootprint(LONG_ROWS);

// ---------------------------------------------------------------------------------- naive exact baseline
interface Naive {
  numerical: Float64Array[];
  categorical: string[][];
  length: number;
}
function naiveFeed(rows: number): Naive {
  const naive: Naive = {
    numerical: Array.from({ length: NUMERICAL }, () => new Float64Array(rows)),
    categorical: Array.from({ length: CATEGORICAL }, () => new Array<string>(rows)),
    length: rows,
  };
  for (let i = 0; i < rows; i++) {
    const row = poolRows[i & (POOL - 1)];
    for (let f = 0; f < NUMERICAL; f++) naive.numerical[f][i] = row[`num_${f}`] as number;
    for (let f = 0; f < CATEGORICAL; f++) naive.categorical[f][i] = row[`cat_${f}`] as string;
  }
  return naive;
}
const [naive, naiveFeedMs] = time(() => naiveFeed(ROWS));
const naiveRate = (ROWS * FEATURES) / (naiveFeedMs / 1000);
const referenceSorted = Array.from({ length: NUMERICAL }, (_, f) => (referenceColumns[`num_${f}`] as Float64Array).slice().sort());
const naiveKs: { d: number; p: number }[] = [];
const [, naiveEvalMs] = time(() => {
  for (let f = 0; f < NUMERICAL; f++) {
    const sorted = naive.numerical[f].slice().sort();
    const r = ksStatTest(referenceSorted[f], sorted);
    naiveKs.push({ d: r.score, p: r.pValue ?? Number.NaN });
  }
});
// accuracy of the sketch-based KS statistic against the exact one, on the same stream
const exactKs = naiveKs.map((k) => k.d);
const maxKsError = Math.max(...profileKs.map((d, i) => Math.abs(d - exactKs[i])));

function naiveFootprint(rows: number): number {
  const before = heapUsed();
  const n = naiveFeed(rows);
  const after = heapUsed();
  if (n.length !== rows) throw new Error('unreachable');
  return Math.max(0, after - before);
}
const naiveShort = naiveFootprint(ROWS);
const naiveLong = naiveFootprint(LONG_ROWS);
const peakRss = process.resourceUsage().maxRSS * 1024;

// ---------------------------------------------------------------------------------- report
const evalMedian = median(evalTimes);
const rows: [string, string, string][] = [
  ['reference profile build', `${REFERENCE_ROWS.toLocaleString()} rows`, `${referenceMs.toFixed(0)} ms`],
  ['update, row objects', `${ROWS.toLocaleString()} rows × ${FEATURES}`, `${(rowRate / 1e6).toFixed(2)} M values/s`],
  ['update, column batches', `${ROWS.toLocaleString()} rows × ${FEATURES}`, `${(columnRate / 1e6).toFixed(2)} M values/s`],
  ['naive: append raw values', `${ROWS.toLocaleString()} rows × ${FEATURES}`, `${(naiveRate / 1e6).toFixed(2)} M values/s`],
  ['merge 16 partial windows', `${(ROWS / 16).toLocaleString()} rows each`, `${median(mergeTimes).toFixed(2)} ms (median of 7)`],
  ['evaluate 20 features (default methods)', 'profiles', `${evalMedian.toFixed(2)} ms median, ${quantile(evalTimes, 0.95).toFixed(2)} ms p95`],
  ['evaluate 20 features (KS on 12 numerical)', 'profiles', `${median(ksTimes).toFixed(2)} ms median`],
  ['naive: sort + exact KS, 12 numerical', `${ROWS.toLocaleString()} rows`, `${naiveEvalMs.toFixed(0)} ms`],
  ['KS statistic, sketch vs exact', 'max |ΔD| over 12 features', maxKsError.toFixed(4)],
  ['window profile heap', `${ROWS.toLocaleString()} → ${LONG_ROWS.toLocaleString()} rows`, `${mb(shortFootprint.heapBytes)} → ${mb(longFootprint.heapBytes)} MB`],
  ['window profile JSON', `${ROWS.toLocaleString()} → ${LONG_ROWS.toLocaleString()} rows`, `${mb(shortFootprint.jsonBytes)} → ${mb(longFootprint.jsonBytes)} MB`],
  ['naive raw arrays', `${ROWS.toLocaleString()} → ${LONG_ROWS.toLocaleString()} rows`, `${mb(naiveShort)} → ${mb(naiveLong)} MB`],
  ['process peak RSS', 'whole run', `${mb(peakRss)} MB`],
];
const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), 8));
console.log(`drift-stats benchmark — node ${process.version}, ${gc ? 'gc exposed' : 'no --expose-gc: heap figures are noisy'}`);
for (const r of rows) console.log(`  ${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2]}`);
console.log(`  dataset drift share ${evaluation.datasetDrift.share.toFixed(3)} (${evaluation.datasetDrift.driftedCount}/${evaluation.datasetDrift.evaluatedCount}), merged row count ok: ${mergedRowsOk}`);
console.log(`  targets: updates ≥ 5 M values/s → ${rowRate >= 5e6 ? 'met' : 'missed'} (rows), ${columnRate >= 5e6 ? 'met' : 'missed'} (columns); evaluate ≤ 5 ms → ${evalMedian <= 5 ? 'met' : 'missed'}`);
console.log(
  `RESULT ${JSON.stringify({
    rows: ROWS,
    features: FEATURES,
    updateValuesPerSecondRows: Math.round(rowRate),
    updateValuesPerSecondColumns: Math.round(columnRate),
    naiveAppendValuesPerSecond: Math.round(naiveRate),
    merge16Ms: Number(median(mergeTimes).toFixed(3)),
    evaluate20FeaturesMs: Number(evalMedian.toFixed(3)),
    evaluate20FeaturesP95Ms: Number(quantile(evalTimes, 0.95).toFixed(3)),
    evaluateKsProfilesMs: Number(median(ksTimes).toFixed(3)),
    naiveSortExactKsMs: Number(naiveEvalMs.toFixed(1)),
    ksSketchMaxAbsError: Number(maxKsError.toFixed(5)),
    profileHeapBytes: { [ROWS]: shortFootprint.heapBytes, [LONG_ROWS]: longFootprint.heapBytes },
    profileJsonBytes: { [ROWS]: shortFootprint.jsonBytes, [LONG_ROWS]: longFootprint.jsonBytes },
    naiveBytes: { [ROWS]: naiveShort, [LONG_ROWS]: naiveLong },
    peakRssBytes: peakRss,
    gcExposed: gc !== undefined,
  })}`,
);
