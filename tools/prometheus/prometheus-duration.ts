/** Prometheus duration units (https://prometheus.io/docs/prometheus/latest/configuration/configuration/#duration), in ms. */
const UNIT_MS: Record<string, number> = { y: 365 * 86_400_000, w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Parses a Prometheus duration such as `5m`, `1h30m` or `250ms` into milliseconds. */
export function parseDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+)(ms|y|w|d|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new Error(`not a Prometheus duration: "${text}"`);
  return parts.reduce((ms, [, n, unit]) => ms + Number(n) * UNIT_MS[unit], 0);
}

/** Formats milliseconds as a Prometheus duration: whole seconds as `Ns`, anything else as `Nms`. */
export function formatDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`cannot format ${ms} ms as a Prometheus duration`);
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
