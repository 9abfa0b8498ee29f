import { MODEL_NAME_PATTERN } from '@mlops/contracts';
import { parseCron, type CronExpression } from './cron-expression';

export interface ModelSchedule {
  readonly model: string;
  readonly cron: CronExpression;
}

/**
 * Reads `RETRAINING_SCHEDULES`: `model=cron` entries separated by `;` (cron fields contain
 * spaces and commas), e.g. `loan-approval=@weekly;fraud=0 3 * * mon`. Empty means no schedule.
 * Throws an Error naming the bad entry.
 */
export function parseSchedules(text: string): ModelSchedule[] {
  const schedules: ModelSchedule[] = [];
  for (const entry of text.split(';').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf('=');
    const model = at < 0 ? '' : entry.slice(0, at).trim();
    if (!MODEL_NAME_PATTERN.test(model)) throw new Error(`"${entry}": expected model=cron with a valid model name`);
    if (schedules.some((s) => s.model === model)) throw new Error(`"${entry}": model ${model} is scheduled twice`);
    schedules.push({ model, cron: parseCron(entry.slice(at + 1)) });
  }
  return schedules;
}
