import { Topic } from '@mlops/contracts';

export const SERVICE_NAME = 'deployment';
export const DEFAULT_HTTP_PORT = 3005;

/** What this service reads and writes (see docs/architecture.md); bootstrapped at start when missing. */
export const DEPLOYMENT_TOPICS = [Topic.ModelsRegistered, Topic.DeployCommands, Topic.ModelsDeployed, Topic.ModelsRejected] as const;
