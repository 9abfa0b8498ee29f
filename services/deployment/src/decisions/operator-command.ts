import type { DeployCommand } from '@mlops/contracts';

/**
 * `pin` stops automatic promotion for a model (the registry's `pinned` alias marks the champion
 * it was pinned at); `unpin` resumes it. DEPLOYMENT_PINNED_MODELS pins by configuration too.
 */
export type PinCommand = Extract<DeployCommand, { command: 'pin' | 'unpin' }>;

export type OperatorCommand = DeployCommand;

/** The alias that records a pin. */
export const PINNED_ALIAS = 'pinned';

/** What a decision did, for logs and the `mlops_deployments_total` outcome label. */
export type DecisionOutcome = 'promoted' | 'rolled_back' | 'refused' | 'held' | 'duplicate' | 'stale' | 'unchanged' | 'pinned' | 'unpinned';
