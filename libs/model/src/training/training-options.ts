import { z } from 'zod';
import { DataWindowSchema, LabelValueSchema, MAX_FEATURE_NAME_LENGTH } from '@mlops/contracts';
import { InvalidModelOptionError } from '../errors';
import { FEATURE_TYPES, type FeatureDefinition } from '../schema/feature-schema';
import { TASKS } from '../target/target-encoding';

/**
 * The serialisable training options, validated once before any work (a bad value names the
 * option), with their defaults. They are saved in `metadata.json` so a version says how it was
 * trained.
 */
export const TrainingOptionsSchema = z.strictObject({
  task: z.enum(TASKS),
  /** Declared feature types; features not listed are inferred from the data. */
  features: z
    .array(z.strictObject({ name: z.string().min(1).max(MAX_FEATURE_NAME_LENGTH), type: z.enum(FEATURE_TYPES) }))
    .optional(),
  /** Binary only: the class whose probability is the score (default: the larger class). */
  positiveLabel: LabelValueSchema.optional(),
  /** Hidden layer sizes of the MLP. */
  hiddenUnits: z.array(z.int().min(1).max(4096)).min(1).max(8).default([64, 32]),
  activation: z.enum(['relu', 'elu', 'tanh']).default('relu'),
  learningRate: z.number().positive().max(1).default(0.001),
  batchSize: z.int().min(1).max(65536).default(256),
  maxEpochs: z.int().min(1).max(10000).default(50),
  /** Epochs without a validation-loss improvement before stopping. */
  patience: z.int().min(1).max(10000).default(5),
  /** The smallest validation-loss decrease that counts as an improvement. */
  minDelta: z.number().min(0).default(0.0001),
  /** Share of rows held out (seeded random) for validation and early stopping. */
  validationFraction: z.number().gt(0).max(0.5).default(0.2),
  /** Seeds the split, the shuffles and the weight initialisation. */
  seed: z.int().min(0).max(4294967295).default(0),
  /** Categories seen fewer times in training share the unknown bucket. */
  minCategoryCount: z.int().min(1).default(5),
  /** Categories per feature with their own column, the most frequent first. */
  maxCategories: z.int().min(1).max(10000).default(100),
  /** The event-time window the rows come from, recorded in the metadata. */
  dataWindow: DataWindowSchema.optional(),
});

/** What callers pass: the schema's input, with read-only arrays accepted. */
export type TrainingOptionsInput = Readonly<Omit<z.input<typeof TrainingOptionsSchema>, 'hiddenUnits' | 'features'>> & {
  readonly hiddenUnits?: readonly number[];
  readonly features?: readonly FeatureDefinition[];
};
export type TrainingSettings = z.output<typeof TrainingOptionsSchema>;

export function parseTrainingOptions(input: unknown): TrainingSettings {
  const result = TrainingOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(options)';
  throw new InvalidModelOptionError(path, issue.message);
}
