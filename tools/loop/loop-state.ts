/** What the loop has seen on Kafka, in arrival order (wall-clock ms). Pure data. */
export interface LoopState {
  predictions: number;
  labeled: number;
  reports: { at: number; version: string; driftType: string; datasetShare: number; accuracy?: number; samples: number; windowEnd: string }[];
  retrainRequests: { at: number; requestId: string; reason: string }[];
  registered: { at: number; version: string; requestId: string }[];
  rejected: { at: number; reason: string; detail?: string }[];
  deployed: { at: number; version: string; previous?: string }[];
  /** Correct/total labeled predictions per scenario phase and per serving version. */
  byPhase: Record<string, { correct: number; total: number }>;
  byVersion: Record<string, { correct: number; total: number }>;
  /** Same, per phase and version: "accuracy after the new version" reads from here. */
  byPhaseAndVersion: Record<string, { correct: number; total: number }>;
}

export function emptyState(): LoopState {
  return { predictions: 0, labeled: 0, reports: [], retrainRequests: [], registered: [], rejected: [], deployed: [], byPhase: {}, byVersion: {}, byPhaseAndVersion: {} };
}

export function accuracy(cell: { correct: number; total: number } | undefined): number | undefined {
  return cell && cell.total > 0 ? cell.correct / cell.total : undefined;
}

export function tally(table: Record<string, { correct: number; total: number }>, key: string, correct: boolean): void {
  const cell = (table[key] ??= { correct: 0, total: 0 });
  cell.total++;
  if (correct) cell.correct++;
}
