const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;

/** What a duration setting accepts, for error messages. */
export const DURATION_HINT = 'a duration such as 500ms, 30s, 5m, 6h, 7d or 2w';

/**
 * Parses `30s`, `5m`, `7d` … (or a bare number of milliseconds) into milliseconds. Returns
 * undefined for anything else, so the caller can name the setting in its error.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const match = DURATION.exec(trimmed);
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/** The shortest exact form of a duration, for logs and docs (`3600000` → `1h`). */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}
