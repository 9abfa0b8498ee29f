import { SimulationError } from './simulation.error';

/** Seeds are non-negative safe integers, so they survive JSON, YAML and CLI flags unchanged. */
export class InvalidSeedError extends SimulationError {
  constructor(seed: number) {
    super(`seed must be a non-negative safe integer, got ${seed}`, { seed });
  }
}
