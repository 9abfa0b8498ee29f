import { resolveTask } from './resolve-task';

describe('resolveTask', () => {
  it('keeps the champion task, positive class and the feature types the rows still have', () => {
    const champion = {
      task: 'binary' as const,
      classes: ['reject', 'approve'],
      schema: [
        { name: 'car', type: 'categorical' as const },
        { name: 'gone', type: 'numerical' as const },
      ],
    };
    expect(resolveTask(['approve', 'reject'], ['car', 'age'], { champion })).toEqual({
      task: 'binary',
      positiveLabel: 'approve',
      features: [{ name: 'car', type: 'categorical' }],
    });
  });

  it('infers the task from the labels without a champion', () => {
    expect(resolveTask(['a', 'b', 'a'], []).task).toBe('binary');
    expect(resolveTask(['a', 'b', 'c'], []).task).toBe('multiclass');
    expect(resolveTask([true, false], []).task).toBe('binary');
    expect(resolveTask([0, 1, 1], []).task).toBe('binary');
    expect(resolveTask([0, 1, 2, 3], []).task).toBe('multiclass');
    expect(resolveTask([0.5, 1.25, 3], []).task).toBe('regression');
    expect(resolveTask(Array.from({ length: 50 }, (_, i) => i), []).task).toBe('regression');
  });

  it('declares the configured categorical features that the rows have', () => {
    expect(resolveTask(['a', 'b'], ['zipcode', 'age'], { categoricalFeatures: ['zipcode', 'elevel'] }).features).toEqual([
      { name: 'zipcode', type: 'categorical' },
    ]);
  });
});
