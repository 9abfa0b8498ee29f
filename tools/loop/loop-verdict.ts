import { accuracy, LoopState } from './loop-state';

export interface PhaseSpan {
  name: string;
  /** First prediction index of the phase. */
  start: number;
  events: number;
}

export interface Verdict {
  healed: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
  timeline: { label: string; atMs?: number }[];
  accuracy: { beforeDrift?: number; duringDrift?: number; afterRedeploy?: number };
}

/**
 * Did the loop heal? The stable phase raised no retrain request; after the concept switch a
 * retrain request came, a new version was deployed and serves, and accuracy on the drifted
 * concept with the new version is back within `margin` of the accuracy before drift.
 */
export function judgeLoop(
  state: LoopState,
  phases: readonly PhaseSpan[],
  driftStartedAt: number | undefined,
  margin: number,
  initialVersion: string | undefined,
  servedVersion?: string,
): Verdict {
  const stable = phases[0]?.name;
  const drifted = phases[1]?.name;
  const requestsBeforeDrift = state.retrainRequests.filter((r) => driftStartedAt === undefined || r.at < driftStartedAt);
  const requestsAfterDrift = state.retrainRequests.filter((r) => driftStartedAt !== undefined && r.at >= driftStartedAt);
  const firstDriftReport = state.reports.find((r) => driftStartedAt !== undefined && r.at >= driftStartedAt && r.driftType !== 'none');
  const newDeployments = state.deployed.filter((d) => d.version !== initialVersion);
  const newVersion = newDeployments[newDeployments.length - 1]?.version;
  const before = accuracy(stable ? state.byPhase[stable] : undefined);
  const during = drifted && initialVersion ? accuracy(state.byPhaseAndVersion[`${drifted}|${initialVersion}`]) : undefined;
  const afterCells = newVersion ? phases.slice(1).map((p) => state.byPhaseAndVersion[`${p.name}|${newVersion}`]).filter(Boolean) : [];
  const after = accuracy(afterCells.reduce((sum, c) => ({ correct: sum.correct + c.correct, total: sum.total + c.total }), { correct: 0, total: 0 }));
  const checks = [
    { name: 'no retrain request during the stable phase', ok: requestsBeforeDrift.length === 0, detail: `${requestsBeforeDrift.length} request(s)` },
    { name: 'drift detected after the switch', ok: firstDriftReport !== undefined, detail: firstDriftReport ? `${firstDriftReport.driftType} in the window ending ${firstDriftReport.windowEnd}` : 'no drifted window' },
    { name: 'retraining requested after the switch', ok: requestsAfterDrift.length >= 1, detail: `${requestsAfterDrift.length} request(s): ${requestsAfterDrift.map((r) => r.reason).join(', ') || '-'}` },
    { name: 'a new version deployed', ok: newVersion !== undefined, detail: newVersion ? `version ${newVersion}` : 'none' },
    { name: 'inference serves the new version', ok: newVersion !== undefined && servedVersion === newVersion, detail: `serving ${servedVersion ?? 'nothing'}` },
    {
      name: `accuracy recovered within ${margin} of the pre-drift accuracy`,
      ok: before !== undefined && after !== undefined && after >= before - margin,
      detail: `before ${fmt(before)}, during ${fmt(during)}, after ${fmt(after)}`,
    },
  ];
  return {
    healed: checks.every((c) => c.ok),
    checks,
    accuracy: { beforeDrift: before, duringDrift: during, afterRedeploy: after },
    timeline: [
      { label: 'drift began (concept switch)', atMs: driftStartedAt },
      { label: 'drift detected (first drifted window report)', atMs: firstDriftReport?.at },
      { label: 'retraining requested', atMs: requestsAfterDrift[0]?.at },
      { label: 'challenger registered', atMs: state.registered.find((r) => driftStartedAt !== undefined && r.at >= driftStartedAt)?.at },
      { label: `new version deployed${newVersion ? ` (v${newVersion})` : ''}`, atMs: newDeployments[0]?.at },
    ],
  };
}

function fmt(value: number | undefined): string {
  return value === undefined ? 'n/a' : value.toFixed(3);
}
