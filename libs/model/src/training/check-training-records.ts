import { checkRecordKeys } from '../schema/check-record-keys';
import type { FeatureDefinition } from '../schema/feature-schema';
import { readBoolean, readCategory, readNumber } from '../preprocessing/read-feature-value';

/**
 * Checks every training record against the schema (keys, then each value's type) before any
 * fitting, so an error names the row's index in the caller's array, not in a split.
 */
export function checkTrainingRecords(records: readonly unknown[], schema: readonly FeatureDefinition[]): void {
  const names = new Set(schema.map((f) => f.name));
  const readers = schema.map((f) => (f.type === 'numerical' ? readNumber : f.type === 'boolean' ? readBoolean : readCategory));
  records.forEach((record, row) => {
    checkRecordKeys(record, schema, names, row);
    for (let i = 0; i < schema.length; i++) readers[i](record[schema[i].name], schema[i].name, row);
  });
}
