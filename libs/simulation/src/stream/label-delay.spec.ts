import { START, labels, predictions, run, scenario } from '../__test-support__/scenario-builder';
import { proportionTolerance } from '../__test-support__/statistics';
import type { SimulationRecord } from './simulation-record';

/** For each label, the index of the last prediction emitted before it (-1 if none). */
function predecessors(records: readonly SimulationRecord[]): Map<number, number> {
  const out = new Map<number, number>();
  let last = -1;
  for (const r of records) {
    if (r.kind === 'prediction') last = r.index;
    else out.set(r.index, last);
  }
  return out;
}

const timeOf = (r: SimulationRecord) => Date.parse(r.event.timestamp);

describe('label delay', () => {
  it('{ events: N } emits the label right after the N-th later prediction, with its time', () => {
    const records = run(scenario({ labels: { delay: { events: 7 } }, phases: [{ name: 'a', events: 200, concept: 2 }] }));
    const before = predecessors(records);
    const ps = predictions(records);
    for (const label of labels(records)) {
      const due = label.index + 7;
      // Labels due after the last prediction come at the end, still at their own due time.
      expect(before.get(label.index)).toBe(Math.min(due, 199));
      expect(timeOf(label)).toBe(START + due * 10);
      if (due < 200) expect(label.event.timestamp).toBe(ps[due].event.timestamp);
    }
    expect(labels(records)).toHaveLength(200);
  });

  it('{ events: 0 } emits each label right after its own prediction', () => {
    const records = run(scenario({ labels: { delay: { events: 0 } }, phases: [{ name: 'a', events: 50, concept: 2 }] }));
    expect(records.map((r) => `${r.kind[0]}${r.index}`).slice(0, 6)).toEqual(['p0', 'l0', 'p1', 'l1', 'p2', 'l2']);
  });

  it('{ seconds: T } stamps the label T later and emits it after every prediction made by then', () => {
    // 7 events/s: event times fall on rounded milliseconds, which is where off-by-ones hide.
    const records = run(scenario({ labels: { delay: { seconds: 1.5 } }, phases: [{ name: 'a', events: 300, concept: 2 }] }), { rate: 7 });
    const ps = predictions(records);
    for (const [position, record] of records.entries()) {
      if (record.kind !== 'label') continue;
      expect(timeOf(record)).toBe(timeOf(ps[record.index]) + 1500);
      const previous = records.slice(0, position).filter((r) => r.kind === 'prediction').at(-1);
      const next = records.slice(position).find((r) => r.kind === 'prediction');
      expect(previous && timeOf(previous)).toBeLessThanOrEqual(timeOf(record));
      if (next) expect(timeOf(next)).toBeGreaterThan(timeOf(record));
    }
  });

  it('never sends the never-share of labels, and every other label exactly once', () => {
    const records = run(scenario({ labels: { delay: { seconds: 0.2 }, neverShare: 0.25 }, phases: [{ name: 'a', events: 8000, concept: 2 }] }));
    const sent = labels(records).map((l) => l.index);
    expect(new Set(sent).size).toBe(sent.length);
    expect(Math.abs(1 - sent.length / 8000 - 0.25)).toBeLessThan(proportionTolerance(0.25, 8000));
    const ids = new Set(predictions(records).map((p) => p.event.eventId));
    expect(labels(records).every((l) => l.event.eventId !== undefined && ids.has(l.event.eventId))).toBe(true);
  });

  it('carries the ground truth, the prediction’s eventId and entityId, and the model', () => {
    const records = run(scenario({ labels: { delay: { events: 3 } } }));
    const ps = predictions(records);
    for (const label of labels(records)) {
      const p = ps[label.index];
      expect(label.event).toMatchObject({ eventId: p.event.eventId, entityId: p.event.entityId, model: p.event.model, label: p.truth.label });
    }
  });

  it('keeps event time non-decreasing when phases change the delay', () => {
    const records = run(
      scenario({
        phases: [
          { name: 'slow', events: 500, concept: 2, labels: { delay: { seconds: 3 } } },
          { name: 'fast', events: 500, labels: { delay: { events: 0 } } },
          { name: 'none', events: 500, labels: { delay: { events: 0 }, neverShare: 1 } },
        ],
      }),
    );
    const times = records.map(timeOf);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
    expect(labels(records).map((l) => l.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    // Labels of the slow phase overtaken by the fast phase's immediate ones: both sent, in time order.
    expect(labels(records).find((l) => l.phase === 'fast')?.index).toBe(500);
  });
});
