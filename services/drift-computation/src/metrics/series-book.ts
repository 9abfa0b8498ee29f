/** One exported series: which gauge and its labels. */
export interface SeriesRef {
  metric: string;
  labels: Record<string, string>;
}

/**
 * Remembers the series written per model version, keeps the `versionsPerModel` most recently
 * reported versions of each model, and hands back the series of a version that falls out so
 * they can be removed: a model redeployed every day must not grow Prometheus forever.
 */
export class SeriesBook {
  private readonly byModel = new Map<string, Map<string, Map<string, SeriesRef>>>();

  constructor(
    private readonly versionsPerModel: number,
    private readonly evict: (series: SeriesRef[]) => void,
  ) {}

  record(model: string, version: string, series: SeriesRef): void {
    let versions = this.byModel.get(model);
    if (!versions) this.byModel.set(model, (versions = new Map()));
    let book = versions.get(version);
    if (!book) {
      versions.set(version, (book = new Map()));
      while (versions.size > this.versionsPerModel) {
        const [oldest, series] = versions.entries().next().value as [string, Map<string, SeriesRef>];
        versions.delete(oldest);
        this.evict([...series.values()]);
      }
    } else {
      // Most recently reported last.
      versions.delete(version);
      versions.set(version, book);
    }
    book.set(`${series.metric}${JSON.stringify(series.labels)}`, series);
  }
}
