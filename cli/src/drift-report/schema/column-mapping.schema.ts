import { STAT_METHODS, StatMethod } from '@mlops/drift-stats';
import { z } from 'zod';

const ColumnNameSchema = z.string().min(1, 'a column name cannot be empty');

/** Per-column drift test settings (as drift-stats' ColumnDriftOptions). */
export const ColumnOptionsSchema = z.strictObject({
  method: z.enum(STAT_METHODS as [StatMethod, ...StatMethod[]]).optional(),
  threshold: z.number().nonnegative().optional(),
  /** Effect-size floor of a hypothesis test; null drops it. */
  minEffect: z.number().nonnegative().nullable().optional(),
});

/**
 * The --column-mapping file (JSON or YAML): roles, types and per-column tests. Every name must
 * be a column of both files, so a typo is an error rather than a silent no-op.
 */
export const ColumnMappingSchema = z.strictObject({
  /** Ground-truth column: its drift is reported as target drift, and performance needs it. */
  target: ColumnNameSchema.optional(),
  /** Model output column: prediction drift; with `target`, performance. */
  prediction: ColumnNameSchema.optional(),
  /** Default: classification for text/boolean targets and integer targets with ≤ 5 values, else regression. */
  task: z.enum(['classification', 'regression']).optional(),
  /** The positive class for precision, recall and F1 (default 1, or "true"). */
  positiveLabel: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** Compare only these feature columns (target and prediction are added). Default: every common column. */
  features: z.array(ColumnNameSchema).optional(),
  /** Columns left out (ids, timestamps …). */
  ignore: z.array(ColumnNameSchema).optional(),
  /** Type overrides; a datetime column is left out, declare it numerical to compare it as time. */
  types: z.record(ColumnNameSchema, z.enum(['numerical', 'categorical', 'boolean', 'datetime'])).optional(),
  /** Per-column method, threshold and effect-size floor. */
  columns: z.record(ColumnNameSchema, ColumnOptionsSchema).optional(),
});

export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;
export type ColumnOptions = z.infer<typeof ColumnOptionsSchema>;
