import { summarizeGates } from '@mlops/lifecycle';
import type { Published } from '../publishing/model-event-publisher';
import { MODEL_EXIT } from '../model-exit-codes';
import type { DeployOutcome } from './deploy-version';

/** The deployment part of a command's result (JSON) and its lines (text), with the exit code it implies. */
export function reportDeployment(model: string, version: string, outcome: DeployOutcome): { json: Record<string, unknown>; lines: string[]; code: number } {
  switch (outcome.kind) {
    case 'unchanged':
      return { json: { outcome: 'unchanged' }, lines: [`deployment: version ${version} is already champion; nothing to do`], code: MODEL_EXIT.ok };
    case 'held':
      return {
        json: { outcome: 'held', gates: outcome.gates },
        lines: [`gates: ${summarizeGates(outcome.gates)}`, `deployment held: the champion of ${model} is unchanged`],
        code: MODEL_EXIT.refused,
      };
    case 'refused':
      return {
        json: { outcome: 'refused', gates: outcome.gates, reason: outcome.event.reason, event: where(outcome.published) },
        lines: [`gates: ${summarizeGates(outcome.gates)}`, `deployment refused (${outcome.event.reason}): the champion of ${model} is unchanged; ModelRejected → ${describePublished(outcome.published)}`],
        code: MODEL_EXIT.refused,
      };
    case 'promoted':
      return {
        json: { outcome: 'promoted', gates: outcome.gates, previousVersion: outcome.previousVersion ?? null, event: where(outcome.published) },
        lines: [
          `gates: ${summarizeGates(outcome.gates)}`,
          `deployed: ${model} version ${version} is champion${outcome.previousVersion === undefined ? ' (first champion)' : ` (was ${outcome.previousVersion})`}; ModelDeployed → ${describePublished(outcome.published)}`,
        ],
        code: MODEL_EXIT.ok,
      };
  }
}

export function describePublished(published: Published): string {
  return `${published.topic} partition ${published.partition}${published.offset === undefined ? '' : ` offset ${published.offset}`}`;
}

export function where(published: Published): Record<string, unknown> {
  return { topic: published.topic, partition: published.partition, offset: published.offset ?? null };
}
