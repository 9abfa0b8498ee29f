import { randomBytes } from 'node:crypto';
import { decodeEvent, DriftReportSchema, LabeledPredictionEventSchema, ModelDeployedSchema, ModelRegisteredSchema, ModelRejectedSchema, RetrainRequestSchema, Topic } from '@mlops/contracts';
import type { Kafka } from 'kafkajs';
import { emptyState, LoopState, tally } from './loop-state';
import type { PhaseSpan } from './loop-verdict';

/** Which scenario phase a simulated event belongs to, from its `<runId>-<index>` id. */
export function phaseOf(eventId: string, phases: readonly PhaseSpan[]): string | undefined {
  const index = Number(eventId.slice(eventId.lastIndexOf('-') + 1));
  if (!Number.isInteger(index)) return undefined;
  return phases.find((p) => index >= p.start && index < p.start + p.events)?.name;
}

function predictedLabel(prediction: unknown): string {
  return typeof prediction === 'object' && prediction !== null && 'label' in prediction ? String((prediction as { label: unknown }).label) : String(prediction);
}

/**
 * Follows the loop's control topics and `predictions.labeled` from the beginning with a group
 * of its own, and keeps the LoopState the status line and the verdict are computed from.
 */
export async function observeLoop(kafka: Kafka, topic: (t: Topic) => string, phases: readonly PhaseSpan[]) {
  const state = emptyState();
  const consumer = kafka.consumer({ groupId: `loop-observer.${randomBytes(6).toString('hex')}` });
  await consumer.connect();
  const topics = [Topic.DriftReports, Topic.RetrainRequests, Topic.ModelsRegistered, Topic.ModelsRejected, Topic.ModelsDeployed, Topic.PredictionsLabeled];
  for (const t of topics) await consumer.subscribe({ topic: topic(t), fromBeginning: true });
  const name = Object.fromEntries(topics.map((t) => [topic(t), t])) as Record<string, Topic>;
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      for (const m of batch.messages) apply(state, name[batch.topic], m.value, now, phases);
    },
  });
  return { state, stop: () => consumer.disconnect() };
}

function apply(state: LoopState, topic: Topic, value: Buffer | null, now: number, phases: readonly PhaseSpan[]): void {
  switch (topic) {
    case Topic.PredictionsLabeled: {
      const d = decodeEvent(LabeledPredictionEventSchema, value);
      if (!d.ok) return;
      state.labeled++;
      const correct = predictedLabel(d.value.prediction) === String(d.value.label);
      const phase = phaseOf(d.value.eventId, phases) ?? 'unknown';
      const version = d.value.modelVersion ?? 'unknown';
      tally(state.byPhase, phase, correct);
      tally(state.byVersion, version, correct);
      tally(state.byPhaseAndVersion, `${phase}|${version}`, correct);
      return;
    }
    case Topic.DriftReports: {
      const d = decodeEvent(DriftReportSchema, value);
      if (!d.ok) return;
      const acc = d.value.performance?.metrics.find((m) => m.metric === 'accuracy')?.current;
      state.reports.push({ at: now, version: d.value.version, driftType: d.value.driftType, datasetShare: d.value.datasetDrift.share, accuracy: acc, samples: d.value.samples.current, windowEnd: d.value.window.end });
      return;
    }
    case Topic.RetrainRequests: {
      const d = decodeEvent(RetrainRequestSchema, value);
      if (d.ok) state.retrainRequests.push({ at: now, requestId: d.value.requestId, reason: d.value.reason });
      return;
    }
    case Topic.ModelsRegistered: {
      const d = decodeEvent(ModelRegisteredSchema, value);
      if (d.ok) state.registered.push({ at: now, version: d.value.version, requestId: d.value.lineage.requestId });
      return;
    }
    case Topic.ModelsRejected: {
      const d = decodeEvent(ModelRejectedSchema, value);
      if (d.ok) state.rejected.push({ at: now, reason: d.value.reason, detail: d.value.detail });
      return;
    }
    case Topic.ModelsDeployed: {
      const d = decodeEvent(ModelDeployedSchema, value);
      if (d.ok) state.deployed.push({ at: now, version: d.value.version, previous: d.value.previousVersion });
      return;
    }
    default:
      return;
  }
}
