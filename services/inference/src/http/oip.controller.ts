import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Param, Post } from '@nestjs/common';
import { HealthRegistry } from '@mlops/observability';
import { InferenceMetrics } from '../metrics/inference.metrics';
import { InvalidRequestError } from '../requests/invalid-request.error';
import { PredictionEmitter } from '../requests/prediction-emitter';
import { predictionEvent, predictionRecord } from '../requests/prediction-event.factory';
import { ModelServerProvider } from '../serving/model-server.provider';
import { oipOutputs, OipInferRequestSchema, recordsFromOip } from './oip-codec';

function oipError(status: HttpStatus, message: string): HttpException {
  // OIP's error body is `{ "error": "<message>" }`.
  return new HttpException({ error: message }, status);
}

/**
 * The Open Inference Protocol (v2) over HTTP, so this service can stand in for KServe- or
 * Triton-style servers. Every prediction made here is also emitted as a PredictionEvent.
 */
@Controller('v2')
export class OipController {
  constructor(
    private readonly models: ModelServerProvider,
    private readonly emitter: PredictionEmitter,
    private readonly metrics: InferenceMetrics,
    private readonly health: HealthRegistry,
  ) {}

  @Get('health/live')
  live(): { live: boolean } {
    return { live: true };
  }

  @Get('health/ready')
  async ready(): Promise<{ ready: boolean }> {
    const report = await this.health.readiness();
    if (!report.ready) throw oipError(HttpStatus.SERVICE_UNAVAILABLE, 'not ready');
    return { ready: true };
  }

  @Get('models/:name')
  metadata(@Param('name') name: string) {
    const served = this.models.server.get(name);
    if (!served) throw oipError(HttpStatus.NOT_FOUND, `model ${name} is not served here`);
    const { schema, task, classes } = served.model;
    return {
      name,
      versions: [served.version],
      platform: 'tfjs',
      inputs: schema.map((f) => ({ name: f.name, datatype: f.type === 'numerical' ? 'FP64' : f.type === 'boolean' ? 'BOOL' : 'BYTES', shape: [-1] })),
      outputs:
        task === 'regression'
          ? [{ name: 'prediction', datatype: 'FP64', shape: [-1] }]
          : [{ name: 'label', datatype: 'BYTES', shape: [-1] }, { name: 'score', datatype: 'FP64', shape: [-1] }, ...(classes ?? []).map((c) => ({ name: `probability_${String(c)}`, datatype: 'FP64', shape: [-1] }))],
    };
  }

  @Get('models/:name/ready')
  modelReady(@Param('name') name: string): { name: string; ready: boolean } {
    if (!this.models.server.get(name)) throw oipError(HttpStatus.NOT_FOUND, `model ${name} is not served here`);
    return { name, ready: true };
  }

  @Post('models/:name/infer')
  @HttpCode(200)
  async infer(@Param('name') name: string, @Body() body: unknown) {
    const parsed = OipInferRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw oipError(HttpStatus.BAD_REQUEST, `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const requestId = parsed.data.id ?? randomUUID();
    if (!this.models.server.get(name)) throw oipError(HttpStatus.NOT_FOUND, `model ${name} is not served here`);
    return this.models.server.withModel(name, async (served) => {
      let records;
      try {
        records = recordsFromOip(parsed.data);
        records.forEach((record, row) => {
          try {
            served.model.validate(record);
          } catch (error) {
            throw new InvalidRequestError(`row ${row}: ${(error as Error).message}`);
          }
        });
      } catch (error) {
        this.metrics.rejected(name, served.version);
        throw oipError(HttpStatus.BAD_REQUEST, (error as Error).message);
      }
      const started = performance.now();
      const predictions = await served.model.predict(records, { batchSize: Math.min(4096, records.length) });
      const computeMs = performance.now() - started;
      this.metrics.served(name, served.version, records.length, computeMs / 1000, []);
      const now = new Date();
      this.emitter.emit(
        records.map((features, i) =>
          predictionRecord(
            predictionEvent({
              eventId: records.length === 1 ? requestId : `${requestId}.${i}`,
              model: name,
              version: served.version,
              features,
              prediction: predictions[i],
              timestamp: now.toISOString(),
              latencyMs: computeMs,
            }),
            now,
          ),
        ),
      );
      return { model_name: name, model_version: served.version, id: requestId, outputs: oipOutputs(predictions) };
    });
  }
}
