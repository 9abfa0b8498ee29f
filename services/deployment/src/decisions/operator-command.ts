import type { DeployCommand } from '@mlops/contracts';

/**
 * `pin` stops automatic promotion for a model (the registry's `pinned` alias marks the champion
 * it was pinned at); `unpin` resumes it. Not yet in the DeployCommand contract: until it is, the
 * processor handles these for callers in code, and DEPLOYMENT_PINNED_MODELS pins by configuration.
 */
export interface PinCommand {
  command: 'pin' | 'unpin';
  commandId: string;
  model: string;
  requestedBy: string;
  reason?: string;
  requestedAt: string;
}

export type OperatorCommand = DeployCommand | PinCommand;

/** The alias that records a pin. */
export const PINNED_ALIAS = 'pinned';

/** What a decision did, for logs and the `mlops_deployments_total` outcome label. */
export type DecisionOutcome = 'promoted' | 'rolled_back' | 'refused' | 'held' | 'duplicate' | 'stale' | 'unchanged' | 'pinned' | 'unpinned';
