import { runService } from '@mlops/service-runtime';
import { retrainingConfigSchema } from './config/retraining-config.schema';
import { DEFAULT_HTTP_PORT, SERVICE_NAME, RETRAINING_TOPICS } from './retraining.constants';
import { RetrainingModule } from './retraining.module';

void runService({
  name: SERVICE_NAME,
  configSchema: retrainingConfigSchema,
  defaultHttpPort: DEFAULT_HTTP_PORT,
  module: RetrainingModule,
  topics: RETRAINING_TOPICS,
});
