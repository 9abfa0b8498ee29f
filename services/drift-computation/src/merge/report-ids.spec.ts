import { IDENTIFIER_PATTERN, MAX_ID_LENGTH } from '@mlops/contracts';
import { reportIdOf, requestIdOf } from './report-ids';

describe('report and request ids', () => {
  const w = { model: 'loan', version: '3', cut: 'tumbling:3600000', index: 493_000 };

  it('are the same for the same window, whoever computes them and whenever', () => {
    expect(reportIdOf(w)).toBe(reportIdOf({ ...w }));
    expect([reportIdOf(w).slice(0, 3), requestIdOf(w).slice(0, 3)]).toEqual(['dr-', 'rr-']);
    expect(reportIdOf(w)).toMatch(IDENTIFIER_PATTERN);
    expect(requestIdOf(w).length).toBeLessThanOrEqual(MAX_ID_LENGTH);
  });

  it('differ by model, version, window cut and index', () => {
    const ids = [w, { ...w, model: 'x' }, { ...w, version: '4' }, { ...w, cut: 'tumbling:60000' }, { ...w, index: w.index + 1 }].map(requestIdOf);
    expect(new Set(ids).size).toBe(5);
    expect(reportIdOf(w)).not.toBe(requestIdOf(w));
  });
});
