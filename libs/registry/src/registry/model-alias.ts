/** The aliases the pipeline uses: deployment serves `champion` and evaluates `challenger`. */
export const ModelAlias = {
  Champion: 'champion',
  Challenger: 'challenger',
} as const;

/**
 * Any alias a registry accepts: lowercase, path-safe, and never one MLflow reserves for itself
 * (`latest`, `v<number>`), so the same alias works in both implementations.
 */
export const ALIAS_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;
export const RESERVED_ALIAS_PATTERN = /^(latest|v[0-9]+)$/;
