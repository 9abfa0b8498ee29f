import { Presets, SingleBar } from 'cli-progress';

export interface ProgressReporter {
  update(predictions: number, labels: number): void;
  stop(): void;
}

const silent: ProgressReporter = { update: () => undefined, stop: () => undefined };

/**
 * A bar on stderr (stdout stays for the final count, so it can be piped). cli-progress draws
 * only on a terminal; redirected stderr gets nothing rather than thousands of partial lines.
 */
export function createProgressBar(total: number, stream: NodeJS.WritableStream, enabled: boolean): ProgressReporter {
  if (!enabled) return silent;
  const bar = new SingleBar(
    {
      stream,
      // Elapsed rather than ETA: after the last prediction, delayed labels still trickle in and an ETA would read nonsense.
      format: 'simulate |{bar}| {percentage}% | {value}/{total} predictions | {labels} labels | {duration_formatted}',
      hideCursor: true,
      fps: 5,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { labels: 0 });
  return {
    update: (predictions, labels) => bar.update(predictions, { labels }),
    stop: () => bar.stop(),
  };
}
