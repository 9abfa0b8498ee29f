import { SimulationError } from './simulation.error';

/**
 * A scenario that does not satisfy the schema. `problems` holds one line per bad field, each
 * starting with the field's path (`phases[1].transition.width: …`).
 */
export class InvalidScenarioError extends SimulationError {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid scenario ${source}:\n${problems.map((p) => `  ${p}`).join('\n')}`, { source });
  }
}
