import { z } from 'zod';
import { describeIssues, formatPath, summarizeIssues } from './event-issues';

const describe1 = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return describeIssues(result.error.issues, input);
};

describe('event issues', () => {
  it('formats paths as dotted fields, indexes and quoted odd keys', () => {
    expect(formatPath(['features', 'age'])).toBe('features.age');
    expect(formatPath(['features', 0, 'score'])).toBe('features[0].score');
    expect(formatPath(['features', 'a.b c'])).toBe('features["a.b c"]');
    expect(formatPath([])).toBe('');
  });

  it('cuts very long keys so a hostile key cannot bloat the reason', () => {
    expect(formatPath(['features', 'k'.repeat(500)])).toBe(`features.${'k'.repeat(39)}…`);
  });

  it('summarises the first issue and counts the rest', () => {
    expect(summarizeIssues([])).toBe('invalid event');
    expect(summarizeIssues([{ path: 'a', message: 'm' }])).toBe('a: m');
    expect(summarizeIssues([{ path: '', message: 'm' }, { path: 'b', message: 'n' }, { path: 'c', message: 'o' }])).toBe(
      'm (and 2 more issues)',
    );
  });

  it('names types but never copies input values into messages', () => {
    const secret = 'jane.doe@example.com';
    const issues = describe1(z.object({ age: z.number(), email: z.string().max(3) }), { age: secret, email: secret });
    expect(issues).toEqual([
      { path: 'age', message: 'expected number, received string' },
      { path: 'email', message: 'must have at most 3 characters' },
    ]);
    expect(JSON.stringify(issues)).not.toContain(secret);
  });

  it('reports the union branch the producer meant', () => {
    const schema = z.object({ v: z.union([z.number(), z.object({ label: z.string() })]) });
    expect(describe1(schema, { v: { label: 3 } })).toEqual([{ path: 'v.label', message: 'expected string, received number' }]);
    expect(describe1(schema, { v: true })).toEqual([{ path: 'v', message: 'expected number | object, received boolean' }]);
  });
});
