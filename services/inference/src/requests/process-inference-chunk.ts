import { createInferenceRequestSchema, decodeEvent, InferenceRequest } from '@mlops/contracts';
import type { BatchItemOutcome, ConsumedMessage } from '@mlops/kafka';
import type { ModelServer } from '../serving/model-server';
import { ModelNotServedError } from '../serving/model-not-served.error';
import { InvalidRequestError } from './invalid-request.error';
import { predictionEvent, predictionRecord } from './prediction-event.factory';

export interface ServedBatch {
  model: string;
  version: string;
  rows: number;
  computeSeconds: number;
  queueSeconds: number[];
}

/** Rejected requests of a chunk per model and version ("unknown" when the request did not decode). */
export interface RejectedCount {
  model: string;
  version: string;
  count: number;
}

export interface InferenceChunkResult {
  outcomes: BatchItemOutcome[];
  records: ReturnType<typeof predictionRecord>[];
  batches: ServedBatch[];
  rejected: RejectedCount[];
}

const UNDECODED = 'unknown';
const NO_VERSION = 'none';

/**
 * Serves a chunk of `inference.requests`: decodes each request (bad ones are rejected and
 * dead-lettered with the reason), groups them by model, checks every feature record against the
 * champion's schema (a bad record is rejected, naming the feature; the rest of its batch is still
 * served), predicts each model's rows in one call, and returns a PredictionEvent record per
 * served request. A request for a model whose first version is loading throws ModelNotServedError
 * (retriable): the chunk waits for the deployment. A request for a model with no deployed version
 * is rejected (dead-lettered with the reason); the rest of its chunk is served.
 */
export async function processInferenceChunk(
  messages: ConsumedMessage[],
  server: ModelServer,
  options: { now: () => Date; batchSize: number },
): Promise<InferenceChunkResult> {
  const started = options.now();
  const schema = createInferenceRequestSchema({ now: () => started.getTime() });
  const outcomes: BatchItemOutcome[] = new Array(messages.length);
  const byModel = new Map<string, { index: number; request: InferenceRequest; message: ConsumedMessage }[]>();
  const rejected = new Map<string, RejectedCount>();
  const countRejected = (model: string, version: string) => {
    const key = `${model}\u0000${version}`;
    const entry = rejected.get(key) ?? { model, version, count: 0 };
    entry.count += 1;
    rejected.set(key, entry);
  };
  messages.forEach((message, index) => {
    const decoded = decodeEvent(schema, message.value);
    if (!decoded.ok) {
      outcomes[index] = { status: 'rejected', error: new InvalidRequestError(decoded.reason, { code: decoded.code }) };
      countRejected(UNDECODED, UNDECODED);
      return;
    }
    const list = byModel.get(decoded.value.model) ?? [];
    list.push({ index, request: decoded.value, message });
    byModel.set(decoded.value.model, list);
  });
  // A model whose first version is still loading: wait for it (retriable). A model with no
  // deployed version at all: its requests are rejected, and the rest of the chunk is served.
  for (const model of byModel.keys()) if (!server.get(model) && server.isLoading(model)) throw new ModelNotServedError(model);
  for (const [model, requests] of byModel) {
    if (server.get(model)) continue;
    for (const { index } of requests) {
      outcomes[index] = { status: 'rejected', error: new InvalidRequestError(`model ${model} has no deployed version served here`) };
      countRejected(model, NO_VERSION);
    }
    byModel.delete(model);
  }

  const records: InferenceChunkResult['records'] = [];
  const batches: ServedBatch[] = [];
  for (const [model, requests] of byModel) {
    await server.withModel(model, async (served) => {
      const ok = requests.filter(({ index, request }) => {
        try {
          if (request.modelVersion !== undefined && request.modelVersion !== served.version) {
            throw new InvalidRequestError(`model ${model} version ${request.modelVersion} is not served (the champion is ${served.version})`);
          }
          served.model.validate(request.features);
          return true;
        } catch (error) {
          outcomes[index] = { status: 'rejected', error: error instanceof InvalidRequestError ? error : new InvalidRequestError((error as Error).message) };
          countRejected(model, served.version);
          return false;
        }
      });
      if (ok.length === 0) return;
      const computeStart = performance.now();
      const predictions = await served.model.predict(
        ok.map((r) => r.request.features),
        { batchSize: options.batchSize },
      );
      const computeMs = performance.now() - computeStart;
      const now = options.now();
      const queueSeconds: number[] = [];
      ok.forEach(({ index, request, message }, i) => {
        const queueMs = Math.max(0, started.getTime() - Number(message.timestamp));
        queueSeconds.push(queueMs / 1000);
        const event = predictionEvent({
          eventId: request.requestId,
          model,
          version: served.version,
          features: request.features,
          prediction: predictions[i],
          timestamp: request.timestamp ?? now.toISOString(),
          latencyMs: queueMs + computeMs,
          entityId: request.entityId,
          segment: request.segment,
        });
        records.push(predictionRecord(event, now));
        outcomes[index] = { status: 'handled' };
      });
      batches.push({ model, version: served.version, rows: ok.length, computeSeconds: computeMs / 1000, queueSeconds });
    });
  }
  return { outcomes, records, batches, rejected: [...rejected.values()] };
}
