import { createRandom } from '../random/seeded-random';
import { PendingLabels } from './pending-labels';
import type { LabelRecord } from './simulation-record';

const label = (index: number, emittedAfter: number): LabelRecord => ({
  kind: 'label',
  index,
  phase: 'p',
  emittedAfter,
  event: { schemaVersion: 1, eventId: `e${index}`, model: 'm', label: 1, timestamp: '2026-01-01T00:00:00.000Z' },
});

describe('PendingLabels', () => {
  it('releases labels by due position, and in arrival order among equals', () => {
    const rng = createRandom(1);
    const pending = new PendingLabels();
    const pushed = Array.from({ length: 500 }, (_, i) => label(i, rng.int(0, 50)));
    pushed.forEach((l) => pending.push(l));
    const out = [...pending.takeDue(25), ...pending.drain()];
    const expected = [...pushed].sort((a, b) => a.emittedAfter - b.emittedAfter || a.index - b.index);
    expect(out.map((l) => l.index)).toEqual(expected.map((l) => l.index));
    expect(pending.size).toBe(0);
  });

  it('keeps labels that are not due yet', () => {
    const pending = new PendingLabels();
    [label(0, 5), label(1, 3), label(2, 9)].forEach((l) => pending.push(l));
    expect([...pending.takeDue(4)].map((l) => l.index)).toEqual([1]);
    expect(pending.size).toBe(2);
  });
});
