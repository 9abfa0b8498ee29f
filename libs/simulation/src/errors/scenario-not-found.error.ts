import { SimulationError } from './simulation.error';

/** Neither a built-in scenario of that name nor a readable file at that path. */
export class ScenarioNotFoundError extends SimulationError {
  constructor(
    readonly reference: string,
    readonly builtIn: readonly string[],
  ) {
    super(`scenario "${reference}" is neither a built-in scenario (${builtIn.join(', ')}) nor a readable .json/.yaml file`, {
      reference,
    });
  }
}
