import { classifyDriftType } from './drift-type';

describe('classifyDriftType', () => {
  it.each([
    [false, false, false, 'none'],
    [true, false, false, 'data'],
    [true, true, false, 'data'],
    [false, true, false, 'prediction'],
    [false, false, true, 'concept'],
    [false, true, true, 'concept'],
    [true, false, true, 'data_and_concept'],
    [true, true, true, 'data_and_concept'],
  ])('data=%s prediction=%s degraded=%s → %s', (dataDrift, predictionDrift, performanceDegraded, expected) => {
    expect(classifyDriftType({ dataDrift, predictionDrift, performanceDegraded })).toBe(expected);
  });
});
