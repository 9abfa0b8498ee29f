// Public entry of the streaming detectors (re-exported by the lib's src/index.ts).
export { BaseDriftDetector } from './drift-detector';
export type { DriftDetector, DriftAndWarningDetector } from './drift-detector';
export { InvalidDetectorParameterError } from './detector.errors';
export { Adwin } from './adwin.detector';
export type { AdwinOptions } from './adwin.detector';
export { PageHinkley } from './page-hinkley.detector';
export type { PageHinkleyOptions, PageHinkleyMode } from './page-hinkley.detector';
export { Ddm } from './ddm.detector';
export type { DdmOptions } from './ddm.detector';
