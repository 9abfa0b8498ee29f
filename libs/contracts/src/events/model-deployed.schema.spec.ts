import { validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { ModelDeployedSchema } from './model-deployed.schema';

const valid = () => validEvents().ModelDeployed;
const parse = (input: unknown) => parseEvent(ModelDeployedSchema, input);

describe('ModelDeployed', () => {
  it('accepts a promotion and a first deployment without previous version', () => {
    expect(parse(valid())).toEqual({ ok: true, value: valid() });
    const { previousVersion: _p, ...first } = valid();
    expect(parse(first).ok).toBe(true);
  });

  it.each(['model', 'version', 'artifact', 'baselineProfile', 'deployedAt'])('rejects a missing %s', (field) => {
    const input = valid();
    delete input[field];
    expect(parse(input)).toMatchObject({ ok: false, reason: `${field}: required` });
  });

  it('rejects a baseline profile without checksum and a non-UTC deployedAt', () => {
    expect(parse({ ...valid(), baselineProfile: { uri: 'file:///p.json' } })).toMatchObject({ reason: 'baselineProfile.sha256: required' });
    expect(parse({ ...valid(), deployedAt: 'now' })).toMatchObject({ reason: 'deployedAt: expected ISO-8601 date-time' });
  });

  it('rejects unknown fields, also inside the artifact (control plane)', () => {
    expect(parse({ ...valid(), replicas: 3 })).toMatchObject({ ok: false, reason: 'unknown field "replicas"' });
    expect(parse({ ...valid(), artifact: { ...(valid().artifact as object), size: 1 } })).toMatchObject({
      reason: 'artifact: unknown field "size"',
    });
  });
});
