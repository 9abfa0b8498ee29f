import { checkFeatures, ExpectedFeature } from './check-features';

const schema: ExpectedFeature[] = [
  { name: 'age', type: 'numerical' },
  { name: 'car', type: 'categorical' },
  { name: 'owner', type: 'boolean' },
];

describe('checkFeatures', () => {
  it('accepts a matching record and turns numeric strings into numbers only for numerical features', () => {
    expect(checkFeatures({ age: ' 41.5 ', car: '7', owner: true }, schema, 'loan', '3')).toEqual({ ok: true, features: { age: 41.5, car: '7', owner: true } });
    expect(checkFeatures({ age: null, car: 3, owner: null }, schema, 'loan', '3')).toEqual({ ok: true, features: { age: null, car: 3, owner: null } });
  });

  it.each([
    [{ age: 1, car: 'a', owner: true, color: 'red' }, 'features.color: not a feature of model loan version 3'],
    [{ age: 1, owner: true }, 'features.car: missing (model loan version 3 expects it; send null for an unknown value)'],
    [{ age: 'forty', car: 'a', owner: true }, 'features.age: expected a number for model loan version 3, received string'],
    [{ age: '1e999', car: 'a', owner: true }, 'features.age: expected a number for model loan version 3, received string'],
    [{ age: 1, car: 'a', owner: 'yes' }, 'features.owner: expected a boolean for model loan version 3, received string'],
    [{ age: 1, car: true, owner: false }, 'features.car: expected a category (string or number) for model loan version 3, received boolean'],
  ])('rejects %j naming the feature', (features, reason) => {
    expect(checkFeatures(features, schema, 'loan', '3')).toEqual({ ok: false, reason });
  });
});
