import { Topic } from '@mlops/contracts';

export const SERVICE_NAME = 'ingestion';
export const DEFAULT_HTTP_PORT = 3001;

/** What this service reads and writes (see docs/architecture.md); bootstrapped at start when missing. */
export const INGESTION_TOPICS = [Topic.PredictionsRaw, Topic.LabelsRaw, Topic.Predictions, Topic.PredictionsLabeled, Topic.ModelsDeployed] as const;
