import { INFERENCE_REQUEST_SCHEMA_VERSION, type InferenceRequest, type PredictionEvent } from '@mlops/contracts';

/**
 * The request that asks the inference service for this prediction instead. The requestId is the
 * eventId, because the inference service reuses it as the eventId of the PredictionEvent it
 * writes, which is what the simulated labels join on.
 */
export function toInferenceRequest(prediction: PredictionEvent): InferenceRequest {
  const request: InferenceRequest = {
    schemaVersion: INFERENCE_REQUEST_SCHEMA_VERSION,
    requestId: prediction.eventId,
    model: prediction.model,
    features: prediction.features,
    timestamp: prediction.timestamp,
  };
  if (prediction.entityId !== undefined) request.entityId = prediction.entityId;
  return request;
}
