/**
 * `npm run bench:model`: training time on 50k Agrawal-like rows and batched prediction
 * throughput (batches of 1, 64, 1024, 8192 rows) on wasm, with the pure-JS cpu backend measured
 * in the same run as the baseline. Prints a table; the last line is `RESULT {json}`.
 *
 * Options: --rows=50000 --epochs=5 --backends=wasm,cpu --budget-ms=1500
 */
import * as tf from '@tensorflow/tfjs';
import { selectBackend, trainTabularModel, type BackendName, type TabularModel } from '@mlops/model';
import { AGRAWAL_FEATURES, agrawalTable } from './agrawal-table';
import { timeRepeated } from './measure';

const BATCHES = [1, 64, 1024, 8192] as const;

interface Args {
  rows: number;
  epochs: number;
  backends: BackendName[];
  budgetMs: number;
}

function parseArgs(argv: readonly string[]): Args {
  const get = (name: string, fallback: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  return {
    rows: Number(get('rows', '50000')),
    epochs: Number(get('epochs', '5')),
    backends: get('backends', 'wasm,cpu').split(',') as BackendName[],
    budgetMs: Number(get('budget-ms', '1500')),
  };
}

interface TrainingResult {
  readonly ms: number;
  readonly epochs: number;
  readonly msPerEpoch: number;
  readonly validationAccuracy: number;
  readonly inputColumns: number;
}

interface PredictionResult {
  readonly batch: number;
  readonly calls: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** batch / median latency: robust to the preemptions of a busy machine. */
  readonly rowsPerSecond: number;
  /** rows / total time: includes every pause (GC, other processes). */
  readonly meanRowsPerSecond: number;
  /** The network alone on pre-encoded rows (at the median): the rest is validation, encoding and decoding. */
  readonly networkRowsPerSecond: number;
}

async function benchTraining(args: Args): Promise<{ model: TabularModel; result: TrainingResult }> {
  const data = agrawalTable(args.rows, 42);
  const start = performance.now();
  const epochMs: number[] = [];
  let last = start;
  const model = await trainTabularModel(data, {
    task: 'binary',
    features: [...AGRAWAL_FEATURES],
    hiddenUnits: [64, 32],
    batchSize: 256,
    maxEpochs: args.epochs,
    // No early stop inside the measured epochs: every backend trains the same number.
    patience: args.epochs,
    seed: 7,
    onProgress: () => {
      const now = performance.now();
      epochMs.push(now - last);
      last = now;
    },
  });
  const ms = performance.now() - start;
  return {
    model,
    result: {
      ms,
      epochs: model.metadata.training.epochs,
      msPerEpoch: epochMs.reduce((a, b) => a + b, 0) / epochMs.length,
      validationAccuracy: model.metrics['accuracy'] ?? Number.NaN,
      inputColumns: model.preprocessor.width,
    },
  };
}

async function benchPrediction(model: TabularModel, budgetMs: number): Promise<PredictionResult[]> {
  const pool = agrawalTable(8192, 4242).map((e) => e.features);
  const results: PredictionResult[] = [];
  for (const batch of BATCHES) {
    let offset = 0;
    const timing = await timeRepeated(
      () => {
        // Rotate through the pool so small batches do not predict one row over and over.
        const rows = batch === pool.length ? pool : pool.slice(offset, offset + batch);
        offset = (offset + batch) % (pool.length - batch + 1);
        return model.predict(rows, { batchSize: batch });
      },
      budgetMs,
      5,
    );
    const network = await timeNetwork(model, model.preprocessor.transform(pool.slice(0, batch)), batch, budgetMs);
    results.push({
      batch,
      calls: timing.calls,
      medianMs: timing.medianMs,
      p95Ms: timing.p95Ms,
      rowsPerSecond: batch / (timing.medianMs / 1000),
      meanRowsPerSecond: (batch * timing.calls) / (timing.totalMs / 1000),
      networkRowsPerSecond: batch / (network.medianMs / 1000),
    });
  }
  return results;
}

/** The same call the model makes (one batch, explicit batch size), minus preprocessing and decoding. */
function timeNetwork(model: TabularModel, encoded: Float32Array, batch: number, budgetMs: number) {
  return timeRepeated(
    async () => {
      const x = tf.tensor2d(encoded, [batch, model.preprocessor.width]);
      const y = model.network.predictOnBatch(x) as tf.Tensor;
      await y.data();
      x.dispose();
      y.dispose();
    },
    budgetMs,
    5,
  );
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const result: Record<string, { training: TrainingResult; prediction: PredictionResult[] }> = {};
  for (const backend of args.backends) {
    await selectBackend(backend);
    process.stdout.write(`[${backend}] training ${args.rows} rows × 9 features, ${args.epochs} epochs …\n`);
    const { model, result: training } = await benchTraining(args);
    process.stdout.write(`[${backend}] predicting …\n`);
    const prediction = await benchPrediction(model, args.budgetMs);
    model.dispose();
    result[backend] = { training, prediction };
  }

  process.stdout.write(`\nTraining: ${args.rows} rows (80% train, 20% validation), MLP inputs→64→32→1, batch 256, Adam\n`);
  process.stdout.write(
    `${table([
      ['backend', 'input cols', 'epochs', 'total s', 's/epoch', 'val accuracy'],
      ...Object.entries(result).map(([b, r]) => [
        b,
        String(r.training.inputColumns),
        String(r.training.epochs),
        (r.training.ms / 1000).toFixed(2),
        (r.training.msPerEpoch / 1000).toFixed(2),
        r.training.validationAccuracy.toFixed(4),
      ]),
    ])}\n`,
  );
  process.stdout.write('\nPrediction: model.predict(records, { batchSize }) end to end (validation, encoding, network, decoding)\n');
  process.stdout.write(
    `${table([
      ['backend', 'batch', 'calls', 'median ms', 'p95 ms', 'rows/s (median)', 'rows/s (mean)', 'network only rows/s'],
      ...Object.entries(result).flatMap(([b, r]) =>
        r.prediction.map((p) => [
          b,
          String(p.batch),
          String(p.calls),
          p.medianMs.toFixed(3),
          p.p95Ms.toFixed(3),
          Math.round(p.rowsPerSecond).toLocaleString('en-US'),
          Math.round(p.meanRowsPerSecond).toLocaleString('en-US'),
          Math.round(p.networkRowsPerSecond).toLocaleString('en-US'),
        ]),
      ),
    ])}\n`,
  );
  const round = (v: number, digits: number) => Number(v.toFixed(digits));
  const json = {
    rows: args.rows,
    epochs: args.epochs,
    node: process.version,
    backends: Object.fromEntries(
      Object.entries(result).map(([b, r]) => [
        b,
        {
          trainSeconds: round(r.training.ms / 1000, 3),
          secondsPerEpoch: round(r.training.msPerEpoch / 1000, 3),
          validationAccuracy: round(r.training.validationAccuracy, 4),
          predict: Object.fromEntries(
            r.prediction.map((p) => [`batch${p.batch}`, {
                rowsPerSecond: Math.round(p.rowsPerSecond),
                meanRowsPerSecond: Math.round(p.meanRowsPerSecond),
                medianMs: round(p.medianMs, 4),
                p95Ms: round(p.p95Ms, 4),
                networkRowsPerSecond: Math.round(p.networkRowsPerSecond),
              }]),
          ),
        },
      ]),
    ),
  };
  process.stdout.write(`RESULT ${JSON.stringify(json)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
