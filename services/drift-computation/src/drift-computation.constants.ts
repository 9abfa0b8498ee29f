import { Topic } from '@mlops/contracts';

export const SERVICE_NAME = 'drift-computation';
export const DEFAULT_HTTP_PORT = 3003;

/** What this service reads and writes (see docs/architecture.md); bootstrapped at start when missing. */
export const DRIFT_COMPUTATION_TOPICS = [Topic.Predictions, Topic.PredictionsLabeled, Topic.ModelsDeployed, Topic.DriftReports, Topic.RetrainRequests] as const;
