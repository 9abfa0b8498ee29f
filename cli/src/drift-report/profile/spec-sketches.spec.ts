import { FeatureSpec, Mulberry32, ReferenceProfile } from '@mlops/drift-stats';
import type { PlannedColumn } from '../schema/column-plan';
import { SpecSketches } from './spec-sketches';

const planned = (name: string, type: PlannedColumn['type']): PlannedColumn => ({ name, type, role: 'feature', referenceIndex: 0, currentIndex: 0, datetimeAsNumber: false, typeSource: 'inferred' });

describe('SpecSketches', () => {
  const rng = new Mulberry32(3);
  const values = Float64Array.from({ length: 200_000 }, () => rng.next() * 100);
  const small = Float64Array.from({ length: 1000 }, (_, i) => i % 4);
  const cities = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? null : ['b', 'a', 'c'][i % 3]));
  const columns = [planned('x', 'numerical'), planned('k', 'numerical'), planned('city', 'categorical'), planned('flag', 'boolean')];
  const sketches = new SpecSketches(columns, 10, 0);
  sketches.add(0, values.subarray(0, 150_000));
  sketches.add(0, values.subarray(150_000));
  sketches.add(1, small);
  sketches.add(2, cities);
  const specs = sketches.specs();
  const exactSpec = (name: string, type: PlannedColumn['type'], column: ArrayLike<unknown>) => ReferenceProfile.fromColumns({ [name]: column }, [{ name, type }]).specs[0];
  const exact = [exactSpec('x', 'numerical', values), exactSpec('k', 'numerical', small), exactSpec('city', 'categorical', cities)];

  const edges = (spec: FeatureSpec) => (spec.type === 'numerical' ? spec.edges : []);

  it('derives quantile bin edges within the sketch error of the exact ones', () => {
    expect(edges(specs[0])).toHaveLength(9);
    edges(specs[0]).forEach((edge, i) => expect(Math.abs(edge - edges(exact[0])[i])).toBeLessThan(1)); // 1% of the range
  });

  it('keeps exact edges, distinct counts and categories for low-cardinality columns', () => {
    expect(edges(specs[1])).toEqual(edges(exact[1]));
    expect(specs[1]).toMatchObject({ distinct: 4 });
    expect(specs[2]).toMatchObject({ type: 'categorical', categories: ['a', 'b', 'c'] });
    expect(specs[2]).toEqual({ ...exact[2] });
    expect(specs[3]).toMatchObject({ type: 'boolean', categories: ['false', 'true'] });
  });
});
