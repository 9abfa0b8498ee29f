import { catchAsyncError } from '../__tests__/catch-error';
import { binaryExamples, FAST, multiclassExamples, regressionExamples } from '../__tests__/synthetic-examples';
import { selectBackend } from '../backend/select-backend';
import {
  EmptyTrainingSetError,
  FeatureTypeError,
  InvalidLabelError,
  InvalidModelOptionError,
  InvalidTrainingDataError,
  MissingFeatureError,
  NonFiniteFeatureError,
  SingleClassError,
} from '../errors';
import type { ClassPrediction } from '../target/decode-outputs';
import { trainTabularModel } from './train-tabular-model';
import type { TrainingExample } from './training-example';
import type { TrainingProgress } from './training-progress';

beforeAll(() => selectBackend('wasm'));

describe('trainTabularModel', () => {
  it('binary: learns the rule, reports progress every epoch, records metadata and metrics', async () => {
    const progress: TrainingProgress[] = [];
    const messages: string[] = [];
    const logger = {
      debug: () => undefined,
      info: (m: string) => void messages.push(m),
      warn: () => undefined,
      error: () => undefined,
      child: () => logger,
    };
    const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' };
    const model = await trainTabularModel(binaryExamples(400), {
      task: 'binary',
      ...FAST,
      dataWindow: window,
      onProgress: (p) => progress.push(p),
      logger,
      now: () => Date.UTC(2026, 0, 9),
    });

    expect(model.classes).toEqual(['no', 'yes']);
    expect(model.schema).toEqual([
      { name: 'color', type: 'categorical' },
      { name: 'flag', type: 'boolean' },
      { name: 'x', type: 'numerical' },
    ]);
    expect(model.metrics.accuracy).toBeGreaterThan(0.9);
    expect(Object.keys(model.metrics).sort()).toEqual(['accuracy', 'f1', 'log_loss', 'roc_auc']);
    expect(model.metadata.training).toMatchObject({ rows: 400, trainRows: 320, validationRows: 80, dataWindow: window, backend: 'wasm' });
    expect(model.metadata.trainedAt).toBe('2026-01-09T00:00:00.000Z');
    expect(model.metadata.versions.tfjs).toBe('4.22.0');

    expect(progress.map((p) => p.epoch)).toEqual(Array.from({ length: model.metadata.training.epochs }, (_, i) => i + 1));
    const last = progress[progress.length - 1];
    expect(last).toMatchObject({ maxEpochs: FAST.maxEpochs, validationMetric: { name: 'accuracy' } });
    expect(Number.isFinite(last.loss) && Number.isFinite(last.validationLoss)).toBe(true);
    expect(progress.every((p) => p.elapsedMs >= 0)).toBe(true);
    expect(messages[0]).toBe('training started');
    expect(messages[messages.length - 1]).toMatch(/^training completed in \d+\.\d s$/);

    const [p] = (await model.predict([{ x: 1.5, color: 'red', flag: false }])) as ClassPrediction[];
    expect(p.label).toBe('yes');
    expect(p.probabilities['yes'] + p.probabilities['no']).toBeCloseTo(1, 6);
    model.dispose();
  });

  it('multiclass: softmax over the classes', async () => {
    const model = await trainTabularModel(multiclassExamples(400), { task: 'multiclass', ...FAST });
    expect(model.classes).toEqual([0, 1, 2]);
    expect(model.metrics.accuracy).toBeGreaterThan(0.85);
    const [p] = (await model.predict([{ x: -1.8, color: 'blue', flag: true }])) as ClassPrediction[];
    expect(p.label).toBe(0);
    expect(Object.values(p.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    model.dispose();
  });

  it('regression: predicts in label units, reports MAE in label units', async () => {
    const progress: TrainingProgress[] = [];
    const model = await trainTabularModel(regressionExamples(400), { task: 'regression', ...FAST, onProgress: (p) => progress.push(p) });
    expect(model.metrics.r2).toBeGreaterThan(0.9);
    expect(model.metrics.mae).toBeLessThan(100);
    expect(progress[0].validationMetric.name).toBe('mae');
    const [y] = (await model.predict([{ x: 1, color: 'red', flag: true }])) as number[];
    expect(y).toBeGreaterThan(1300);
    expect(y).toBeLessThan(1700);
    model.dispose();
  });

  it('is reproducible: the same seed gives the same weights, another seed others', async () => {
    const data = binaryExamples(200);
    const options = { task: 'binary', ...FAST, maxEpochs: 5 } as const;
    const [a, b, c] = [
      await trainTabularModel(data, { ...options, seed: 11 }),
      await trainTabularModel(data, { ...options, seed: 11 }),
      await trainTabularModel(data, { ...options, seed: 12 }),
    ];
    const rows = data.map((e) => e.features);
    const [oa, ob, oc] = [await a.predictOutputs(rows), await b.predictOutputs(rows), await c.predictOutputs(rows)];
    expect(Array.from(ob)).toEqual(Array.from(oa));
    expect(Array.from(oc)).not.toEqual(Array.from(oa));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('stops early and keeps the best epoch', async () => {
    const progress: TrainingProgress[] = [];
    const model = await trainTabularModel(binaryExamples(200), {
      task: 'binary',
      ...FAST,
      learningRate: 0.05,
      maxEpochs: 200,
      patience: 2,
      minDelta: 0.01,
      onProgress: (p) => progress.push(p),
    });
    const t = model.metadata.training;
    expect(t.stoppedEarly).toBe(true);
    expect(t.epochs).toBeLessThan(200);
    expect(t.epochs - t.bestEpoch).toBe(2);
    expect(progress[t.bestEpoch - 1].improved).toBe(true);
    expect(model.metrics.accuracy).toBeCloseTo(progress[t.bestEpoch - 1].validationMetric.value, 5);
    model.dispose();
  });

  it('keeps zero weights on columns never active in training (unseen categories and missing values add nothing)', async () => {
    const model = await trainTabularModel(binaryExamples(200), { task: 'binary', ...FAST, maxEpochs: 5 });
    const columns = model.preprocessor.columnNames();
    const kernel = model.network.getWeights()[0].arraySync() as number[][];
    const row = (name: string) => kernel[columns.indexOf(name)];
    // x has nulls in training (every 25th row): its missing flag learns; flag and color never miss.
    expect(row('x#missing').some((w) => w !== 0)).toBe(true);
    for (const name of ['color#unknown', 'color#missing', 'flag#missing']) expect(row(name).every((w) => w === 0)).toBe(true);
    model.dispose();
  });

  it('saves a baseline profile of features, prediction, score and label', async () => {
    const model = await trainTabularModel(binaryExamples(120), { task: 'binary', ...FAST, maxEpochs: 3 });
    expect(model.baseline.rows).toBe(120);
    expect(model.baseline.schema).toEqual([
      { name: 'color', type: 'categorical', role: 'feature' },
      { name: 'flag', type: 'boolean', role: 'feature' },
      { name: 'x', type: 'numerical', role: 'feature' },
      { name: '__prediction__', type: 'categorical', role: 'prediction' },
      { name: '__score__', type: 'numerical', role: 'prediction' },
      { name: '__label__', type: 'categorical', role: 'label' },
    ]);
    model.dispose();
  });

  describe('refuses bad training data with a typed error', () => {
    const ok = binaryExamples(20);
    const withRow = (i: number, row: Partial<TrainingExample> & { features?: unknown }): TrainingExample[] =>
      ok.map((e, j) => (j === i ? ({ ...e, ...row } as TrainingExample) : e));
    // Declared types: with inferred ones, a wrong-typed value is a schema conflict instead.
    const features = [
      { name: 'x', type: 'numerical' },
      { name: 'color', type: 'categorical' },
      { name: 'flag', type: 'boolean' },
    ] as const;
    const train = (data: readonly TrainingExample[]) =>
      catchAsyncError(() => trainTabularModel(data, { task: 'binary', ...FAST, maxEpochs: 1, features: [...features] }));

    it('empty set, one row, one class', async () => {
      expect(await train([])).toBeInstanceOf(EmptyTrainingSetError);
      expect(await train(ok.slice(1, 2))).toBeInstanceOf(EmptyTrainingSetError);
      expect(await train(ok.map((e) => ({ ...e, label: 'yes' })))).toBeInstanceOf(SingleClassError);
    });

    it('NaN, Infinity and wrong types, naming feature and row', async () => {
      expect(await train(withRow(5, { features: { ...ok[5].features, x: Number.NaN } }))).toMatchObject({
        constructor: NonFiniteFeatureError,
        feature: 'x',
        row: 5,
      });
      expect(await train(withRow(2, { features: { ...ok[2].features, x: Number.NEGATIVE_INFINITY } }))).toBeInstanceOf(NonFiniteFeatureError);
      expect(await train(withRow(3, { features: { ...ok[3].features, flag: 'yes' } }))).toMatchObject({ constructor: FeatureTypeError, feature: 'flag', row: 3 });
      expect(await train(withRow(4, { features: { x: 1, color: 'red' } }))).toMatchObject({ constructor: MissingFeatureError, feature: 'flag', row: 4 });
    });

    it('bad labels', async () => {
      expect(await train(withRow(6, { label: null as unknown as string }))).toMatchObject({ constructor: InvalidLabelError, row: 6 });
      expect(await train(withRow(6, { label: 1 }))).toBeInstanceOf(InvalidLabelError);
      expect(
        await catchAsyncError(() => trainTabularModel(withRow(1, { label: Number.NaN }), { task: 'regression', ...FAST })),
      ).toBeInstanceOf(InvalidLabelError);
    });

    it('a schema conflict when types are inferred, naming the rows', async () => {
      const error = await catchAsyncError(() => trainTabularModel(withRow(3, { features: { ...ok[3].features, flag: 'yes' } }), { task: 'binary' }));
      expect(error).toBeInstanceOf(InvalidTrainingDataError);
      expect((error as Error).message).toBe('feature "flag" mixes boolean (first at row 0) and string (first at row 3) values; declare its type');
    });

    it('reserved names and bad options', async () => {
      expect(await train(ok.map((e) => ({ ...e, features: { ...e.features, __label__: 1 } })))).toBeInstanceOf(InvalidTrainingDataError);
      expect(await catchAsyncError(() => trainTabularModel(ok, { task: 'binary', learningRate: -1 }))).toBeInstanceOf(InvalidModelOptionError);
    });
  });
});
