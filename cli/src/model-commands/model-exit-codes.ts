import { EXIT } from '../exit-codes';

/**
 * Exit codes of `mlops train`, `baseline` and `register`: the shared ones (0, 2, 130), plus
 * 1 when the deployment gates refused or held the version (a finding, like drift with
 * --fail-on-drift: the command worked) and 3 when the registry or Kafka could not be reached.
 */
export const MODEL_EXIT = {
  ok: EXIT.ok,
  refused: 1,
  badInput: EXIT.badInput,
  unavailable: 3,
  interrupted: EXIT.interrupted,
} as const;
