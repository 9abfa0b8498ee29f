import { runService } from '@mlops/service-runtime';
import { deploymentConfigSchema } from './config/deployment-config.schema';
import { DEFAULT_HTTP_PORT, SERVICE_NAME, DEPLOYMENT_TOPICS } from './deployment.constants';
import { DeploymentModule } from './deployment.module';

void runService({
  name: SERVICE_NAME,
  configSchema: deploymentConfigSchema,
  defaultHttpPort: DEFAULT_HTTP_PORT,
  module: DeploymentModule,
  topics: DEPLOYMENT_TOPICS,
});
