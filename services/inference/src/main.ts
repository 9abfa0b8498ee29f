import { runService } from '@mlops/service-runtime';
import { inferenceConfigSchema } from './config/inference-config.schema';
import { DEFAULT_HTTP_PORT, SERVICE_NAME, INFERENCE_TOPICS } from './inference.constants';
import { InferenceModule } from './inference.module';

void runService({
  name: SERVICE_NAME,
  configSchema: inferenceConfigSchema,
  defaultHttpPort: DEFAULT_HTTP_PORT,
  module: InferenceModule,
  topics: INFERENCE_TOPICS,
});
