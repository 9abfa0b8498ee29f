import type { DriftReport } from '@mlops/contracts';
import { Adwin, Ddm, DriftDetector, PageHinkley } from '@mlops/drift-stats';

/** Detectors the service can run on an error stream (DetectorMethodSchema of the DriftReport). */
export const DETECTOR_METHODS = ['ddm', 'adwin', 'page_hinkley'] as const;
export type DetectorMethod = (typeof DETECTOR_METHODS)[number];

/** What the DriftReport says about one detector after a window. */
export type DetectorWindowState = NonNullable<DriftReport['detectors']>[number];

const MAX_LISTED = 100;

/** libs/drift-stats' detectors with their defaults (River's); DDM reads errors in [0, 1] only. */
function createDetector(method: DetectorMethod): DriftDetector {
  switch (method) {
    case 'ddm':
      return new Ddm();
    case 'adwin':
      return new Adwin();
    case 'page_hinkley':
      return new PageHinkley();
  }
}

/**
 * The streaming detectors of one model version, fed window after window (in window order) with
 * the window's error stream. They carry over from window to window, so a change is found at the
 * labeled event where it happens rather than only when a whole window's metric has moved.
 */
export class VersionDetectors {
  private readonly detectors: { method: DetectorMethod; detector: DriftDetector }[];
  /** Values fed so far (the stream index of the next one). */
  private position = 0;

  constructor(methods: readonly DetectorMethod[]) {
    this.detectors = [...new Set(methods)].map((method) => ({ method, detector: createDetector(method) }));
  }

  get methods(): DetectorMethod[] {
    return this.detectors.map((d) => d.method);
  }

  /** Feeds one window's errors (sequences in the caller's order, each oldest first) and says what each detector did. */
  feed(sequences: Iterable<readonly number[]>): DetectorWindowState[] {
    const from = this.position;
    const found = this.detectors.map(() => [] as number[]);
    for (const errors of sequences) {
      for (const error of errors) {
        for (let d = 0; d < this.detectors.length; d++) {
          if (this.detectors[d].detector.update(error).driftDetected) found[d].push(this.position);
        }
        this.position++;
      }
    }
    return this.detectors.map(({ method, detector }, d) => ({
      method,
      values: this.position - from,
      position: this.position,
      drifted: found[d].length > 0,
      drifts: found[d].length,
      warning: 'warningDetected' in detector && detector.warningDetected === true,
      detections: found[d].slice(0, MAX_LISTED).map((index) => ({ index })),
    }));
  }
}
