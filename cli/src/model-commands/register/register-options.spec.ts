import { parseRegisterFlags } from './register-options';

const id = () => 'cli-register-fixed';

describe('parseRegisterFlags', () => {
  it('reads an artifact registration with metrics and the request it answers', () => {
    const options = parseRegisterFlags(
      { model: 'fraud', artifact: './out', reference: 'holdout.csv', target: 'y', prediction: 'p', metric: ['auc=0.97', 'accuracy=0.9'], primaryMetric: 'auc', championMetric: '0.95', requestId: 'rq-1', publish: true },
      id,
    );
    expect(options).toMatchObject({
      kind: 'artifact',
      model: 'fraud',
      artifact: './out',
      reference: 'holdout.csv',
      metrics: { auc: 0.97, accuracy: 0.9 },
      primaryMetric: 'auc',
      championMetric: 0.95,
      requestId: 'rq-1',
      answersRequest: true,
      publish: true,
    });
  });

  it('generates a request id and reads --no-publish', () => {
    expect(parseRegisterFlags({ model: 'm', artifact: 'a', reference: 'r.csv', publish: false }, id)).toMatchObject({ requestId: 'cli-register-fixed', answersRequest: false, publish: false });
  });

  it('needs exactly one of --artifact and --from-event', () => {
    expect(() => parseRegisterFlags({ model: 'm' }, id)).toThrow(/give exactly one of --artifact <dir> .* and --from-event <file>/);
    expect(() => parseRegisterFlags({ model: 'm', artifact: 'a', fromEvent: 'e.json' }, id)).toThrow(/give exactly one of/);
  });

  it('takes everything from the event with --from-event', () => {
    expect(parseRegisterFlags({ fromEvent: 'e.json', publish: true }, id)).toEqual({ kind: 'event', eventFile: 'e.json', publish: true, output: { json: false, verbose: false } });
    expect(() => parseRegisterFlags({ fromEvent: 'e.json', metric: ['a=1'], reference: 'r.csv' }, id)).toThrow('--from-event takes everything from the event; drop --reference, --metric');
  });

  it('names bad metrics, a missing reference and a bad model name', () => {
    expect(() => parseRegisterFlags({ model: 'a b', artifact: 'a', metric: ['auc', 'f1=high', '1x=2'] }, id)).toThrow(
      [
        '--model "a b": expected 1-128 letters, digits, ".", "_" or "-", starting with a letter or digit',
        '--reference: required with --artifact (the data the version was trained or validated on: its baseline profile)',
        '--metric: expected NAME=VALUE with a finite value, e.g. accuracy=0.93, got "auc"',
        '--metric: expected NAME=VALUE with a finite value, e.g. accuracy=0.93, got "f1=high"',
        '--metric: expected NAME=VALUE with a finite value, e.g. accuracy=0.93, got "1x=2"',
      ].join('\n'),
    );
  });
});
