import { validEvents } from './__fixtures__/valid-events';
import { EVENT_CATALOG, type EventName } from './event-catalog';
import { parseEvent } from './parse-event';
import { ALL_TOPICS, Topic } from './topics';

const entries = Object.entries(EVENT_CATALOG) as [EventName, (typeof EVENT_CATALOG)[EventName]][];

/** Every event goes through the same checks, so a new event cannot skip one. */
describe.each(entries)('%s', (name, descriptor) => {
  it('accepts its valid example', () => {
    expect(parseEvent(descriptor.schema, validEvents()[name])).toMatchObject({ ok: true });
  });

  it('has a versioned CloudEvents type and a literal schemaVersion matching it', () => {
    expect(descriptor.type).toMatch(/^io\.mlops\.[a-z_.]+\.v\d+$/);
    expect(descriptor.type.endsWith(`.v${descriptor.schemaVersion}`)).toBe(true);
    const otherVersion = { ...validEvents()[name], schemaVersion: descriptor.schemaVersion + 1 };
    expect(parseEvent(descriptor.schema, otherVersion)).toMatchObject({ ok: false, reason: `schemaVersion: expected ${descriptor.schemaVersion}` });
  });

  it('rejects a missing schemaVersion', () => {
    const { schemaVersion: _v, ...unversioned } = validEvents()[name];
    expect(parseEvent(descriptor.schema, unversioned)).toMatchObject({ ok: false, reason: 'schemaVersion: required' });
  });

  it(`applies its unknown-field policy (${descriptor.unknownFields})`, () => {
    const result = parseEvent(descriptor.schema, { ...validEvents()[name], unexpectedField: 1 });
    if (descriptor.unknownFields === 'strip') {
      expect(result.ok).toBe(true);
      expect(result.ok && Object.prototype.hasOwnProperty.call(result.value, 'unexpectedField')).toBe(false);
    } else {
      expect(result).toMatchObject({ ok: false, reason: 'unknown field "unexpectedField"' });
    }
  });

  it('rejects a value that is not an object', () => {
    expect(parseEvent(descriptor.schema, 'text')).toMatchObject({ ok: false, code: 'schema_violation' });
  });
});

describe('EVENT_CATALOG', () => {
  it('uses each CloudEvents type and JSON Schema file once', () => {
    const types = entries.map(([, d]) => d.type);
    const files = entries.map(([, d]) => d.jsonSchemaFile);
    expect(new Set(types).size).toBe(types.length);
    expect(new Set(files).size).toBe(files.length);
  });

  it('strips unknown fields exactly for the events external producers write', () => {
    const stripped = entries.filter(([, d]) => d.unknownFields === 'strip').map(([n]) => n);
    expect(stripped.sort()).toEqual(['InferenceRequest', 'LabelEvent', 'PredictionEvent']);
  });

  it('binds every topic but the dead-letter queue to exactly one event shape', () => {
    const bound = entries.flatMap(([, d]) => d.topics);
    expect(new Set(bound).size).toBe(bound.length);
    expect([...bound].sort()).toEqual(ALL_TOPICS.filter((t) => t !== Topic.DeadLetter).sort());
  });
});
