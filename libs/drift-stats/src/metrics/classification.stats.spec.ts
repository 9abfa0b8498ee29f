import { ClassificationStats } from './classification.stats';
import { IncompatibleStatsError, InvalidMetricOptionError, InvalidStatsJsonError } from './metric.errors';
import { rocAuc } from './roc-auc';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rows(seed: number, n: number): [number, number, number][] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const y = random() < 0.35 ? 1 : 0;
    const score = Math.min(1, Math.max(0, 0.35 + 0.3 * y + (random() - 0.5) * 0.7));
    return [y, score >= 0.5 ? 1 : 0, score];
  });
}

const statsOf = (data: [number, number, number][]) =>
  data.reduce((s, [y, p, score]) => s.update(y, p, score), new ClassificationStats());

describe('ClassificationStats', () => {
  it('computes the textbook metrics of a small binary example', () => {
    // TP = 2, FP = 1, FN = 1, TN = 2.
    const m = new ClassificationStats().updateMany([1, 1, 1, 0, 0, 0], [1, 1, 0, 1, 0, 0]).compute();
    expect(m).toMatchObject({ n: 6, accuracy: 4 / 6, precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
    expect(m.confusionMatrix).toEqual({ labels: [0, 1], counts: [[2, 1], [1, 2]] });
  });

  it('computes log loss, bias and AUC from scores', () => {
    const m = new ClassificationStats().updateMany([1, 0], [1, 0], [0.8, 0.4]).compute();
    expect(m.logLoss).toBeCloseTo((-Math.log(0.8) - Math.log(0.6)) / 2, 15);
    expect(m.meanScore).toBeCloseTo(0.6, 15);
    expect(m.positiveRate).toBe(0.5);
    expect(m.predictionBias).toBeCloseTo(0.1, 15);
    expect(m.rocAuc).toBe(1);
  });

  it('gives null (undefined) metrics when empty', () => {
    const m = new ClassificationStats().compute();
    expect(m).toMatchObject({ n: 0, accuracy: null, precision: null, recall: null, f1: null, macroF1: null });
    expect(m).toMatchObject({ rocAuc: null, rocAucErrorBound: null, logLoss: null, predictionBias: null });
    expect(m.confusionMatrix).toEqual({ labels: [], counts: [] });
  });

  it('counts bad labels as skipped and bad scores as invalid, never throwing', () => {
    const stats = new ClassificationStats();
    const bad = [null, undefined, Number.NaN, Infinity, {}, []] as unknown as number[];
    bad.forEach((b) => stats.update(b, 1, 0.5).update(1, b, 0.5));
    [Number.NaN, -0.1, 1.1, Infinity, null, '0.5'].forEach((s) => stats.update(1, 1, s as number));
    stats.update(1, 1); // no score given: neither scored nor invalid
    const m = stats.compute();
    expect(m).toMatchObject({ n: 7, skipped: 12, invalidScores: 6, scored: 0, accuracy: 1 });
  });

  it('reads booleans as 1 and 0, and sorts labels numbers first', () => {
    const m = new ClassificationStats().updateMany([true, 'b', 2, 'a'], [false, 'b', 2, 'a']).compute();
    expect(m.confusionMatrix.labels).toEqual([0, 1, 2, 'a', 'b']);
  });

  it('computes macro averages over the classes where they are defined', () => {
    // Class 2 is never predicted: its precision is undefined and left out.
    const m = new ClassificationStats().updateMany([0, 1, 2, 2, 0], [0, 1, 1, 1, 0]).compute();
    expect(m.perClass.map((c) => c.precision)).toEqual([1, 1 / 3, null]);
    expect(m.macroPrecision).toBeCloseTo((1 + 1 / 3) / 2, 15);
    expect(m.macroF1).toBeCloseTo((1 + 0.5 + 0) / 3, 15);
  });

  it('reports AUC within its bound of the exact value', () => {
    const data = rows(3, 5000);
    const m = statsOf(data).compute();
    const exact = rocAuc(
      data.map((r) => r[0]),
      data.map((r) => r[2]),
    )!;
    expect(Math.abs(m.rocAuc! - exact)).toBeLessThanOrEqual(m.rocAucErrorBound!);
    expect(m.rocAucErrorBound!).toBeLessThan(1e-3);
  });

  it('merges exactly: any partition and grouping gives the whole-stream result', () => {
    const data = rows(1, 3000);
    const [a, b, c] = [data.slice(0, 700), data.slice(700, 2100), data.slice(2100)].map(statsOf);
    const whole = statsOf(data);
    const left = a.clone().merge(b).merge(c);
    const right = c.clone().merge(b.clone().merge(a));
    expect(left.compute()).toEqual(whole.compute());
    expect(right.compute()).toEqual(whole.compute());
    expect(right.toJSON()).toEqual(whole.toJSON());
  });

  it('merges stats that saw different labels', () => {
    const a = new ClassificationStats().updateMany(['x', 'y'], ['x', 'x']);
    const b = new ClassificationStats().updateMany(['z', 'x'], ['z', 'y']);
    expect(a.merge(b).compute().confusionMatrix).toEqual({
      labels: ['x', 'y', 'z'],
      counts: [
        [1, 1, 0],
        [1, 0, 0],
        [0, 0, 1],
      ],
    });
  });

  it('round-trips through JSON without loss', () => {
    const stats = statsOf(rows(2, 1000)).update('other', 1).update(null, 1).update(1, 1, Number.NaN);
    const copy = ClassificationStats.fromJSON(JSON.parse(JSON.stringify(stats)));
    expect(copy.compute()).toEqual(stats.compute());
    expect(copy.toJSON()).toEqual(stats.toJSON());
  });

  it('keeps counts beyond 2^31 exact', () => {
    const json = new ClassificationStats().update(1, 1).update(0, 0).toJSON();
    const big = ClassificationStats.fromJSON({ ...json, confusion: [[3_000_000_000, 1], [0, 2 ** 40]] });
    const m = big.compute();
    expect(m.n).toBe(3_000_000_001 + 2 ** 40);
    expect(m.accuracy).toBe((3_000_000_000 + 2 ** 40) / (3_000_000_001 + 2 ** 40));
  });

  it('validates options and refuses to merge incompatible stats', () => {
    expect(() => new ClassificationStats({ bins: 0 })).toThrow(InvalidMetricOptionError);
    expect(() => new ClassificationStats({ bins: 2.5 })).toThrow('invalid bins 2.5: expected an integer');
    expect(() => new ClassificationStats({ positiveLabel: Number.NaN })).toThrow(InvalidMetricOptionError);
    expect(() => new ClassificationStats().merge(new ClassificationStats({ bins: 10 }))).toThrow(IncompatibleStatsError);
    expect(() => new ClassificationStats().merge(new ClassificationStats({ positiveLabel: 'yes' }))).toThrow(
      'different positiveLabel',
    );
  });

  it('rejects malformed JSON with the failing path', () => {
    const json = new ClassificationStats().update(1, 1, 0.5).toJSON();
    expect(() => ClassificationStats.fromJSON({ kind: 'regression' })).toThrow(InvalidStatsJsonError);
    expect(() => ClassificationStats.fromJSON({ ...json, skipped: -1 })).toThrow('at skipped');
    expect(() => ClassificationStats.fromJSON({ ...json, confusion: [[1], [2]] })).toThrow('at labels');
    expect(() => ClassificationStats.fromJSON({ ...json, histogram: { positive: [[5000, 1]], negative: [] } })).toThrow(
      'histogram.positive[0]',
    );
  });
});
