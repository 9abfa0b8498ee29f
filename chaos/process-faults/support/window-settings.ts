// Small windows so a few minutes of stream hold many of them, and a policy sized to them.
// The specs count samples per window, so the window arithmetic lives here once.

/** Tumbling event-time windows, epoch-aligned. */
export const WINDOW_MS = 5000;
const LATENESS_MS = 1000;
const LABEL_WAIT_WINDOWS = 2;

/**
 * How far past the stream's last event a later event must be so that every window up to the
 * last one has been closed by its partition and waited for its labels.
 */
export const CLOSING_GAP_MS = (LABEL_WAIT_WINDOWS + 1) * WINDOW_MS + LATENESS_MS;

export function windowStartOf(eventTimeMs: number): number {
  return Math.floor(eventTimeMs / WINDOW_MS) * WINDOW_MS;
}

export const driftWindowEnv: Record<string, string> = {
  DRIFT_WINDOW_KIND: 'time',
  DRIFT_WINDOW_SIZE: `${WINDOW_MS / 1000}s`,
  DRIFT_ALLOWED_LATENESS: `${LATENESS_MS / 1000}s`,
  DRIFT_LABEL_WAIT_WINDOWS: String(LABEL_WAIT_WINDOWS),
  DRIFT_IDLE_TIMEOUT: '5s',
  // ~750 predictions per window at 150/s: judge windows from 300 (labels from 100).
  DRIFT_POLICY_MIN_SAMPLES: '300',
  DRIFT_POLICY_MIN_LABELED: '100',
  // Only a performance drop retrains: a noisy feature in a small stable window must not.
  DRIFT_POLICY_ON_DATA: 'alert',
};
