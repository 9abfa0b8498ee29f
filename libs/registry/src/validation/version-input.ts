import { MAX_METRICS, METRIC_NAME_PATTERN } from '@mlops/contracts';
import { InvalidVersionInputError } from '../errors/invalid-version-input.error';
import type { CreateVersionInput } from '../registry/model-registry';
import { VersionLineageSchema, type VersionLineage } from '../registry/version-lineage.schema';
import { assertModelName } from './registry-names';

/**
 * Limits are the smaller of what MLflow 2.x and 3.x accept, so a version that fits one
 * registry fits the other.
 */
export const VERSION_INPUT_LIMITS = {
  tags: 100,
  params: 500,
  keyPattern: /^[A-Za-z0-9_][A-Za-z0-9_.\- /]{0,249}$/,
  tagValueLength: 5000,
  paramValueLength: 6000,
  descriptionLength: 5000,
  baselineProfileBytes: 64 * 1024 * 1024,
} as const;

const RESERVED_KEY_PREFIXES = ['mlops.', 'mlflow.'];

/** CreateVersionInput after validation: strings where MLflow keeps strings, the profile serialized once. */
export interface ValidVersionInput {
  model: string;
  sourceDir: string;
  metrics: Record<string, number>;
  params: Record<string, string>;
  tags: Record<string, string>;
  lineage: VersionLineage;
  description?: string;
  baselineProfileJson: Buffer;
}

/** Checks everything that needs no I/O; the source folder itself is checked when it is read. */
export function validateVersionInput(input: CreateVersionInput): ValidVersionInput {
  assertModelName(input.model);
  if (typeof input.sourceDir !== 'string' || input.sourceDir === '') {
    throw new InvalidVersionInputError('sourceDir', 'expected the path of a saved model directory');
  }
  const lineage = VersionLineageSchema.safeParse(input.lineage);
  if (!lineage.success) {
    const issue = lineage.error.issues[0];
    throw new InvalidVersionInputError(['lineage', ...(issue?.path ?? [])].join('.'), issue?.message ?? 'invalid');
  }
  if (input.description !== undefined && input.description.length > VERSION_INPUT_LIMITS.descriptionLength) {
    throw new InvalidVersionInputError('description', `longer than ${VERSION_INPUT_LIMITS.descriptionLength} characters`);
  }
  return {
    model: input.model,
    sourceDir: input.sourceDir,
    metrics: validMetrics(input.metrics),
    params: validStrings('params', input.params ?? {}, VERSION_INPUT_LIMITS.params, VERSION_INPUT_LIMITS.paramValueLength),
    tags: validStrings('tags', input.tags ?? {}, VERSION_INPUT_LIMITS.tags, VERSION_INPUT_LIMITS.tagValueLength),
    lineage: lineage.data,
    ...(input.description !== undefined && { description: input.description }),
    baselineProfileJson: serializeProfile(input.baselineProfile),
  };
}

function validMetrics(metrics: Readonly<Record<string, number>>): Record<string, number> {
  const entries = Object.entries(metrics ?? {});
  if (entries.length > MAX_METRICS) throw new InvalidVersionInputError('metrics', `more than ${MAX_METRICS} metrics`);
  for (const [name, value] of entries) {
    if (!METRIC_NAME_PATTERN.test(name)) throw new InvalidVersionInputError(`metrics.${name}`, `name must match ${METRIC_NAME_PATTERN}`);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidVersionInputError(`metrics.${name}`, 'expected a finite number');
    }
  }
  return Object.fromEntries(entries);
}

function validStrings(
  field: string,
  values: Readonly<Record<string, string | number | boolean>>,
  maxEntries: number,
  maxValueLength: number,
): Record<string, string> {
  const entries = Object.entries(values);
  if (entries.length > maxEntries) throw new InvalidVersionInputError(field, `more than ${maxEntries} entries`);
  const out: Record<string, string> = {};
  for (const [key, raw] of entries) {
    if (!VERSION_INPUT_LIMITS.keyPattern.test(key)) {
      throw new InvalidVersionInputError(`${field}.${key}`, `key must match ${VERSION_INPUT_LIMITS.keyPattern}`);
    }
    if (RESERVED_KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      throw new InvalidVersionInputError(`${field}.${key}`, `keys starting with ${RESERVED_KEY_PREFIXES.join(' or ')} are reserved`);
    }
    if (!['string', 'number', 'boolean'].includes(typeof raw) || (typeof raw === 'number' && !Number.isFinite(raw))) {
      throw new InvalidVersionInputError(`${field}.${key}`, 'expected a string, a finite number or a boolean');
    }
    const value = String(raw);
    if (value.length > maxValueLength) throw new InvalidVersionInputError(`${field}.${key}`, `longer than ${maxValueLength} characters`);
    out[key] = value;
  }
  return out;
}

function serializeProfile(profile: unknown): Buffer {
  let text: string | undefined;
  try {
    text = JSON.stringify(profile);
  } catch (error) {
    throw new InvalidVersionInputError('baselineProfile', `not serializable as JSON: ${(error as Error).message}`);
  }
  if (text === undefined) throw new InvalidVersionInputError('baselineProfile', 'expected a JSON value');
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > VERSION_INPUT_LIMITS.baselineProfileBytes) {
    throw new InvalidVersionInputError('baselineProfile', `larger than ${VERSION_INPUT_LIMITS.baselineProfileBytes} bytes`);
  }
  return bytes;
}
