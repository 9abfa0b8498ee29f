import type { EventClock } from '@mlops/contracts';

/**
 * The event clock of the chunk being processed. zod compiles an object schema's parser on its
 * first use, so a schema built for every chunk paid that compilation and then ran cold; the
 * processors instead build their schema once, on a ChunkClock, and set it to the chunk's `now`
 * before decoding. Processing a chunk is synchronous, so no other chunk can move the clock
 * while one is being decoded.
 */
export class ChunkClock implements EventClock {
  private nowMs = 0;

  set(now: Date): void {
    this.nowMs = now.getTime();
  }

  now(): number {
    return this.nowMs;
  }
}
