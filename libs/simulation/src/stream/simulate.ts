import { LABEL_EVENT_SCHEMA_VERSION, PREDICTION_EVENT_SCHEMA_VERSION } from '@mlops/contracts';
import { InvalidRunIdError } from '../errors/invalid-run-id.error';
import { createGenerator } from '../generators/generator-catalog';
import { createRandom } from '../random/seeded-random';
import { resolvePhases, scenarioLength } from '../scenario/resolve-phases';
import type { Scenario } from '../scenario/scenario.schema';
import { drawLabeledRow } from './draw-labeled-row';
import { createEventTimeline } from './event-timeline';
import { scheduleLabel } from './label-schedule';
import { withMissingValues } from './missing-values';
import { PendingLabels } from './pending-labels';
import { conceptPredictor, type PredictorFactory } from './predictor';
import { forkRandomStreams } from './random-streams';
import type { LabelRecord, PredictionRecord, SimulationRecord } from './simulation-record';

/** Seed used when neither the caller nor the scenario names one. */
export const DEFAULT_SEED = 1;
/** Run ids become the prefix of every eventId and entityId. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /**
   * Prefix of eventIds (`<runId>-<index>`) and entityIds (`<runId>-e<index>`). Defaults to
   * `sim<seed>`, which makes the stream a pure function of its inputs; give each run to a real
   * pipeline its own id, since ingestion deduplicates by eventId.
   */
  runId?: string;
  /** Event time of the first prediction (epoch ms or Date); injected, never read from a clock here. */
  start: number | Date;
  /** Predictions per second of event time. */
  rate: number;
  /** Stop after this many predictions (pending labels of those are still emitted). */
  limit?: number;
  /** Overrides the scenario's `model`. */
  model?: string;
  /** Replaces the stand-in model described by the scenario's `prediction` policy. */
  predictor?: PredictorFactory;
}

/** Number of predictions a run will emit. */
export function predictionCount(scenario: Scenario, limit?: number): number {
  const total = scenarioLength(scenario);
  return limit === undefined ? total : Math.min(total, Math.max(0, limit));
}

/**
 * Plays a scenario as a lazy, time-ordered stream of predictions and the labels that follow
 * them. Pure: the same scenario and options give the same records, byte for byte.
 */
export function* simulate(scenario: Scenario, options: SimulationOptions): Generator<SimulationRecord> {
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
  const rng = forkRandomStreams(createRandom(seed));
  const runId = options.runId ?? `sim${seed}`;
  if (!RUN_ID_PATTERN.test(runId)) throw new InvalidRunIdError(runId);
  const model = options.model ?? scenario.model;
  const generator = createGenerator(scenario.generator);
  const phases = resolvePhases(scenario, generator.features.map((f) => f.name));
  const timeline = createEventTimeline(new Date(options.start).getTime(), options.rate);
  const predict = (options.predictor ?? conceptPredictor(scenario.prediction))({
    generator,
    initialConcept: phases[0].concept,
    rng: rng.prediction,
  });
  const pending = new PendingLabels();
  const total = predictionCount(scenario, options.limit);

  let phaseIndex = 0;
  for (let index = 0; index < total; index++) {
    while (index >= phases[phaseIndex].end) phaseIndex++;
    const phase = phases[phaseIndex];
    const row = drawLabeledRow(generator, phase, index, rng);
    const features = withMissingValues(row.observed, phase.missing, rng.missing);
    const truth = { label: row.label, concept: row.concept, features: row.clean };
    const eventId = `${runId}-${index}`;
    const entityId = `${runId}-e${index}`;
    const prediction: PredictionRecord = {
      kind: 'prediction',
      index,
      phase: phase.name,
      truth,
      event: {
        schemaVersion: PREDICTION_EVENT_SCHEMA_VERSION,
        eventId,
        model,
        timestamp: new Date(timeline.timeAt(index)).toISOString(),
        features,
        prediction: predict({ features, truth, index, phase: phase.name }),
        entityId,
      },
    };
    yield prediction;

    const slot = scheduleLabel(index, phase.labels, timeline, rng.labels);
    if (slot) {
      const label: LabelRecord = {
        kind: 'label',
        index,
        phase: phase.name,
        emittedAfter: slot.emittedAfter,
        event: {
          schemaVersion: LABEL_EVENT_SCHEMA_VERSION,
          eventId,
          entityId,
          model,
          label: row.label,
          timestamp: new Date(slot.timeMs).toISOString(),
        },
      };
      pending.push(label);
    }
    yield* pending.takeDue(index);
  }
  yield* pending.drain();
}
