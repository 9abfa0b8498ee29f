import type { ModelRegistered } from '@mlops/contracts';
import { improvementOf } from './metric-direction';

export type ChampionComparison = ModelRegistered['comparison'];

export interface ComparisonInput {
  primaryMetric: string;
  challengerMetrics: Readonly<Record<string, number>>;
  /** Absent for a model's first version. */
  champion?: { version: string; metrics?: Readonly<Record<string, number>> };
  /** Required improvement, in metric units (0: any improvement). */
  minImprovement: number;
}

/**
 * The challenger against the champion on the same held-out rows. With no champion the
 * challenger outperforms by definition; with a champion that could not be evaluated (it would not
 * load, or rejected the rows) it does not, and the champion's number is left out.
 */
export function compareWithChampion(input: ComparisonInput): ChampionComparison {
  const challenger = input.challengerMetrics[input.primaryMetric];
  if (challenger === undefined) throw new Error(`metric ${input.primaryMetric} is undefined for the challenger on the held-out rows`);
  if (input.champion === undefined) return { primaryMetric: input.primaryMetric, challenger, outperformsChampion: true };
  const champion = input.champion.metrics?.[input.primaryMetric];
  const base = { primaryMetric: input.primaryMetric, challenger, championVersion: input.champion.version };
  if (champion === undefined) return { ...base, outperformsChampion: false };
  const improvement = improvementOf(input.primaryMetric, challenger, champion);
  return { ...base, champion, outperformsChampion: improvement > 0 && improvement >= input.minImprovement };
}
