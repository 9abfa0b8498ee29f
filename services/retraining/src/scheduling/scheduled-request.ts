import { createHash } from 'node:crypto';
import { MAX_ID_LENGTH, RETRAIN_REQUEST_SCHEMA_VERSION, RetrainRequestSchema, type RetrainRequest } from '@mlops/contracts';

/**
 * The RetrainRequest a schedule emits at `fireTime`, for the `windowMs` of data before it. The
 * requestId is derived from the model and the fire time, so every instance that fires the same
 * tick emits the same id and retraining trains once.
 */
export function scheduledRequest(model: string, fireTime: Date, windowMs: number): RetrainRequest {
  const tick = fireTime.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const readable = `schedule:${model}:${tick}`;
  const requestId = readable.length <= MAX_ID_LENGTH ? readable : `schedule:${createHash('sha256').update(model).digest('hex').slice(0, 32)}:${tick}`;
  return RetrainRequestSchema.parse({
    schemaVersion: RETRAIN_REQUEST_SCHEMA_VERSION,
    requestId,
    model,
    reason: 'schedule',
    detail: 'scheduled retraining',
    dataWindow: { from: new Date(fireTime.getTime() - windowMs).toISOString(), to: fireTime.toISOString() },
    requestedAt: fireTime.toISOString(),
  });
}
