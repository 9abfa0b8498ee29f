import { runService } from '@mlops/service-runtime';
import { driftComputationConfigSchema } from './config/drift-computation-config.schema';
import { DEFAULT_HTTP_PORT, SERVICE_NAME, DRIFT_COMPUTATION_TOPICS } from './drift-computation.constants';
import { DriftComputationModule } from './drift-computation.module';

void runService({
  name: SERVICE_NAME,
  configSchema: driftComputationConfigSchema,
  defaultHttpPort: DEFAULT_HTTP_PORT,
  module: DriftComputationModule,
  topics: DRIFT_COMPUTATION_TOPICS,
});
