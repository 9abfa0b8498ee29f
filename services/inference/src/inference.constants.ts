import { Topic } from '@mlops/contracts';

export const SERVICE_NAME = 'inference';
export const DEFAULT_HTTP_PORT = 3002;

/** What this service reads and writes (see docs/architecture.md); bootstrapped at start when missing. */
export const INFERENCE_TOPICS = [Topic.InferenceRequests, Topic.ModelsDeployed, Topic.PredictionsRaw] as const;
