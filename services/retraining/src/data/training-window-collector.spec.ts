import type { ConsumedMessage } from '@mlops/kafka';
import { TrainingWindowCollector } from './training-window-collector';

const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' };
const labeled = (eventId: string, timestamp: string, label = 'approve', model = 'loan') => ({
  schemaVersion: 1,
  eventId,
  model,
  timestamp,
  features: { age: 30 },
  prediction: 'approve',
  label,
  labelTimestamp: '2026-01-03T00:00:00.000Z',
});
let offset = 0;
const message = (value: unknown, partition = 0): ConsumedMessage => ({
  topic: 'p.predictions.labeled',
  partition,
  offset: String(offset++),
  key: null,
  value: value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers: {},
  timestamp: '0',
});

describe('TrainingWindowCollector', () => {
  beforeEach(() => (offset = 10));

  it('keeps the model rows with event time in [from, to), each eventId once, oldest first', () => {
    const collector = new TrainingWindowCollector('loan', window, 100);
    collector.add([
      message(labeled('b', '2026-01-01T12:00:00.000Z', 'reject')),
      message(labeled('a', '2026-01-01T06:00:00.000Z')),
      message(labeled('before', '2025-12-31T23:59:59.999Z')),
      message(labeled('at-end', '2026-01-02T00:00:00.000Z')),
      message(labeled('other', '2026-01-01T06:00:00.000Z', 'approve', 'fraud')),
    ]);
    collector.add([message(labeled('a', '2026-01-01T06:00:00.000Z'), 1), message('not json', 1), message(null, 1), message({ model: 'loan', timestamp: '2026-01-01T01:00:00Z' }, 1)]);
    const result = collector.result();
    expect(result.examples).toEqual([
      { features: { age: 30 }, label: 'approve' },
      { features: { age: 30 }, label: 'reject' },
    ]);
    expect(result).toMatchObject({ scanned: 9, matched: 2, duplicates: 1, invalid: 3 });
    expect(result.offsets).toEqual([
      { topic: 'p.predictions.labeled', partition: 0, fromOffset: '10', toOffset: '15' },
      { topic: 'p.predictions.labeled', partition: 1, fromOffset: '15', toOffset: '19' },
    ]);
  });

  it('keeps only the newest rows beyond maxRows', () => {
    const collector = new TrainingWindowCollector('loan', window, 2);
    collector.add(['03', '01', '02'].map((h) => message(labeled(`e${h}`, `2026-01-01T${h}:00:00.000Z`, h))));
    const result = collector.result();
    expect(result.examples.map((e) => e.label)).toEqual(['02', '03']);
    expect(result.matched).toBe(3);
  });
});
