import { SimulationError } from './simulation.error';

/**
 * Prior shift keeps P(x | y) by drawing until the wanted class comes up. When a concept almost
 * never produces that class (Agrawal F10 gives group B about 0.2% of the time) the target share
 * cannot be reached in reasonable time, and the scenario should say something else.
 */
export class PriorShiftUnreachableError extends SimulationError {
  constructor(phase: string, wanted: number, attempts: number) {
    super(`phase "${phase}": no row of class ${wanted} in ${attempts} draws; the prior shift asks for a class this concept (almost) never produces`, {
      phase,
      wanted,
      attempts,
    });
  }
}
