import { type ModelMetrics, type TabularModel, type TrainingExample } from '@mlops/model';
import { RetrainRejection } from './retrain-rejection';

export interface HoldoutEvaluation {
  readonly challenger: ModelMetrics;
  /** Undefined when there is no champion or it could not be evaluated (see `championProblem`). */
  readonly champion?: ModelMetrics;
  readonly championProblem?: string;
  /** Held-out rows both models were measured on. */
  readonly rows: number;
  /** Held-out rows left out because their class never appeared in the training rows. */
  readonly unknownClassRows: number;
}

/**
 * Measures challenger and champion on the same held-out rows. Rows whose label the challenger
 * never saw (a class that appeared only recently) cannot be scored by it and are left out for
 * both. The champion sees the rows through its own feature schema (a feature it does not know is
 * dropped, one it knows but the rows lack is missing), so a schema change does not disqualify it.
 * A challenger that cannot be evaluated is an `evaluation_failed` rejection; a champion
 * that cannot is reported, not fatal.
 */
export async function evaluateOnHoldout(holdout: readonly TrainingExample[], challenger: TabularModel, champion?: TabularModel): Promise<HoldoutEvaluation> {
  const known = challenger.classes ? new Set(challenger.classes.map((c) => `${typeof c}:${String(c)}`)) : undefined;
  const rows = known ? holdout.filter((r) => known.has(`${typeof r.label}:${String(r.label)}`)) : holdout;
  if (rows.length === 0) throw new RetrainRejection('evaluation_failed', `none of the ${holdout.length} held-out rows has a class the challenger was trained on`);
  let challengerMetrics: ModelMetrics;
  try {
    challengerMetrics = await challenger.evaluate(rows);
  } catch (error) {
    throw new RetrainRejection('evaluation_failed', `the challenger could not be evaluated: ${(error as Error).message}`, { cause: error });
  }
  const base = { challenger: challengerMetrics, rows: rows.length, unknownClassRows: holdout.length - rows.length };
  if (!champion) return base;
  try {
    return { ...base, champion: await champion.evaluate(projectTo(champion, rows)) };
  } catch (error) {
    return { ...base, championProblem: `the champion could not be evaluated: ${(error as Error).message}` };
  }
}

function projectTo(model: TabularModel, rows: readonly TrainingExample[]): TrainingExample[] {
  const names = model.schema.map((f) => f.name);
  return rows.map((r) => ({ label: r.label, features: Object.fromEntries(names.map((n) => [n, r.features[n] ?? null])) }));
}
