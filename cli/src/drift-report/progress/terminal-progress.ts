import { Presets, SingleBar } from 'cli-progress';
import type { ProgressSink } from './progress-sink';

/** Files smaller than this are read too fast for a bar to help. */
export const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;

/**
 * A byte-based bar on stderr (stdout keeps the summary, so it can be piped). cli-progress draws
 * only on a terminal, so a redirected stderr gets nothing rather than thousands of partial lines.
 */
export function terminalProgress(stream: NodeJS.WritableStream): ProgressSink {
  let bar: SingleBar | null = null;
  return {
    start(label, totalBytes) {
      bar?.stop();
      bar = null;
      if (totalBytes < PROGRESS_MIN_BYTES) return;
      bar = new SingleBar(
        {
          stream,
          format: `${label} |{bar}| {percentage}% | {mb}/{totalMb} MB | {duration_formatted}`,
          hideCursor: true,
          fps: 5,
        },
        Presets.shades_classic,
      );
      bar.start(totalBytes, 0, { mb: '0', totalMb: (totalBytes / 1e6).toFixed(0) });
    },
    update(bytesRead) {
      bar?.update(bytesRead, { mb: (bytesRead / 1e6).toFixed(0) });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
