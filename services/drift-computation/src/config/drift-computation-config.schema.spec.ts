import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidConfigurationError, loadConfig } from '@mlops/service-runtime';
import { driftComputationConfigSchema } from './drift-computation-config.schema';

const base = { KAFKA_BROKERS: '127.0.0.1:9092' };
const dir = mkdtempSync(path.join(os.tmpdir(), 'drift-policy-spec-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(driftComputationConfigSchema, { ...base, ...env });
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.message.split('\n').slice(1).map((l) => l.trim());
    throw error;
  }
  return [];
}

describe('drift-computation configuration', () => {
  it('has working defaults: hourly windows, 5 min lateness, the documented retrain policy', () => {
    const config = loadConfig(driftComputationConfigSchema, base);
    expect(config).toMatchObject({ DRIFT_WINDOW_KIND: 'time', DRIFT_WINDOW_SIZE: 3_600_000, DRIFT_ALLOWED_LATENESS: 300_000, DRIFT_LABEL_WAIT_WINDOWS: 1, REGISTRY: 'filesystem' });
    expect(config.policies.for('any')).toEqual({
      datasetDriftShare: 0.1,
      performanceDrop: 0.1,
      minSamples: 1000,
      minLabeled: 200,
      consecutiveWindows: 2,
      cooldownMs: 86_400_000,
      responses: { concept: 'retrain', data_and_concept: 'retrain', data: 'retrain_when_labeled', prediction: 'alert' },
      detectorDrift: 'ignore',
      columns: {},
    });
    expect(config).toMatchObject({ DRIFT_DETECTOR_MAX_ERRORS: 20_000 });
    expect(config.DRIFT_STALL_AFTER).toBeUndefined();
  });

  it('chooses the streaming detectors and what their drift means, from the environment or the file', () => {
    const fromEnv = loadConfig(driftComputationConfigSchema, { ...base, DRIFT_POLICY_DETECTORS: 'adwin, page_hinkley', DRIFT_POLICY_DETECTOR_DRIFT: 'sufficient', DRIFT_STALL_AFTER: '3h' });
    expect(fromEnv.policies.for('any')).toMatchObject({ detectors: ['adwin', 'page_hinkley'], detectorDrift: 'sufficient' });
    expect(fromEnv.DRIFT_STALL_AFTER).toBe(10_800_000);
    expect(loadConfig(driftComputationConfigSchema, { ...base, DRIFT_POLICY_DETECTORS: 'none' }).policies.for('any').detectors).toEqual([]);
    const policy = file('detectors.yaml', 'models:\n  loan-approval:\n    detectors: [ddm, adwin]\n    detectorDrift: ignore\n');
    expect(loadConfig(driftComputationConfigSchema, { ...base, DRIFT_POLICY_FILE: policy }).policies.for('loan-approval')).toMatchObject({ detectors: ['ddm', 'adwin'], detectorDrift: 'ignore' });
    expect(problems({ DRIFT_POLICY_DETECTORS: 'ddm,kswin', DRIFT_POLICY_DETECTOR_DRIFT: 'always' })).toEqual([
      expect.stringMatching(/^DRIFT_POLICY_DETECTORS: expected a comma-separated list of ddm, adwin, page_hinkley \(or none\), not kswin/),
      expect.stringMatching(/^DRIFT_POLICY_DETECTOR_DRIFT: expected one of ignore, evidence, sufficient/),
    ]);
    const bad = file('bad-detectors.yaml', 'defaults:\n  detectors: [cusum]\n');
    expect(problems({ DRIFT_POLICY_FILE: bad }).join('\n')).toMatch(/expected one of ddm, adwin, page_hinkley at defaults\.detectors\.0/);
  });

  it('reads durations from seconds to weeks', () => {
    const config = loadConfig(driftComputationConfigSchema, { ...base, DRIFT_WINDOW_SIZE: '7d', DRIFT_ALLOWED_LATENESS: '90s', DRIFT_IDLE_TIMEOUT: '2m' });
    expect([config.DRIFT_WINDOW_SIZE, config.DRIFT_ALLOWED_LATENESS, config.DRIFT_IDLE_TIMEOUT]).toEqual([604_800_000, 90_000, 120_000]);
  });

  it('names every bad variable and what it expected', () => {
    expect(problems({ DRIFT_WINDOW_SIZE: 'weekly', DRIFT_WINDOW_KIND: 'sliding', DRIFT_POLICY_ON_CONCEPT: 'panic', DRIFT_POLICY_DATASET_DRIFT_SHARE: '10' })).toEqual([
      expect.stringMatching(/^DRIFT_WINDOW_KIND: expected time or count/),
      expect.stringMatching(/^DRIFT_WINDOW_SIZE: expected a duration such as 500ms, 30s, 5m, 6h, 7d or 2w \(at least 1000 ms\), got "weekly"/),
      expect.stringMatching(/^DRIFT_POLICY_DATASET_DRIFT_SHARE: expected a number in \[0, 1\]/),
      expect.stringMatching(/^DRIFT_POLICY_ON_CONCEPT: expected one of retrain, retrain_when_labeled, alert, ignore/),
    ]);
  });

  it('layers the policy: defaults, the file, the environment, then the model’s own section', () => {
    const policy = file(
      'policy.yaml',
      `defaults:\n  consecutiveWindows: 3\n  cooldown: 6h\n  minSamples: 500\nmodels:\n  loan-approval:\n    consecutiveWindows: 1\n    positiveLabel: approve\n    responses: { data: alert }\n    columns:\n      salary: { method: psi, threshold: 0.2 }\n`,
    );
    const config = loadConfig(driftComputationConfigSchema, { ...base, DRIFT_POLICY_FILE: policy, DRIFT_POLICY_MIN_SAMPLES: '2000', DRIFT_POLICY_CONSECUTIVE_WINDOWS: '4' });
    expect(config.policies.for('other')).toMatchObject({ consecutiveWindows: 4, cooldownMs: 21_600_000, minSamples: 2000 });
    expect(config.policies.for('loan-approval')).toMatchObject({
      consecutiveWindows: 1,
      cooldownMs: 21_600_000,
      minSamples: 2000,
      positiveLabel: 'approve',
      responses: { data: 'alert', concept: 'retrain', prediction: 'alert', data_and_concept: 'retrain' },
      columns: { salary: { method: 'psi', threshold: 0.2 } },
    });
  });

  it('refuses a bad policy file before start, naming the key', () => {
    const bad = file('bad.yaml', 'models:\n  loan-approval:\n    cooldown: soon\n    consecutiveWindow: 2\n    columns:\n      age: { method: t-test }\n');
    const lines = problems({ DRIFT_POLICY_FILE: bad });
    expect(lines).toContain(`DRIFT_POLICY_FILE: Unrecognized key: "consecutiveWindow" at models.loan-approval, got ${JSON.stringify(bad)}`);
    expect(lines).toContain(`DRIFT_POLICY_FILE: expected a duration such as 500ms, 30s, 5m, 6h, 7d or 2w (not "soon") at models.loan-approval.cooldown, got ${JSON.stringify(bad)}`);
    expect(lines.join('\n')).toMatch(/expected one of ks, .* at models\.loan-approval\.columns\.age\.method/);
    expect(problems({ DRIFT_POLICY_FILE: path.join(dir, 'missing.yaml') })).toEqual([expect.stringMatching(/^DRIFT_POLICY_FILE: cannot read it: ENOENT/)]);
    expect(problems({ DRIFT_POLICY_FILE: file('broken.yaml', 'defaults: [') })).toEqual([expect.stringMatching(/^DRIFT_POLICY_FILE: not valid YAML or JSON/)]);
  });

  it('needs MLFLOW_TRACKING_URI when the registry is MLflow', () => {
    expect(problems({ REGISTRY: 'mlflow' })).toEqual([expect.stringMatching(/^MLFLOW_TRACKING_URI: required/)]);
  });
});
