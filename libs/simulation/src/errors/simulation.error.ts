export type SimulationErrorContext = Record<string, string | number | boolean | undefined>;

/**
 * Root of the simulation's errors. All of them describe bad input (a seed, a scenario, a flag):
 * the same input fails the same way, so none is retriable.
 */
export abstract class SimulationError extends Error {
  readonly retriable = false;

  constructor(
    message: string,
    readonly context: SimulationErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
