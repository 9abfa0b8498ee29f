import { Topic } from '@mlops/contracts';

export const SERVICE_NAME = 'retraining';
export const DEFAULT_HTTP_PORT = 3004;

/** What this service reads and writes (see docs/architecture.md); bootstrapped at start when missing. */
export const RETRAINING_TOPICS = [Topic.RetrainRequests, Topic.PredictionsLabeled, Topic.ModelsRegistered, Topic.ModelsRejected] as const;
