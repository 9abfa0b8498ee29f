import type { ModelDeployed } from '@mlops/contracts';

export interface ChampionEntry {
  readonly version: string;
  readonly previousVersion?: string;
  /** ce_id of the ModelDeployed that made it champion: names the cause (`…:command:<commandId>`). */
  readonly eventId?: string;
  /** Offset of that event on `models.deployed` (one model is always on one partition). */
  readonly offset?: bigint;
}

/**
 * The current champion of each model, as `models.deployed` says: filled by replaying the
 * compacted topic at start, then by our own publishes and by following the topic (another
 * instance may publish). An event older than the one applied (by offset) is ignored, so the
 * follower catching up never moves a champion back.
 */
export class ChampionTable {
  private readonly entries = new Map<string, ChampionEntry>();

  get(model: string): ChampionEntry | undefined {
    return this.entries.get(model);
  }

  /** Applies a ModelDeployed; false when it is not newer than what the table holds. */
  apply(event: Pick<ModelDeployed, 'model' | 'version' | 'previousVersion'>, position: { eventId?: string; offset?: string } = {}): boolean {
    const current = this.entries.get(event.model);
    const offset = position.offset === undefined ? undefined : BigInt(position.offset);
    if (current?.offset !== undefined && offset !== undefined && offset <= current.offset) return false;
    this.entries.set(event.model, {
      version: event.version,
      ...(event.previousVersion !== undefined && { previousVersion: event.previousVersion }),
      ...(position.eventId !== undefined && { eventId: position.eventId }),
      ...((offset ?? current?.offset) !== undefined && { offset: offset ?? current?.offset }),
    });
    return true;
  }

  get size(): number {
    return this.entries.size;
  }
}
