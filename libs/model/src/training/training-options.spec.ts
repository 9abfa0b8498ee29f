import { InvalidModelOptionError } from '../errors';
import { parseTrainingOptions } from './training-options';

describe('parseTrainingOptions', () => {
  it('fills the defaults', () => {
    expect(parseTrainingOptions({ task: 'binary' })).toMatchObject({
      hiddenUnits: [64, 32],
      batchSize: 256,
      maxEpochs: 50,
      patience: 5,
      validationFraction: 0.2,
      seed: 0,
    });
  });

  it('names the bad option', () => {
    expect(() => parseTrainingOptions({ task: 'ranking' })).toThrow(InvalidModelOptionError);
    expect(() => parseTrainingOptions({ task: 'binary', batchSize: 0 })).toThrow(/^batchSize: /);
    expect(() => parseTrainingOptions({ task: 'binary', hiddenUnits: [8, -1] })).toThrow(/^hiddenUnits\.1: /);
    expect(() => parseTrainingOptions({ task: 'binary', validationFraction: 0.9 })).toThrow(/^validationFraction: /);
    expect(() => parseTrainingOptions({ task: 'binary', epochs: 3 })).toThrow(/epochs/);
  });
});
