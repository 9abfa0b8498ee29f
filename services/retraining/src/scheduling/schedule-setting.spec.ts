import { scheduledRequest } from './scheduled-request';
import { parseSchedules } from './schedule-setting';

describe('parseSchedules', () => {
  it('reads model=cron entries separated by semicolons', () => {
    const schedules = parseSchedules(' loan=@weekly ; fraud = 0 3 * * 1,3 ;');
    expect(schedules.map((s) => [s.model, s.cron.source])).toEqual([
      ['loan', '@weekly'],
      ['fraud', '0 3 * * 1,3'],
    ]);
    expect(parseSchedules('')).toEqual([]);
  });

  it('names the bad entry', () => {
    expect(() => parseSchedules('loan')).toThrow(/"loan": expected model=cron/);
    expect(() => parseSchedules('loan=@weekly;loan=@daily')).toThrow(/scheduled twice/);
    expect(() => parseSchedules('loan=61 * * * *')).toThrow(/minute/);
  });
});

describe('scheduledRequest', () => {
  it('derives the request id from the model and the tick, with the window before it', () => {
    const request = scheduledRequest('loan', new Date('2026-01-11T00:00:00Z'), 7 * 86400_000);
    expect(request).toEqual({
      schemaVersion: 1,
      requestId: 'schedule:loan:20260111T000000Z',
      model: 'loan',
      reason: 'schedule',
      detail: 'scheduled retraining',
      dataWindow: { from: '2026-01-04T00:00:00.000Z', to: '2026-01-11T00:00:00.000Z' },
      requestedAt: '2026-01-11T00:00:00.000Z',
    });
  });

  it('stays within the identifier length for long model names', () => {
    const request = scheduledRequest('m'.repeat(128), new Date('2026-01-11T00:00:00Z'), 1000);
    expect(request.requestId).toMatch(/^schedule:[0-9a-f]{32}:20260111T000000Z$/);
  });
});
