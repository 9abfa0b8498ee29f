import { catchError } from '../__tests__/catch-error';
import { EmptyTrainingSetError, InvalidLabelError, InvalidModelOptionError, InvalidTrainingDataError, SingleClassError } from '../errors';
import { encodeTargets } from './encode-target';
import { fitTarget } from './fit-target';

describe('fitTarget', () => {
  it('sorts classes; in binary the larger one is positive unless positiveLabel says otherwise', () => {
    expect(fitTarget(['yes', 'no', 'yes'], 'binary')).toEqual({ task: 'binary', classes: ['no', 'yes'] });
    expect(fitTarget([1, 0], 'binary')).toEqual({ task: 'binary', classes: [0, 1] });
    expect(fitTarget([true, false], 'binary')).toEqual({ task: 'binary', classes: [false, true] });
    expect(fitTarget(['yes', 'no'], 'binary', { positiveLabel: 'no' })).toEqual({ task: 'binary', classes: ['yes', 'no'] });
    expect(fitTarget([10, 2, 1, 2], 'multiclass')).toEqual({ task: 'multiclass', classes: [1, 2, 10] });
  });

  it('refuses a single class, naming it', () => {
    const error = catchError(() => fitTarget(['a', 'a'], 'binary'));
    expect(error).toBeInstanceOf(SingleClassError);
    expect((error as Error).message).toMatch(/every training label is a/);
    expect(() => fitTarget([3, 3, 3], 'multiclass')).toThrow(SingleClassError);
  });

  it('refuses binary with three classes, a positiveLabel that is not a class, and no rows', () => {
    expect(() => fitTarget([1, 2, 3], 'binary')).toThrow(InvalidTrainingDataError);
    expect(() => fitTarget([0, 1], 'binary', { positiveLabel: 2 })).toThrow(InvalidModelOptionError);
    expect(() => fitTarget([], 'binary')).toThrow(EmptyTrainingSetError);
    expect(() => fitTarget([0, 1, 2], 'multiclass', { positiveLabel: 2 })).toThrow(/^positiveLabel: applies to task "binary" only$/);
  });

  it('refuses null, NaN, Infinity and mixed label types, naming the row', () => {
    expect(catchError(() => fitTarget([0, null, 1], 'binary'))).toMatchObject({ row: 1 });
    expect(() => fitTarget([0, Number.NaN, 1], 'binary')).toThrow(InvalidLabelError);
    expect(() => fitTarget([0, 1, '1'], 'binary')).toThrow(/row 2: label is a string "1"/);
    expect(() => fitTarget([1.5, Number.POSITIVE_INFINITY], 'regression')).toThrow(/row 1: label must be a finite number/);
    expect(() => fitTarget(['3'], 'regression')).toThrow(InvalidLabelError);
  });

  it('standardizes regression targets with the training rows only', () => {
    expect(fitTarget([1, 3, 100], 'regression', { trainRows: [0, 1] })).toEqual({ task: 'regression', mean: 2, std: 1 });
    expect(fitTarget([4, 4], 'regression')).toEqual({ task: 'regression', mean: 4, std: 1 });
  });
});

describe('encodeTargets', () => {
  it('encodes binary as 0/1, multiclass one-hot, regression standardized', () => {
    expect(Array.from(encodeTargets(['yes', 'no'], { task: 'binary', classes: ['no', 'yes'] }))).toEqual([1, 0]);
    expect(Array.from(encodeTargets([2, 1], { task: 'multiclass', classes: [1, 2, 3] }))).toEqual([0, 1, 0, 1, 0, 0]);
    expect(Array.from(encodeTargets([4, 0], { task: 'regression', mean: 2, std: 2 }))).toEqual([1, -1]);
  });

  it('refuses a label outside the classes (1 is not "1")', () => {
    expect(() => encodeTargets(['1'], { task: 'binary', classes: [0, 1] })).toThrow(/row 0: label a string "1" is not one of the model's classes/);
  });
});
