import type { RetrainRequest } from '@mlops/contracts';
import type { Baseline } from '../baselines/baseline';
import type { VersionDetectors } from '../detectors/streaming-detectors';
import { decideRetrain, PolicyMemory, RetrainDecision } from '../policy/decide-retrain';
import type { RetrainPolicy } from '../policy/retrain-policy';
import type { WindowSpec } from '../windows/windowing';
import { evaluateWindow, WindowEvaluation } from './evaluate-window';
import { mergePartials } from './merge-partials';
import { retrainRequestFor } from './retrain-request.factory';
import type { VersionPartials } from './window-merger';

export interface Judgement {
  evaluation: WindowEvaluation;
  decision: RetrainDecision;
  /** The request to publish when the policy fired. */
  request?: RetrainRequest;
  /** The policy memory after this window. */
  memory: PolicyMemory;
}

/**
 * One model version's window, start to finish: merge its partials, feed its errors to the
 * version's streaming detectors (the only state it changes), evaluate it against the baseline,
 * apply the retrain policy. Undefined when the window holds no predictions (labels only).
 */
export function judgeWindow(input: {
  model: string;
  index: number;
  partials: VersionPartials;
  baseline: Baseline;
  policy: RetrainPolicy;
  spec: WindowSpec;
  memory: PolicyMemory;
  /** The version's streaming detectors, fed with this window's errors (state carried across windows). */
  detectors?: VersionDetectors;
  now: Date;
}): Judgement | undefined {
  const merged = mergePartials(input.partials);
  if (merged.currentRows === 0) return undefined;
  const detectors = input.detectors && merged.labeledRows > 0 ? input.detectors.feed(merged.errors) : undefined;
  const evaluation = evaluateWindow({ model: input.model, index: input.index, spec: input.spec, merged, baseline: input.baseline, policy: input.policy, detectors, generatedAt: input.now });
  const { decision, memory } = decideRetrain(
    input.memory,
    {
      version: input.baseline.version,
      index: input.index,
      startMs: evaluation.startMs,
      endMs: evaluation.endMs,
      driftType: evaluation.report.driftType,
      sufficient: evaluation.sufficient,
      labeledEnough: evaluation.labeledEnough,
      detectorDrift: evaluation.detectorDrift,
    },
    input.policy,
  );
  return { evaluation, decision, memory, ...(decision.action === 'retrain' ? { request: retrainRequestFor(evaluation, decision, input.now) } : {}) };
}
