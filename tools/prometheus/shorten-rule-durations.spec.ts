import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { parseDuration } from './prometheus-duration';
import { shortenRuleDurations } from './shorten-rule-durations';

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
type RuleFile = { groups: { name: string; interval?: string; rules: Rule[] }[] };

const RULE_FILE = `
groups:
  - name: example
    interval: 30s
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
      - alert: Down
        # a comment that stays
        expr: |
          up == 0
          and on (job) (increase(x_total[15m]) > 0)
        for: 5m
        keep_firing_for: 1m
        labels: { severity: critical }
      - alert: Instant
        expr: vector(1)
        for: 0s
      - alert: Brief
        expr: vector(1)
        for: 10s
  - name: without-interval
    rules:
      - alert: Slow
        expr: vector(1)
        for: 1h
`;

describe('shortenRuleDurations', () => {
  const shortened = parse(shortenRuleDurations(RULE_FILE, { divisor: 60, minimum: '1s', groupInterval: '1s' })) as RuleFile;
  const [example, withoutInterval] = shortened.groups;

  it('divides `for:` and `keep_firing_for:`, never below the minimum, and leaves 0 at 0', () => {
    expect(example.rules.map((r) => r.for)).toEqual([undefined, '5s', '0s', '1s']);
    expect((example.rules[1] as Rule & { keep_firing_for: string }).keep_firing_for).toBe('1s');
    expect(withoutInterval.rules[0].for).toBe('60s');
  });

  it('replaces a group interval only where the group has one', () => {
    expect(example.interval).toBe('1s');
    expect(withoutInterval.interval).toBeUndefined();
  });

  it('keeps expressions (range selectors included), labels and comments', () => {
    expect(example.rules[1].expr).toBe('up == 0\nand on (job) (increase(x_total[15m]) > 0)\n');
    expect(example.rules[1].labels).toEqual({ severity: 'critical' });
    expect(shortenRuleDurations(RULE_FILE, { divisor: 60, minimum: '1s' })).toContain('# a comment that stays');
  });

  it('refuses what is not a rule file, and a divisor below 1', () => {
    expect(() => shortenRuleDurations('rules: []', { divisor: 60, minimum: '1s' })).toThrow(/no `groups:`/);
    expect(() => shortenRuleDurations(RULE_FILE, { divisor: 0.5, minimum: '1s' })).toThrow(/divisor/);
  });

  // The repo's own rules, read as they are now: the shortened copy must alert on the same expressions.
  const rulesDir = path.resolve(__dirname, '..', '..', 'deploy', 'prometheus', 'rules');
  const files = readdirSync(rulesDir).filter((f) => f.endsWith('.yml'));

  it.each(files)('leaves every expression of deploy/prometheus/rules/%s unchanged', (file) => {
    const text = readFileSync(path.join(rulesDir, file), 'utf8');
    const original = parse(text) as RuleFile;
    const copy = parse(shortenRuleDurations(text, { divisor: 60, minimum: '1s', groupInterval: '1s' })) as RuleFile;
    const rules = (f: RuleFile) => f.groups.flatMap((g) => g.rules);
    expect(rules(copy).map(({ expr, labels, annotations, alert, record }) => ({ expr, labels, annotations, alert, record }))).toEqual(
      rules(original).map(({ expr, labels, annotations, alert, record }) => ({ expr, labels, annotations, alert, record })),
    );
    rules(copy).forEach((rule, i) => {
      const before = rules(original)[i].for;
      if (before === undefined) expect(rule.for).toBeUndefined();
      else {
        const ms = parseDuration(before);
        expect(parseDuration(rule.for!)).toBe(ms === 0 ? 0 : Math.max(1000, Math.round(ms / 60_000) * 1000));
      }
    });
  });
});
