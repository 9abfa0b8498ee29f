/**
 * @mlops/drift-stats — pure drift statistics: mergeable profiles, stat tests and distances,
 * default method selection and calibration, dataset and prediction drift. No I/O, no clock, no
 * global randomness (seeds are injected).
 */
export * from './errors';
export * from './random';
export * from './sketch';
export * from './profile';
export * from './views';
export * from './stat-tests';
export * from './selection';
export * from './drift';
export {
  kolmogorovSf,
  smirnovSf,
  chiSquareSf,
  normalSf,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
  ksExactPValue,
  ksAsymptoticPValue,
  ecdfMaxDistance,
  wasserstein1,
  andersonDarling2,
} from './math';
export type { AndersonDarlingResult } from './math';
export * from './metrics';
export * from './detectors';
