import type { FeatureRole, FeatureType } from '@mlops/drift-stats';

/** A column the report compares, with where it sits in each file. */
export interface PlannedColumn {
  readonly name: string;
  readonly type: FeatureType;
  readonly role: FeatureRole;
  /** Position in the reference and current rows. */
  readonly referenceIndex: number;
  readonly currentIndex: number;
  /** ISO dates read as epoch milliseconds (a datetime column declared numerical). */
  readonly datetimeAsNumber: boolean;
  /** How the type was decided. */
  readonly typeSource: 'inferred' | 'mapping';
}

/** A column left out of the comparison, and why. */
export interface IgnoredColumn {
  readonly name: string;
  readonly reason: string;
}

export interface ColumnPlan {
  /** Features first (reference order), then the prediction, then the target. */
  readonly columns: readonly PlannedColumn[];
  readonly ignored: readonly IgnoredColumn[];
}
