import { decisionEventId, modelDeployedEvent, refusalEvent } from './deployment-events';

const sha = (c: string) => c.repeat(64);
const version = { model: 'loan', version: '3', artifact: { uri: 'file:///r/a', sha256: sha('a') }, baselineProfile: { uri: 'file:///r/b', sha256: sha('b') } };

describe('deployment events', () => {
  it('builds ModelDeployed with the previous champion, never itself', () => {
    expect(modelDeployedEvent(version, '2', new Date(0))).toEqual({ schemaVersion: 1, ...version, previousVersion: '2', deployedAt: '1970-01-01T00:00:00.000Z' });
    expect(modelDeployedEvent(version, '3', new Date(0)).previousVersion).toBeUndefined();
    expect(modelDeployedEvent(version, undefined, new Date(0)).previousVersion).toBeUndefined();
  });

  it('maps failed gates to the contract reasons and reports every gate', () => {
    const integrity = refusalEvent(
      {
        model: 'loan',
        version: '3',
        requestId: 'req-3',
        cause: 'registered',
        gates: [
          { gate: 'checksum', status: 'fail', detail: 'weights.bin has sha256 x' },
          { gate: 'load', status: 'skipped', detail: 'an earlier gate failed' },
          { gate: 'metric', status: 'pass', detail: 'ok' },
        ],
      },
      new Date(0),
    );
    expect(integrity).toMatchObject({ reason: 'gate_failed', version: '3', requestId: 'req-3', detail: 'deployment refused (registered): checksum: fail (weights.bin has sha256 x); load: skipped (an earlier gate failed); metric: pass (ok)' });
    const metric = refusalEvent({ model: 'loan', version: '3', requestId: 'r', cause: 'registered', gates: [{ gate: 'metric', status: 'fail', detail: 'worse' }] }, new Date(0));
    expect(metric.reason).toBe('not_better_than_champion');
    expect(decisionEventId('deployed', 'loan', '3', 'command:c1')).toBe('deployed:loan:3:command:c1');
  });
});
