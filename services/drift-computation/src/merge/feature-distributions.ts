import { alignCounts, DatasetProfile } from '@mlops/drift-stats';

/** Reference and current shares over the same buckets: what the HTML report draws. */
export interface FeatureDistribution {
  readonly feature: string;
  readonly role: 'feature' | 'prediction' | 'label';
  readonly buckets: readonly { key: string; reference: number; current: number }[];
}

/** Most buckets drawn per feature; the smallest categories beyond it are summed into one. */
const MAX_BUCKETS = 24;

/** Bucket shares of every feature and prediction column, on the reference's bins and categories. */
export function featureDistributions(reference: DatasetProfile, current: DatasetProfile): FeatureDistribution[] {
  return reference
    .features()
    .filter((f) => f.spec.role !== 'label')
    .map((ref) => {
      const aligned = alignCounts(ref.toView(), current.feature(ref.name).toView());
      const share = (v: number, total: number) => (total > 0 ? v / total : 0);
      let buckets = aligned.keys.map((key, i) => ({
        key,
        reference: share(aligned.reference[i], aligned.referenceTotal),
        current: share(aligned.current[i], aligned.currentTotal),
      }));
      if (buckets.length > MAX_BUCKETS) {
        const ranked = [...buckets].sort((a, b) => b.reference + b.current - (a.reference + a.current));
        const kept = new Set(ranked.slice(0, MAX_BUCKETS - 1).map((b) => b.key));
        const rest = buckets.filter((b) => !kept.has(b.key));
        buckets = [
          ...buckets.filter((b) => kept.has(b.key)),
          { key: `${rest.length} others`, reference: rest.reduce((s, b) => s + b.reference, 0), current: rest.reduce((s, b) => s + b.current, 0) },
        ];
      }
      return { feature: ref.name, role: ref.spec.role, buckets };
    });
}
