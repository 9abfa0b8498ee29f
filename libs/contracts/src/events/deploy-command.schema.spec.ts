import { validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { DeployCommandSchema } from './deploy-command.schema';

const valid = () => validEvents().DeployCommand;
const parse = (input: unknown) => parseEvent(DeployCommandSchema, input);

describe('DeployCommand', () => {
  it('accepts promote, approve and rollback', () => {
    expect(parse(valid())).toEqual({ ok: true, value: valid() });
    expect(parse({ ...valid(), command: 'approve' }).ok).toBe(true);
    expect(parse({ ...valid(), command: 'rollback' }).ok).toBe(true);
  });

  it('accepts pin and unpin without a version, and refuses one with it', () => {
    const { version: _v, ...noVersion } = valid() as Record<string, unknown>;
    expect(parse({ ...noVersion, command: 'pin' }).ok).toBe(true);
    expect(parse({ ...noVersion, command: 'unpin' }).ok).toBe(true);
    expect(parse({ ...valid(), command: 'pin' }).ok).toBe(false);
  });

  it('lets rollback omit the version (back to the previous champion) but not promote or approve', () => {
    const { version: _v, ...noVersion } = valid();
    expect(parse({ ...noVersion, command: 'rollback' }).ok).toBe(true);
    expect(parse({ ...noVersion, command: 'promote' })).toMatchObject({ ok: false, reason: 'version: required' });
    expect(parse({ ...noVersion, command: 'approve' })).toMatchObject({ ok: false, reason: 'version: required' });
  });

  it('rejects an unknown command', () => {
    expect(parse({ ...valid(), command: 'delete' })).toMatchObject({
      ok: false,
      reason: 'command: expected "promote" | "approve" | "rollback" | "pin" | "unpin"',
    });
  });

  it.each(['commandId', 'model', 'requestedBy', 'requestedAt'])('rejects a missing %s', (field) => {
    const input = valid();
    delete input[field];
    expect(parse(input)).toMatchObject({ ok: false, reason: `${field}: required` });
  });

  it('rejects a requester with control characters', () => {
    expect(parse({ ...valid(), requestedBy: 'alice\nbob' })).toMatchObject({ reason: expect.stringMatching(/^requestedBy: must match/) });
  });

  it('rejects unknown fields (control plane)', () => {
    expect(parse({ ...valid(), force: true })).toMatchObject({ ok: false, reason: 'unknown field "force"' });
  });
});
