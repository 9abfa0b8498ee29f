export { KllSketch } from './kll-sketch';
export type { KllSketchJson } from './kll-sketch';
export { Reservoir } from './reservoir';
export type { ReservoirJson } from './reservoir';
export { supportFromSorted, supportQuantile, supportRank } from './weighted-support';
export type { WeightedSupport } from './weighted-support';
