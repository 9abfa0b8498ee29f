import { z } from 'zod';
import { LabelValueSchema } from '@mlops/contracts';
import { ModelFormatError } from '../errors';
import type { FeatureEncoding } from '../preprocessing/feature-encoding';
import { Preprocessor } from '../preprocessing/preprocessor';
import type { TargetEncoding } from '../target/target-encoding';
import { PREPROCESSING_FILE } from './artifact-files';

const PREPROCESSING_FORMAT = 'mlops.model.preprocessing';

const positiveNumber = z.number().positive();
const NumericEncodingSchema = (type: 'numerical' | 'boolean') =>
  z.strictObject({ name: z.string().min(1), type: z.literal(type), mean: z.number(), std: positiveNumber });

const PreprocessingFileSchema = z.strictObject({
  format: z.literal(PREPROCESSING_FORMAT),
  version: z.literal(1),
  /** The network's input width, checked against model.json on load. */
  inputColumns: z.int().min(1),
  features: z
    .array(
      z.discriminatedUnion('type', [
        NumericEncodingSchema('numerical'),
        NumericEncodingSchema('boolean'),
        z.strictObject({ name: z.string().min(1), type: z.literal('categorical'), categories: z.array(z.string()) }),
      ]),
    )
    .min(1),
  target: z.discriminatedUnion('task', [
    z.strictObject({ task: z.literal('binary'), classes: z.array(LabelValueSchema).length(2) }),
    z.strictObject({ task: z.literal('multiclass'), classes: z.array(LabelValueSchema).min(2) }),
    z.strictObject({ task: z.literal('regression'), mean: z.number(), std: positiveNumber }),
  ]),
});

/** `preprocessing.json`: the learned feature encodings and target encoding. */
export function preprocessingToJson(preprocessor: Preprocessor, target: TargetEncoding): string {
  return JSON.stringify({
    format: PREPROCESSING_FORMAT,
    version: 1,
    inputColumns: preprocessor.width,
    features: preprocessor.encodings,
    target,
  });
}

export function preprocessingFromJson(text: string): { preprocessor: Preprocessor; target: TargetEncoding } {
  const data = parseJsonFile(PREPROCESSING_FILE, text, PreprocessingFileSchema);
  const preprocessor = new Preprocessor(data.features as FeatureEncoding[]);
  if (preprocessor.width !== data.inputColumns) {
    throw new ModelFormatError(PREPROCESSING_FILE, `encodings give ${preprocessor.width} columns, inputColumns says ${data.inputColumns}`);
  }
  return { preprocessor, target: data.target };
}

/** Parses a JSON file of the directory with a zod schema; any problem is a ModelFormatError naming the file and field. */
export function parseJsonFile<T>(file: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ModelFormatError(file, `not JSON: ${(e as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModelFormatError(file, `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}
