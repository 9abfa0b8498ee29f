/**
 * Deployment's gates and promotion without Kafka or Nest: what `mlops train --deploy` and
 * `mlops register` share with the service.
 */
export { gateCandidate, isLoadable, type Candidate, type Verdict } from './gate-candidate';
export { promoteVersion } from './promote-version';
export { decisionEventId, modelDeployedEvent, refusalEvent, refusalReason } from './deployment-events';
export { verifyArtifact, type ArtifactCheck } from './gates/verify-artifact';
export { metricGate, type PromotionPolicy } from './gates/metric-gate';
export { summarizeGates, type GateName, type GateResult } from './gates/gate-result';
export { sanityRows, isFinitePrediction } from './gates/sanity-rows';
