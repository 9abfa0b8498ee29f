/**
 * @mlops/simulation: seeded streams of labeled tabular events whose drift we know (Agrawal,
 * SEA), scenarios as data, and the plumbing that plays them to Kafka or writes them as CSV.
 * Exports are listed by name so the public surface is reviewed when it changes.
 */

// Randomness
export { createRandom, MAX_SEED } from './random/seeded-random';
export type { RandomSource } from './random/random-source';

// Generators
export type { ClassLabel, FeatureKind, FeatureSpec, Row, TabularGenerator } from './generators/tabular-generator';
export { AGRAWAL_FEATURES, sampleAgrawalAttributes } from './generators/agrawal/agrawal-attributes';
export { AGRAWAL_FUNCTIONS, AGRAWAL_FUNCTION_IDS, type AgrawalFunction } from './generators/agrawal/agrawal-functions';
export { createAgrawalGenerator, type AgrawalOptions } from './generators/agrawal/agrawal.generator';
export { SEA_FEATURES, SEA_THRESHOLDS, createSeaGenerator, type SeaOptions } from './generators/sea/sea.generator';
export { GENERATOR_DESCRIPTIONS, createGenerator, type GeneratorSettings, type GeneratorType } from './generators/generator-catalog';

// Scenarios
export {
  CovariateShiftSchema,
  GeneratorConfigSchema,
  LabelDelaySchema,
  LabelPolicySchema,
  MissingValuesSchema,
  PhaseSchema,
  PredictionPolicySchema,
  PriorShiftSchema,
  ScenarioSchema,
  TransitionSchema,
  type CovariateShift,
  type LabelDelay,
  type LabelPolicy,
  type Phase,
  type PredictionPolicy,
  type Scenario,
  type ScenarioInput,
} from './scenario/scenario.schema';
export { parseScenario, parseScenarioText, type ScenarioFormat } from './scenario/parse-scenario';
export { BUILT_IN_SCENARIO_DIR, listBuiltInScenarios, loadScenario } from './scenario/load-scenario';
export { resolvePhases, scenarioLength, type ResolvedPhase } from './scenario/resolve-phases';

// Streams
export { DEFAULT_SEED, predictionCount, simulate, type SimulationOptions } from './stream/simulate';
export type { LabelRecord, PredictionRecord, SimulationRecord } from './stream/simulation-record';
export {
  conceptPredictor,
  type ConceptPredictorOptions,
  type GroundTruth,
  type Predictor,
  type PredictorContext,
  type PredictorFactory,
  type PredictorInput,
} from './stream/predictor';
export { newConceptProbability } from './stream/concept-transition';

// Output
export { toInferenceRequest } from './output/to-inference-request';
export { SIMULATION_SOURCE, targetTopics, toKafkaMessage, type OutgoingMessage, type SimulationTarget } from './output/to-kafka-message';
export { LABEL_COLUMN, META_COLUMNS, csvColumns, toCsvRow } from './output/csv-rows';
export { writeScenarioCsv, type CsvWriteOptions, type CsvWriteResult } from './csv/write-scenario-csv';
export { playToKafka, type PlaybackOptions, type PlaybackProgress, type PlaybackResult } from './kafka/play-to-kafka';
export { systemPlaybackClock, type PlaybackClock } from './kafka/playback-clock';
export { ensureSimulationTopics } from './kafka/ensure-simulation-topics';
export { runSimulate, ExitCode, type SimulateIo } from './cli/run-simulate';

// Errors
export { SimulationError } from './errors/simulation.error';
export { InvalidScenarioError } from './errors/invalid-scenario.error';
export { ScenarioNotFoundError } from './errors/scenario-not-found.error';
export { InvalidSeedError } from './errors/invalid-seed.error';
export { InvalidRunIdError } from './errors/invalid-run-id.error';
export { PriorShiftUnreachableError } from './errors/prior-shift-unreachable.error';
