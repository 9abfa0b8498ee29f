import { SimulationError } from '../errors/simulation.error';

/** A bad or missing command-line flag; the CLI prints it and exits with code 2. */
export class UsageError extends SimulationError {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}
