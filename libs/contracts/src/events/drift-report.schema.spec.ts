import { validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { DriftReportSchema } from './drift-report.schema';

const valid = () => validEvents().DriftReport;
const parse = (input: unknown) => parseEvent(DriftReportSchema, input);
const firstFeature = () => (valid().features as Record<string, unknown>[])[0];

describe('DriftReport', () => {
  it('accepts a full report', () => {
    expect(parse(valid())).toEqual({ ok: true, value: valid() });
  });

  it('accepts a report without labels: no performance, no prediction drift, no features yet', () => {
    const { performance: _p, predictionDrift: _d, ...report } = valid();
    expect(parse({ ...report, features: [], driftType: 'none' }).ok).toBe(true);
  });

  it.each(['reportId', 'model', 'version', 'window', 'samples', 'features', 'datasetDrift', 'driftType', 'generatedAt'])(
    'rejects a missing %s',
    (field) => {
      const input = valid();
      delete input[field];
      expect(parse(input)).toMatchObject({ ok: false, reason: `${field}: required` });
    },
  );

  it('rejects a p-value outside [0, 1] and a non-finite score', () => {
    expect(parse({ ...valid(), features: [{ ...firstFeature(), pValue: 1.2 }] })).toMatchObject({
      ok: false,
      reason: 'features[0].pValue: must be <= 1',
    });
    expect(parse({ ...valid(), features: [{ ...firstFeature(), score: NaN }] })).toMatchObject({
      ok: false,
      reason: 'features[0].score: expected finite number, received NaN',
    });
  });

  it('rejects a dataset drift share above 1 and negative sample counts', () => {
    expect(parse({ ...valid(), datasetDrift: { share: 1.5, threshold: 0.1, drifted: true } })).toMatchObject({
      reason: 'datasetDrift.share: must be <= 1',
    });
    expect(parse({ ...valid(), samples: { reference: 1, current: -1, labeled: 0 } })).toMatchObject({
      reason: 'samples.current: must be >= 0',
    });
  });

  it('rejects a window that ends before it starts and an unknown window kind', () => {
    const window = { kind: 'tumbling', start: '2024-05-01T12:00:00.000Z', end: '2024-05-01T11:00:00.000Z' };
    expect(parse({ ...valid(), window })).toMatchObject({ reason: 'window.end: start must not be after end' });
    expect(parse({ ...valid(), window: { ...window, kind: 'session', end: window.start } })).toMatchObject({
      reason: 'window.kind: expected "tumbling" | "sliding" | "count"',
    });
  });

  it('rejects an unknown drift type', () => {
    expect(parse({ ...valid(), driftType: 'covariate' })).toMatchObject({ reason: expect.stringMatching(/^driftType: expected "none"/) });
  });

  it('rejects unknown fields at the top level and inside results (control plane)', () => {
    expect(parse({ ...valid(), debug: true })).toMatchObject({ ok: false, reason: 'unknown field "debug"' });
    expect(parse({ ...valid(), features: [{ ...firstFeature(), note: 'x' }] })).toMatchObject({
      ok: false,
      reason: 'features[0]: unknown field "note"',
    });
  });

  describe('detectors (optional)', () => {
    const ddm = { method: 'ddm', values: 3000, position: 9000, drifted: true, drifts: 1, warning: false, detections: [{ index: 7012 }] };

    it('accepts the state of the streaming detectors and a report without them', () => {
      expect(parse({ ...valid(), detectors: [ddm, { ...ddm, method: 'adwin', drifted: false, drifts: 0, detections: [] }] }).ok).toBe(true);
      expect('detectors' in valid()).toBe(false);
    });

    it('rejects an unknown detector, a negative index and unknown fields', () => {
      expect(parse({ ...valid(), detectors: [{ ...ddm, method: 'kswin' }] })).toMatchObject({ ok: false, reason: expect.stringMatching(/^detectors\[0\]\.method: expected "ddm"/) });
      expect(parse({ ...valid(), detectors: [{ ...ddm, detections: [{ index: -1 }] }] })).toMatchObject({ ok: false, reason: 'detectors[0].detections[0].index: must be >= 0' });
      expect(parse({ ...valid(), detectors: [{ ...ddm, time: 'now' }] })).toMatchObject({ ok: false, reason: 'detectors[0]: unknown field "time"' });
    });
  });
});
