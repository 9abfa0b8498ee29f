import { DatasetProfile } from '@mlops/drift-stats';
import type { LabeledWindow } from './labeled-window';
import { PARTIAL_MESSAGE_SCHEMA_VERSION, PartialReport, PartialWindow, SourceRole } from './partial-message.schema';
import type { DueAnnouncement } from './source-partition';

/** The partials-topic records for a source partition's due announcements (key = model). */
export function toPartialMessages<A extends DatasetProfile | LabeledWindow>(
  source: SourceRole,
  partition: number,
  due: readonly DueAnnouncement<A>[],
): { key: string; message: PartialReport }[] {
  return due.map(({ model, frontier, cells }) => ({
    key: model,
    message: {
      schemaVersion: PARTIAL_MESSAGE_SCHEMA_VERSION,
      type: 'partial',
      model,
      source,
      partition,
      frontier,
      windows: cells.map((cell): PartialWindow => {
        const base = { version: cell.version, index: cell.index, minTimeMs: cell.minTimeMs, maxTimeMs: cell.maxTimeMs, rows: cell.rows };
        return cell.acc instanceof DatasetProfile
          ? { ...base, profile: cell.acc.toJSON() }
          : { ...base, performance: cell.acc.performance.toJSON(), errors: cell.acc.errors.toJSON() };
      }),
    },
  }));
}
