import { SimulationError } from './simulation.error';

/** Run ids prefix every eventId and entityId, so they must be valid identifiers themselves. */
export class InvalidRunIdError extends SimulationError {
  constructor(runId: string) {
    super(`run id must be 1–64 of [A-Za-z0-9._-], got ${JSON.stringify(runId)}`, { runId });
  }
}
