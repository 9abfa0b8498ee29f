import { isMap, isSeq, parseDocument, YAMLMap } from 'yaml';
import { formatDuration, parseDuration } from './prometheus-duration';

export interface ShortenedDurations {
  /** Every `for:` (and `keep_firing_for:`) is divided by this. */
  divisor: number;
  /** A shortened duration never goes below this (a positive `for:` stays positive), e.g. `1s`. */
  minimum: string;
  /** Replaces each group's own `interval:` (a recording group's 30 s would outlast a short test). */
  groupInterval?: string;
}

const SHORTENED_KEYS = ['for', 'keep_firing_for'] as const;

/**
 * A copy of a Prometheus rule file whose waiting times fit a test or a demo: `for:` durations
 * divided by `divisor`, group intervals replaced. Expressions, labels and annotations are left
 * byte for byte as they are, so the copy alerts on exactly what the production rules alert on,
 * only sooner. (Range selectors inside expressions, such as `[15m]`, are not touched either.)
 */
export function shortenRuleDurations(ruleFileYaml: string, options: ShortenedDurations): string {
  if (!(options.divisor >= 1)) throw new Error(`divisor must be at least 1, got ${options.divisor}`);
  const minimumMs = parseDuration(options.minimum);
  const doc = parseDocument(ruleFileYaml);
  if (doc.errors.length > 0) throw new Error(`not a valid rule file: ${doc.errors[0].message}`);
  const groups = doc.get('groups');
  if (!isSeq(groups)) throw new Error('not a rule file: no `groups:` list');
  for (const group of groups.items) {
    if (!isMap(group)) continue;
    if (options.groupInterval !== undefined && group.has('interval')) group.set('interval', options.groupInterval);
    const rules = group.get('rules');
    if (!isSeq(rules)) continue;
    for (const rule of rules.items) if (isMap(rule)) shortenRule(rule, options.divisor, minimumMs);
  }
  return doc.toString();
}

function shortenRule(rule: YAMLMap, divisor: number, minimumMs: number): void {
  for (const key of SHORTENED_KEYS) {
    const value = rule.get(key);
    if (typeof value !== 'string') continue;
    const ms = parseDuration(value);
    if (ms === 0) continue;
    rule.set(key, formatDuration(Math.max(minimumMs, Math.round(ms / divisor / 1000) * 1000)));
  }
}
