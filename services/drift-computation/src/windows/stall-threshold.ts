/** Count windows close as fast as predictions arrive: without DRIFT_STALL_AFTER, six hours without one counts as stalled. */
const COUNT_WINDOW_STALL_MS = 6 * 3_600_000;

/**
 * How long (wall clock) a model may go without an evaluated window before its windows count as
 * stalled — the threshold of the MlopsDriftWindowsStalled alert. Time windows are evaluated one
 * window size apart in steady state; a window may close up to the lateness late, and a silent
 * partition holds it back for up to the idle timeout: twice the size plus both is late for sure.
 */
export function stallThresholdMs(input: { kind: 'time' | 'count'; sizeMs: number; latenessMs: number; idleTimeoutMs: number; override?: number }): number {
  if (input.override !== undefined) return input.override;
  return input.kind === 'time' ? 2 * input.sizeMs + input.latenessMs + input.idleTimeoutMs : COUNT_WINDOW_STALL_MS;
}
