import { checkTrainingSet } from './check-training-set';

describe('checkTrainingSet', () => {
  const window = '[2026-01-01T00:00:00.000Z, 2026-01-02T00:00:00.000Z)';

  it('accepts enough rows with two classes', () => {
    expect(checkTrainingSet({ task: 'binary', labels: ['a', 'b', 'a'], trainLabels: ['a', 'b'], minRows: 3, window })).toEqual({ ok: true });
  });

  it('refuses too few rows, naming the count and the window', () => {
    const result = checkTrainingSet({ task: 'binary', labels: [], trainLabels: [], minRows: 100, window });
    expect(result).toEqual({ ok: false, detail: `0 labeled row(s) in ${window}; at least 100 are needed` });
  });

  it('refuses a single class, overall or in the training part', () => {
    expect(checkTrainingSet({ task: 'binary', labels: ['a', 'a'], trainLabels: ['a'], minRows: 1, window })).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/single class/),
    });
    expect(checkTrainingSet({ task: 'binary', labels: ['a', 'a', 'b'], trainLabels: ['a', 'a'], minRows: 1, window })).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/training rows .* single class "a"/),
    });
  });

  it('needs no classes for regression', () => {
    expect(checkTrainingSet({ task: 'regression', labels: [1, 1], trainLabels: [1], minRows: 2, window })).toEqual({ ok: true });
  });
});
