export { defaultMethod, SMALL_REFERENCE_MAX } from './default-method';
export type { MethodChoice, DefaultMethodOptions } from './default-method';
export { calibrateThreshold } from './calibration';
export type { CalibrationOptions, CalibratedThreshold } from './calibration';
