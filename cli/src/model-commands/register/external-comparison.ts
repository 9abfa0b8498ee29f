import type { ModelRegistered } from '@mlops/contracts';
import { improvementOf } from '@mlops/lifecycle';
import { UsageError } from '../../drift-report/errors';
import { ModelDataError } from '../errors';

/**
 * The comparison a ModelRegistered carries for a version trained elsewhere, which the
 * deployment service's metric gate reads: the primary metric (named, else `accuracy`, else
 * `rmse`, else the first), the version's value, and, when the model has a champion, the
 * champion's value on the same evaluation data as the team measured it (`--champion-metric`).
 * Without that number the gate cannot compare and refuses the version, as it refuses a
 * retrained challenger whose champion could not be evaluated.
 */
export function externalComparison(input: {
  metrics: Readonly<Record<string, number>>;
  primaryMetric?: string;
  championVersion?: string;
  championMetric?: number;
  minImprovement: number;
}): ModelRegistered['comparison'] {
  const names = Object.keys(input.metrics);
  if (names.length === 0) throw new ModelDataError('no metric: give --metric NAME=VALUE, or --target and --prediction so the metrics are measured on --reference');
  const primaryMetric = input.primaryMetric ?? (['accuracy', 'rmse'].find((m) => m in input.metrics) ?? names[0]);
  const challenger = input.metrics[primaryMetric];
  if (challenger === undefined) throw new UsageError(`--primary-metric ${primaryMetric}: not among the version's metrics (${names.join(', ')})`);
  if (input.championVersion === undefined) {
    if (input.championMetric !== undefined) throw new UsageError('--champion-metric: the model has no champion to compare with');
    return { primaryMetric, challenger, outperformsChampion: true };
  }
  const base = { primaryMetric, challenger, championVersion: input.championVersion };
  if (input.championMetric === undefined) return { ...base, outperformsChampion: false };
  const improvement = improvementOf(primaryMetric, challenger, input.championMetric);
  return { ...base, champion: input.championMetric, outperformsChampion: improvement > 0 && improvement >= input.minImprovement };
}
