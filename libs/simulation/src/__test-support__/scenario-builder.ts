import { parseScenario } from '../scenario/parse-scenario';
import type { Scenario, ScenarioInput } from '../scenario/scenario.schema';
import { simulate, type SimulationOptions } from '../stream/simulate';
import type { LabelRecord, PredictionRecord, SimulationRecord } from '../stream/simulation-record';

export const START = Date.UTC(2026, 0, 1);

/** A validated scenario from a partial description (Agrawal, one phase of F2, by default). */
export function scenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  return parseScenario(
    {
      name: 'spec',
      model: 'spec-model',
      generator: { type: 'agrawal' },
      phases: [{ name: 'only', events: 1000, concept: 2 }],
      ...overrides,
    },
    'spec',
  );
}

export function run(s: Scenario, options: Partial<SimulationOptions> = {}): SimulationRecord[] {
  return [...simulate(s, { start: START, rate: 100, ...options })];
}

export const predictions = (records: readonly SimulationRecord[]): PredictionRecord[] =>
  records.filter((r): r is PredictionRecord => r.kind === 'prediction');

export const labels = (records: readonly SimulationRecord[]): LabelRecord[] =>
  records.filter((r): r is LabelRecord => r.kind === 'label');

/** The numeric values of one feature over some predictions, missing values left out. */
export function column(records: readonly PredictionRecord[], feature: string): number[] {
  return records.map((r) => r.event.features[feature]).filter((v): v is number => typeof v === 'number');
}
