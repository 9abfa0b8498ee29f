import { MODEL_NAME_PATTERN } from '@mlops/contracts';
import { z } from 'zod';
import { MAX_SEED } from '../random/seeded-random';
import { checkScenarioConsistency } from './scenario-consistency';

/**
 * A scenario as data: which generator, which model name, and a list of phases that each say what
 * changes from the phase before. Every setting a phase does not mention carries over, so the
 * demo "stable → concept drift → covariate drift" keeps the new concept during the covariate
 * phase. `null` turns an effect (covariate shift, missing values, prior shift) off again.
 */

const fraction = (what: string) =>
  z.number({ error: `expected a number in [0, 1] (${what})` }).min(0, `must be ≥ 0 (${what})`).max(1, `must be ≤ 1 (${what})`);

export const GeneratorConfigSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('agrawal'),
      /** Attribute noise after labeling, as a fraction of each numeric range (MOA's default is 0.05). */
      perturbation: fraction('share of the attribute range').default(0),
    }),
    z.strictObject({
      type: z.literal('sea'),
      /** Share of labels flipped after labeling (the SEA paper used 0.1). */
      noise: fraction('share of labels flipped').default(0),
    }),
  ],
  { error: 'expected type "agrawal" or "sea"' },
);
export type GeneratorConfig = z.output<typeof GeneratorConfigSchema>;

export const TransitionSchema = z.strictObject({
  /** Events over which the old concept gives way to the new one. */
  width: z.int().min(1, 'must be at least 1 event'),
  /** `sigmoid` is MOA's ConceptDriftStream curve, centred on the middle of the width; `linear` a straight ramp. */
  shape: z.enum(['sigmoid', 'linear']).default('sigmoid'),
});
export type Transition = z.output<typeof TransitionSchema>;

export const CovariateShiftSchema = z.strictObject({
  feature: z.string().min(1),
  /** x ↦ x × scale + shift, applied before labeling so the concept sees the moved value. */
  scale: z.number().positive('must be > 0').default(1),
  shift: z.number().default(0),
});
export type CovariateShift = z.output<typeof CovariateShiftSchema>;

export const MissingValuesSchema = z.strictObject({
  /** Probability that each listed feature value is replaced by null. */
  share: fraction('probability a value is missing'),
  /** Which features; all of them when left out. */
  features: z.array(z.string().min(1)).min(1).optional(),
});
export type MissingValues = z.output<typeof MissingValuesSchema>;

export const PriorShiftSchema = z.strictObject({
  /** Share of class 1 among emitted rows; P(x | y) is kept by drawing until the wanted class comes up. */
  positiveShare: fraction('share of class 1'),
});
export type PriorShift = z.output<typeof PriorShiftSchema>;

export const LabelDelaySchema = z.union(
  [
    z.strictObject({ events: z.int().min(0, 'must be ≥ 0') }),
    z.strictObject({ seconds: z.number().min(0, 'must be ≥ 0') }),
  ],
  { error: 'expected { events: N } or { seconds: T }' },
);
export type LabelDelay = z.output<typeof LabelDelaySchema>;

export const LabelPolicySchema = z.strictObject({
  /** A label follows its prediction after N more predictions, or T seconds of event time. */
  delay: LabelDelaySchema,
  /** Share of predictions whose label never arrives. */
  neverShare: fraction('share of labels never sent').default(0),
});
export type LabelPolicy = z.output<typeof LabelPolicySchema>;

/** The contracts' model-name rule, with a message that says what is allowed. */
export const ModelNameInScenarioSchema = z
  .string()
  .regex(MODEL_NAME_PATTERN, 'expected 1–128 of [a-zA-Z0-9._-], starting with a letter or digit');

export const PHASE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const PhaseSchema = z.strictObject({
  name: z.string().regex(PHASE_NAME_PATTERN, 'expected 1–64 of [A-Za-z0-9._-], starting with a letter or digit'),
  /** Number of predictions in this phase. */
  events: z.int().min(1, 'must be at least 1'),
  /** Agrawal function 1–10 or SEA variant 1–4; required in the first phase. */
  concept: z.int().optional(),
  /** Makes the switch to `concept` gradual; absent means abrupt. */
  transition: TransitionSchema.optional(),
  covariate: z.array(CovariateShiftSchema).nullable().optional(),
  missing: MissingValuesSchema.nullable().optional(),
  prior: PriorShiftSchema.nullable().optional(),
  labels: LabelPolicySchema.optional(),
});
export type Phase = z.output<typeof PhaseSchema>;

export const PredictionPolicySchema = z.strictObject({
  /**
   * Which concept the stand-in model predicts with: `initial` is a model trained on the first
   * phase (so concept drift shows up as lost accuracy, as it would in production); `current`
   * is an oracle that always knows the live concept.
   */
  concept: z.enum(['initial', 'current']).default('initial'),
  /** Share of predictions flipped at random, so the stand-in model is not perfect. */
  errorRate: fraction('share of wrong predictions').default(0),
});
export type PredictionPolicy = z.output<typeof PredictionPolicySchema>;

export const ScenarioSchema = z
  .strictObject({
    name: z.string().regex(PHASE_NAME_PATTERN, 'expected 1–64 of [A-Za-z0-9._-]'),
    description: z.string().max(1000).optional(),
    /** The `model` field of every event. */
    model: ModelNameInScenarioSchema,
    /** Default seed; a seed passed by the caller wins. */
    seed: z.int().min(0).max(MAX_SEED).optional(),
    generator: GeneratorConfigSchema,
    prediction: PredictionPolicySchema.default({ concept: 'initial', errorRate: 0 }),
    /** Label policy from the first phase on; phases may replace it. */
    labels: LabelPolicySchema.default({ delay: { events: 0 }, neverShare: 0 }),
    phases: z.array(PhaseSchema).min(1, 'needs at least one phase'),
  })
  .superRefine(checkScenarioConsistency);
export type Scenario = z.output<typeof ScenarioSchema>;
/** What a scenario file may contain: defaults not yet applied. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
