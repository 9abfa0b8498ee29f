import { stallThresholdMs } from './stall-threshold';

describe('stallThresholdMs', () => {
  it('time windows: two window sizes plus the lateness and the idle timeout', () => {
    expect(stallThresholdMs({ kind: 'time', sizeMs: 3_600_000, latenessMs: 300_000, idleTimeoutMs: 300_000 })).toBe(7_800_000);
  });

  it('count windows: six hours unless configured; DRIFT_STALL_AFTER wins for both', () => {
    expect(stallThresholdMs({ kind: 'count', sizeMs: 3_600_000, latenessMs: 0, idleTimeoutMs: 300_000 })).toBe(21_600_000);
    expect(stallThresholdMs({ kind: 'time', sizeMs: 10_000, latenessMs: 0, idleTimeoutMs: 0, override: 60_000 })).toBe(60_000);
  });
});
