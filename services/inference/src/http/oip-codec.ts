import type { FeatureRecord, TabularPrediction } from '@mlops/model';
import { z } from 'zod';
import { InvalidRequestError } from '../requests/invalid-request.error';

/** Largest number of rows one HTTP inference request may carry. */
export const MAX_ROWS_PER_REQUEST = 10_000;

const scalar = z.union([z.number(), z.string().max(1024), z.boolean(), z.null()]);

/**
 * Open Inference Protocol (v2) request: one tensor per feature, all of the same length N
 * (shape [N] or [N, 1]); row i of the batch takes element i of every tensor.
 */
export const OipInferRequestSchema = z.object({
  id: z.string().max(128).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  inputs: z
    .array(
      z.object({
        name: z.string().min(1).max(128),
        shape: z.array(z.number().int().min(0)).min(1).max(2),
        datatype: z.enum(['BOOL', 'INT8', 'INT16', 'INT32', 'INT64', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'FP16', 'FP32', 'FP64', 'BYTES']),
        data: z.array(scalar).max(MAX_ROWS_PER_REQUEST),
        parameters: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .min(1)
    .max(512),
});
export type OipInferRequest = z.infer<typeof OipInferRequestSchema>;

export interface OipOutput {
  name: string;
  shape: number[];
  datatype: 'BYTES' | 'FP64' | 'BOOL';
  data: (string | number | boolean)[];
}

/** Feature records from the request's tensors; throws InvalidRequestError naming the problem. */
export function recordsFromOip(request: OipInferRequest): FeatureRecord[] {
  const rows = request.inputs[0].data.length;
  const seen = new Set<string>();
  for (const input of request.inputs) {
    if (seen.has(input.name)) throw new InvalidRequestError(`input ${input.name} appears twice`);
    seen.add(input.name);
    const [n, width = 1] = input.shape;
    if (width !== 1 || n !== input.data.length) {
      throw new InvalidRequestError(`input ${input.name}: shape ${JSON.stringify(input.shape)} does not match ${input.data.length} values (expected [N] or [N, 1])`);
    }
    if (input.data.length !== rows) {
      throw new InvalidRequestError(`input ${input.name} has ${input.data.length} values, ${request.inputs[0].name} has ${rows}: every input needs one value per row`);
    }
    for (const value of input.data) {
      if (typeof value === 'number' && !Number.isFinite(value)) throw new InvalidRequestError(`input ${input.name}: non-finite number`);
    }
  }
  if (rows === 0) throw new InvalidRequestError('the request has no rows');
  return Array.from({ length: rows }, (_, i) => Object.fromEntries(request.inputs.map((input) => [input.name, input.data[i]])));
}

/** OIP outputs: `label` and `score` (and one `probability_<class>` per class) or `prediction` for regression. */
export function oipOutputs(predictions: readonly TabularPrediction[]): OipOutput[] {
  const n = predictions.length;
  if (predictions.every((p): p is number => typeof p === 'number')) {
    return [{ name: 'prediction', shape: [n], datatype: 'FP64', data: [...predictions] }];
  }
  const classes = predictions.map((p) => p as Exclude<TabularPrediction, number>);
  const outputs: OipOutput[] = [
    { name: 'label', shape: [n], datatype: typeof classes[0].label === 'boolean' ? 'BOOL' : typeof classes[0].label === 'number' ? 'FP64' : 'BYTES', data: classes.map((p) => p.label) },
    { name: 'score', shape: [n], datatype: 'FP64', data: classes.map((p) => p.score) },
  ];
  for (const cls of Object.keys(classes[0].probabilities)) {
    outputs.push({ name: `probability_${cls}`, shape: [n], datatype: 'FP64', data: classes.map((p) => p.probabilities[cls] ?? 0) });
  }
  return outputs;
}
