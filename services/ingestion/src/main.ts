import { runService } from '@mlops/service-runtime';
import { ingestionConfigSchema } from './config/ingestion-config.schema';
import { DEFAULT_HTTP_PORT, SERVICE_NAME, INGESTION_TOPICS } from './ingestion.constants';
import { IngestionModule } from './ingestion.module';

void runService({
  name: SERVICE_NAME,
  configSchema: ingestionConfigSchema,
  defaultHttpPort: DEFAULT_HTTP_PORT,
  module: IngestionModule,
  topics: INGESTION_TOPICS,
});
