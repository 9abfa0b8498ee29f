import { catchAsyncError, catchError } from '../__tests__/catch-error';
import { binaryExamples, FAST } from '../__tests__/synthetic-examples';
import { selectBackend } from '../backend/select-backend';
import { InvalidLabelError, InvalidModelOptionError, MissingFeatureError, UnexpectedFeatureError, UnknownCategoryError } from '../errors';
import type { ClassPrediction } from '../target/decode-outputs';
import { trainTabularModel } from '../training/train-tabular-model';
import type { TabularModel } from './tabular-model';

describe('TabularModel', () => {
  const data = binaryExamples(300);
  const rows = data.map((e) => e.features);
  let model: TabularModel;

  beforeAll(async () => {
    await selectBackend('wasm');
    model = await trainTabularModel(data, { task: 'binary', ...FAST, maxEpochs: 15 });
  });
  afterAll(() => model.dispose());

  it('gives the same predictions whatever the batch size', async () => {
    const whole = await model.predictOutputs(rows);
    expect(Array.from(await model.predictOutputs(rows, { batchSize: 1 }))).toEqual(Array.from(whole));
    expect(Array.from(await model.predictOutputs(rows, { batchSize: 7 }))).toEqual(Array.from(whole));
    expect(await model.predict([])).toEqual([]);
    await expect(model.predict(rows, { batchSize: 0 })).rejects.toThrow(InvalidModelOptionError);
  });

  it('names the feature and the row of a bad request', async () => {
    const error = await catchAsyncError(() => model.predict([rows[0], { x: 1, color: 'red' }]));
    expect(error).toBeInstanceOf(MissingFeatureError);
    expect((error as Error).message).toBe('row 1: feature "flag" is absent (send null for a missing value)');
    expect(catchError(() => model.validate({ x: 1, color: 'red', flag: true, age: 3 }))).toBeInstanceOf(UnexpectedFeatureError);
    expect(() => model.validate({ x: 1, color: 'red', flag: true })).not.toThrow();
  });

  it('predicts with missing values and unseen categories (unknown bucket), or refuses the category when asked', async () => {
    const [p] = (await model.predict([{ x: null, color: 'purple', flag: null }])) as ClassPrediction[];
    expect(p.score).toBeGreaterThanOrEqual(0);
    expect(p.score).toBeLessThanOrEqual(1);
    expect(await catchAsyncError(() => model.predict([{ x: 0, color: 'purple', flag: true }], { unknownCategories: 'error' }))).toMatchObject({
      constructor: UnknownCategoryError,
      feature: 'color',
      category: 'purple',
      row: 0,
    });
  });

  it('evaluates labeled rows, and refuses a class it never saw', async () => {
    const metrics = await model.evaluate(binaryExamples(200, 99));
    expect(metrics.accuracy).toBeGreaterThan(0.85);
    expect(metrics.roc_auc).toBeGreaterThan(0.9);
    expect(metrics.f1).toBeGreaterThan(0.8);
    expect(metrics.log_loss).toBeGreaterThan(0);
    await expect(model.evaluate([{ features: rows[0], label: 'maybe' }])).rejects.toThrow(InvalidLabelError);
  });
});
