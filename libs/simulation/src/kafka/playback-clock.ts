import { setTimeout as delay } from 'node:timers/promises';

/** Wall time for pacing playback; injected so specs can run a minute of stream in no time. */
export interface PlaybackClock {
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemPlaybackClock: PlaybackClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
};
