import { loadScenario } from '@mlops/simulation';
import { toBaseline } from '../baselines/baseline';
import { DEFAULT_RETRAIN_POLICY } from '../policy/retrain-policy';
import { buildPartials, evaluatePartials, liveOrder, partitionStream } from '../__tests__/support/in-memory-pipeline';
import { agrawalBaseline } from '../__tests__/support/simulation-baseline';
import { ingestedStream } from '../__tests__/support/stream-records';
import type { PartialReport } from '../partials/partial-message.schema';
import type { WindowSpec } from '../windows/windowing';

// Which instance handles which partition, and when, changes the order in which partials reach
// the evaluator — never the result: partials merge in partition order, bit for bit.
const built = agrawalBaseline(10_000, 2002);
const baseline = toBaseline('loan-approval', '4', JSON.parse(JSON.stringify(built.profile.toJSON())), built.metrics);
const policy = { ...DEFAULT_RETRAIN_POLICY, consecutiveWindows: 1, minSamples: 500 };

function partialsOf(spec: WindowSpec) {
  const stream = ingestedStream(loadScenario('demo'), { start: Date.UTC(2026, 10, 2), rate: 200, seed: 5, runId: 'order', limit: 12_000 });
  return buildPartials(partitionStream(stream, 4), baseline, policy, spec, 333);
}

/** Another legal arrival order: per partition order kept, partitions interleaved differently. */
function shuffledOrder(partials: PartialReport[][]): PartialReport[] {
  const reversed = [...partials].reverse().flat();
  return reversed.sort((a, b) => a.frontier - b.frontier || (a.source === b.source ? 0 : a.source === 'predictions' ? -1 : 1));
}

describe('evaluation does not depend on the arrival order of partials', () => {
  it.each<[string, WindowSpec]>([
    ['time windows', { kind: 'time', sizeMs: 10_000, latenessMs: 1000 }],
    ['count windows', { kind: 'count', events: 2000 }],
  ])('%s', (_name, spec) => {
    const partials = partialsOf(spec);
    const a = evaluatePartials(liveOrder(partials), baseline, policy, spec, 4, 2);
    const b = evaluatePartials(shuffledOrder(partials), baseline, policy, spec, 4, 2);
    expect(a.reports.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
    expect(a.reports.map((r) => r.reportId)).toEqual([...new Set(a.reports.map((r) => r.reportId))]);
  });
});
