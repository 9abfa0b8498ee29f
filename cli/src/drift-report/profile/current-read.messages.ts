import type { InputSpec } from '../input/input-format';
import type { PerformanceMetrics, PerformancePlan } from '../performance/performance.types';
import type { PlannedColumn } from '../schema/column-plan';
import type { ColumnStoreParts } from './column-store';

/** What the worker that reads the current file is given. */
export interface CurrentReadRequest {
  readonly spec: InputSpec;
  readonly columns: readonly PlannedColumn[];
  readonly naValues: readonly string[];
  readonly exactRows: number;
  readonly inferRows: number;
  readonly performance: PerformancePlan | null;
}

/** What it answers: every value, or that the file is past --exact-rows, or why it failed. */
export type CurrentReadOutcome =
  | { readonly kind: 'read'; readonly parts: ColumnStoreParts; readonly performance: PerformanceMetrics | null }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'bad-input'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };
