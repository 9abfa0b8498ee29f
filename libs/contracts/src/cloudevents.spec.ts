import { CloudEventHeader, parseCloudEventHeaders, toCloudEventHeaders } from './cloudevents';
import { HeaderValidationError } from './errors/header-validation.error';

const fixed = { newId: () => 'id-1', now: () => new Date('2024-05-01T12:00:00.000Z') };

describe('CloudEvents binary-mode headers', () => {
  it('writes the required attributes, spec version and JSON content type', () => {
    expect(toCloudEventHeaders({ type: 'io.mlops.prediction.v1', source: '/mlops/ingestion' }, fixed)).toEqual({
      ce_id: 'id-1',
      ce_type: 'io.mlops.prediction.v1',
      ce_source: '/mlops/ingestion',
      ce_time: '2024-05-01T12:00:00.000Z',
      ce_specversion: '1.0',
      'content-type': 'application/json',
    });
  });

  it('uses a given id, time and subject, and generates a UUID by default', () => {
    const given = toCloudEventHeaders({ id: 'abc', type: 't', source: 's', time: '2024-01-01T00:00:00+01:00', subject: 'credit-risk' });
    expect(given).toMatchObject({ ce_id: 'abc', ce_time: '2024-01-01T00:00:00+01:00', ce_subject: 'credit-risk' });
    const generated = toCloudEventHeaders({ type: 't', source: 's' });
    expect(generated.ce_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toCloudEventHeaders({ type: 't', source: 's' }).ce_id).not.toBe(generated.ce_id);
  });

  it('refuses to write an empty type or a malformed time', () => {
    expect(() => toCloudEventHeaders({ type: '', source: 's' }, fixed)).toThrow('header ce_type invalid');
    expect(() => toCloudEventHeaders({ type: 't', source: 's', time: 'noon' }, fixed)).toThrow('header ce_time invalid');
  });

  it('round-trips through Buffers as kafkajs delivers them', () => {
    const written = toCloudEventHeaders({ type: 'io.mlops.label.v1', source: '/mlops/ingestion', subject: 'm' }, fixed);
    const consumed = Object.fromEntries(Object.entries(written).map(([k, v]) => [k, Buffer.from(v)]));
    expect(parseCloudEventHeaders(consumed)).toEqual({
      id: 'id-1',
      type: 'io.mlops.label.v1',
      source: '/mlops/ingestion',
      time: '2024-05-01T12:00:00.000Z',
      subject: 'm',
    });
  });

  it('accepts events without the optional time and content type', () => {
    expect(parseCloudEventHeaders({ ce_id: '1', ce_type: 't', ce_source: 's', ce_specversion: '1.0' })).toEqual({
      id: '1',
      type: 't',
      source: 's',
    });
  });

  it.each([CloudEventHeader.Id, CloudEventHeader.Type, CloudEventHeader.Source, CloudEventHeader.SpecVersion])(
    'throws a typed error naming the missing %s',
    (header) => {
      const headers: Record<string, string> = toCloudEventHeaders({ type: 't', source: 's' }, fixed);
      delete headers[header];
      expect(() => parseCloudEventHeaders(headers)).toThrow(new HeaderValidationError(header, 'missing', 'required'));
    },
  );

  it('rejects another spec version, a non-JSON content type, an empty id and a bad time', () => {
    const base = toCloudEventHeaders({ type: 't', source: 's' }, fixed);
    expect(() => parseCloudEventHeaders({ ...base, ce_specversion: '0.3' })).toThrow('header ce_specversion invalid: expected "1.0", got "0.3"');
    expect(() => parseCloudEventHeaders({ ...base, 'content-type': 'application/avro' })).toThrow(/^header content-type invalid/);
    expect(() => parseCloudEventHeaders({ ...base, ce_id: '' })).toThrow('header ce_id invalid');
    expect(() => parseCloudEventHeaders({ ...base, ce_time: '2024-13-01T00:00:00Z' })).toThrow('header ce_time invalid');
  });

  it('accepts a JSON content type with parameters', () => {
    const base = toCloudEventHeaders({ type: 't', source: 's' }, fixed);
    expect(parseCloudEventHeaders({ ...base, 'content-type': 'application/json; charset=utf-8' }).id).toBe('id-1');
  });
});
