export type { Random } from './random';
export { Mulberry32, createRandom, deriveSeed } from './mulberry32';
