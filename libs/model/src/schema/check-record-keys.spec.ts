import { catchError } from '../__tests__/catch-error';
import { InvalidFeatureRecordError, MissingFeatureError, UnexpectedFeatureError } from '../errors';
import { checkRecordKeys } from './check-record-keys';
import type { FeatureDefinition } from './feature-schema';

const schema: FeatureDefinition[] = [
  { name: 'age', type: 'numerical' },
  { name: 'constructor', type: 'categorical' },
];
const names = new Set(schema.map((f) => f.name));

describe('checkRecordKeys', () => {
  it('accepts a record with exactly the schema keys, nulls included', () => {
    expect(() => checkRecordKeys({ age: null, constructor: 'x' }, schema, names)).not.toThrow();
  });

  it('names a missing feature and the row', () => {
    const error = catchError(() => checkRecordKeys({ constructor: 'x' }, schema, names, 7));
    expect(error).toBeInstanceOf(MissingFeatureError);
    expect(error).toMatchObject({ feature: 'age', row: 7, reason: 'missing', retriable: false });
    expect((error as Error).message).toBe('row 7: feature "age" is absent (send null for a missing value)');
  });

  it('treats undefined as absent, and does not mistake inherited properties for features', () => {
    expect(() => checkRecordKeys({ age: undefined, constructor: 'x' }, schema, names)).toThrow(MissingFeatureError);
    expect(() => checkRecordKeys({ age: 1 }, schema, names)).toThrow(/feature "constructor" is absent/);
  });

  it('names an unexpected feature', () => {
    const error = catchError(() => checkRecordKeys({ age: 1, constructor: 'x', Age: 2 }, schema, names));
    expect(error).toBeInstanceOf(UnexpectedFeatureError);
    expect(error).toMatchObject({ feature: 'Age', reason: 'unexpected' });
  });

  it('refuses records that are not objects', () => {
    for (const bad of [null, 'x', [1, 2], 3]) expect(() => checkRecordKeys(bad, schema, names)).toThrow(InvalidFeatureRecordError);
  });
});

