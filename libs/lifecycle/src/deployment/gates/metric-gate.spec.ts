import { summarizeGates } from './gate-result';
import { metricGate } from './metric-gate';

const comparison = (challenger: number, champion?: number, championVersion?: string, primaryMetric = 'accuracy') => ({
  primaryMetric,
  challenger,
  ...(champion !== undefined && { champion }),
  ...(championVersion !== undefined && { championVersion }),
  outperformsChampion: true,
});
const better = { mode: 'better' as const, margin: 0.01 };

describe('metricGate', () => {
  it('passes a first champion', () => {
    expect(metricGate(comparison(0.8), undefined, better)).toEqual({ gate: 'metric', status: 'pass', detail: 'first champion (accuracy 0.8)' });
  });

  it('needs the margin under "better"', () => {
    expect(metricGate(comparison(0.9, 0.85, '2'), '2', better)).toMatchObject({ status: 'pass', detail: 'accuracy 0.9 vs champion 0.85: +0.05, policy better by at least 0.01' });
    expect(metricGate(comparison(0.855, 0.85, '2'), '2', better).status).toBe('fail');
    expect(metricGate(comparison(0.85, 0.85, '2'), '2', { mode: 'better', margin: 0 }).status).toBe('fail');
  });

  it('tolerates the margin under "not_worse"', () => {
    const policy = { mode: 'not_worse' as const, margin: 0.01 };
    expect(metricGate(comparison(0.845, 0.85, '2'), '2', policy).status).toBe('pass');
    expect(metricGate(comparison(0.83, 0.85, '2'), '2', policy)).toMatchObject({ status: 'fail', detail: expect.stringContaining('-0.02') });
  });

  it('reads lower-is-better metrics', () => {
    expect(metricGate(comparison(0.3, 0.5, '2', 'log_loss'), '2', better).status).toBe('pass');
    expect(metricGate(comparison(0.5, 0.3, '2', 'log_loss'), '2', better).status).toBe('fail');
  });

  it('fails a comparison against another version, or without the champion number', () => {
    expect(metricGate(comparison(0.9, 0.5, '1'), '2', better)).toMatchObject({ status: 'fail', detail: 'compared against version 1, but version 2 is champion' });
    expect(metricGate(comparison(0.9), '2', better)).toMatchObject({ status: 'fail', detail: 'compared without a champion, but version 2 is champion' });
    expect(metricGate(comparison(0.9, undefined, '2'), '2', better)).toMatchObject({ status: 'fail', detail: expect.stringMatching(/could not be evaluated/) });
  });

  it('summarizes gates on one line', () => {
    expect(summarizeGates([{ gate: 'checksum', status: 'pass', detail: '' }, { gate: 'load', status: 'fail', detail: 'bad json' }])).toBe('checksum: pass; load: fail (bad json)');
  });
});
