import { DEFAULT_RETRAIN_POLICY, RetrainPolicies, RetrainPolicy } from './retrain-policy';
import type { PolicyFile, PolicySection } from './retrain-policy.schema';

/**
 * Layers the policy: built-in defaults, then the file's `defaults`, then the environment's
 * DRIFT_POLICY_* variables, then the file's section for the model (the most specific wins).
 * `responses` and `columns` merge key by key.
 */
export function resolvePolicies(file: PolicyFile | undefined, env: PolicySection): RetrainPolicies {
  const defaults = apply(apply(DEFAULT_RETRAIN_POLICY, file?.defaults), env);
  const byModel = new Map(Object.entries(file?.models ?? {}).map(([model, section]) => [model, apply(defaults, section)]));
  return new RetrainPolicies(defaults, byModel);
}

function apply(base: RetrainPolicy, section: PolicySection | undefined): RetrainPolicy {
  if (!section) return base;
  const { cooldown, responses, columns, ...scalars } = section;
  const defined = Object.fromEntries(Object.entries(scalars).filter(([, v]) => v !== undefined)) as Partial<RetrainPolicy>;
  return {
    ...base,
    ...defined,
    ...(cooldown !== undefined ? { cooldownMs: cooldown } : {}),
    responses: { ...base.responses, ...definedOnly(responses) },
    columns: { ...base.columns, ...columns },
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
