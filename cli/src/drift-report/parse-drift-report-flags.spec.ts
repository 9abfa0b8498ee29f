import { UsageError } from './errors';
import { parseDriftReportFlags } from './parse-drift-report-flags';

const base = { reference: 'a.csv', current: 'b.csv' };

describe('parseDriftReportFlags', () => {
  it('fills the defaults', () => {
    expect(parseDriftReportFlags(base)).toMatchObject({
      reference: 'a.csv',
      current: 'b.csv',
      driftShare: 0.1,
      failOnDrift: false,
      exactRows: 1_000_000,
      inferRows: 10_000,
      bins: 10,
      seed: 0,
      effectFloor: true,
      progress: true,
      quiet: false,
      parallel: true,
      naValues: expect.arrayContaining(['', 'NA', 'null']),
      method: { columns: {} },
      threshold: { columns: {} },
    });
  });

  it('reads global, per-type and per-column methods and thresholds', () => {
    const options = parseDriftReportFlags({
      ...base,
      method: ['psi', 'age=ks', 'a=b=chi-square'],
      numMethod: 'wasserstein-normed',
      catMethod: 'jensen-shannon',
      threshold: ['0.2', 'age=0.01'],
      catThreshold: '0.05',
    });
    expect(options.method).toEqual({ all: 'psi', numerical: 'wasserstein-normed', categorical: 'jensen-shannon', columns: { age: 'ks', 'a=b': 'chi-square' } });
    expect(options.threshold).toEqual({ all: 0.2, numerical: undefined, categorical: 0.05, columns: { age: 0.01 } });
  });

  it.each([
    ['tab', '\t'],
    ['\\t', '\t'],
    [';', ';'],
    ['semicolon', ';'],
    ['|', '|'],
  ])('reads --delimiter %j', (delimiter, expected) => {
    expect(parseDriftReportFlags({ ...base, delimiter }).delimiter).toBe(expected);
  });

  it('reads --na-values as a comma-separated list', () => {
    expect(parseDriftReportFlags({ ...base, naValues: ',?,-999' }).naValues).toEqual(['', '?', '-999']);
  });

  it('lists every problem at once', () => {
    const flags = { ...base, driftShare: '-1', exactRows: '0', bins: '1', method: ['nope'], threshold: ['x=abc'], delimiter: '"', format: 'xml' };
    expect(() => parseDriftReportFlags(flags)).toThrow(UsageError);
    const message = (() => {
      try {
        parseDriftReportFlags(flags);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message.split('\n')).toEqual([
      '--drift-share: expected a share in [0, 1]',
      '--format: expected csv, jsonl or parquet',
      '--exact-rows: expected at least 1',
      '--bins: expected at least 2',
      '--method: unknown method "nope" (known: ks, wasserstein, wasserstein-normed, anderson-darling, psi, jensen-shannon, kl-divergence, hellinger, chi-square, z-test, l-infinity, total-variation)',
      '--threshold x: expected a non-negative number, got "abc"',
      '--delimiter: expected one character (e.g. ";" or "tab"), got "\\""',
    ]);
  });

  it('refuses the same file for --out and --json', () => {
    expect(() => parseDriftReportFlags({ ...base, out: 'r', json: 'r' })).toThrow('--out and --json name the same file');
  });
});
