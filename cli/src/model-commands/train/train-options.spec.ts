import { DEFAULT_RETRAIN_SETTINGS } from '@mlops/lifecycle';
import { UsageError } from '../../drift-report/errors';
import { parseTrainFlags } from './train-options';

const id = () => 'cli-train-fixed';

describe('parseTrainFlags', () => {
  it('fills the retraining service defaults and a new request id', () => {
    const options = parseTrainFlags({ data: 'train.csv', model: 'loan', inferRows: '10000' }, id);
    expect(options).toMatchObject({
      data: 'train.csv',
      model: 'loan',
      target: 'label',
      requestId: 'cli-train-fixed',
      deploy: false,
      publish: false,
      policy: { mode: 'better', margin: 0 },
      settings: { ...DEFAULT_RETRAIN_SETTINGS, training: {}, categoricalFeatures: [] },
    });
  });

  it('reads the training, window and deployment flags', () => {
    const options = parseTrainFlags(
      {
        data: 'd.csv',
        model: 'm',
        target: 'y',
        ignore: ['id', 'a,b'],
        categorical: ['zip'],
        dataWindow: '2026-11-01T00:00:00Z/2026-11-08T00:00:00Z',
        hiddenUnits: '32,16',
        maxEpochs: '20',
        learningRate: '0.01',
        minRows: '50',
        holdoutFraction: '0.25',
        minImprovement: '0.01',
        policy: 'not_worse',
        deploy: true,
        requestId: 'req-7',
      },
      id,
    );
    expect(options).toMatchObject({
      target: 'y',
      ignore: ['id', 'a', 'b'],
      dataWindow: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' },
      requestId: 'req-7',
      deploy: true,
      policy: { mode: 'not_worse', margin: 0.01 },
      settings: { minRows: 50, holdoutFraction: 0.25, minImprovement: 0.01, categoricalFeatures: ['zip'], training: { hiddenUnits: [32, 16], maxEpochs: 20, learningRate: 0.01 } },
    });
  });

  it('lists every bad flag in one message', () => {
    let error: unknown;
    try {
      parseTrainFlags({ data: 'd.csv', model: '../etc', hiddenUnits: '64;32', holdoutFraction: '1.5', minRows: 'ten', policy: 'best', dataWindow: 'yesterday' }, id);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toEqual([
      '--model "../etc": expected 1-128 letters, digits, ".", "_" or "-", starting with a letter or digit',
      '--hidden-units: expected layer sizes such as 64,32, got "64;32"',
      '--min-rows: expected an integer ≥ 2, got "ten"',
      '--holdout-fraction: expected a number > 0 and ≤ 0.9, got "1.5"',
      '--policy: expected better or not_worse, got "best"',
      expect.stringMatching(/^--data-window: expected FROM\/TO as ISO-8601 instants/),
    ]);
  });

  it('refuses --deploy with --publish, and --time-column with --data-window', () => {
    expect(() => parseTrainFlags({ data: 'd.csv', model: 'm', deploy: true, publish: true }, id)).toThrow(/--deploy and --publish exclude each other/);
    expect(() => parseTrainFlags({ data: 'd.csv', model: 'm', timeColumn: 'ts', dataWindow: '2026-01-01T00:00:00Z/2026-01-02T00:00:00Z' }, id)).toThrow(/--time-column and --data-window exclude each other/);
  });

  it('refuses a request id a contract would refuse', () => {
    expect(() => parseTrainFlags({ data: 'd.csv', model: 'm', requestId: 'has space' }, id)).toThrow(/--request-id: expected 1-128 printable ASCII characters without spaces/);
  });
});
