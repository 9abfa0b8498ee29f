import type { z } from 'zod';

type ZodIssue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

/** One schema violation, phrased for a dead-letter header or a log line. */
export interface EventIssue {
  /** Dotted path into the event, e.g. `features.age` or `features["a b"]`; empty at the root. */
  path: string;
  /** Concise and free of input values (they may be personal data), e.g. `expected finite number`. */
  message: string;
}

/**
 * Rewrites zod issues into short messages that name the field. Values are looked up in `input`
 * only to name their *type* (`received NaN`), never copied into the message.
 */
export function describeIssues(issues: readonly ZodIssue[], input: unknown): EventIssue[] {
  return issues.map((issue) => describeIssue(issue, [], input));
}

/** `features.age: expected finite number (and 2 more issues)`. */
export function summarizeIssues(issues: readonly EventIssue[]): string {
  if (issues.length === 0) return 'invalid event';
  const [first] = issues;
  const head = first.path ? `${first.path}: ${first.message}` : first.message;
  const more = issues.length - 1;
  return more === 0 ? head : `${head} (and ${more} more issue${more === 1 ? '' : 's'})`;
}

/** Keys longer than this are cut in paths, so a hostile key cannot make a reason huge. */
const MAX_PATH_KEY_LENGTH = 40;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
      continue;
    }
    const raw = String(segment);
    const key = raw.length > MAX_PATH_KEY_LENGTH ? `${raw.slice(0, MAX_PATH_KEY_LENGTH - 1)}…` : raw;
    if (/^[A-Za-z_$][\w$]*$/.test(raw)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function describeIssue(issue: ZodIssue, prefix: readonly PathSegment[], input: unknown): EventIssue {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    if (path.length > 0 && valueAt(input, path) === undefined) return { path: formatPath(path), message: 'required' };
    // The branch whose failure is not a plain type mismatch is the one the producer meant
    // (a string that is too long, an object with a bad field): report that branch's issue.
    const meant = issue.errors.find((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
    if (meant && meant.length > 0) return describeIssue(meant[0], path, input);
    const expected = issue.errors.flatMap((branch) => branch.map((i) => (i.code === 'invalid_type' ? i.expected : '')));
    return { path: formatPath(path), message: typeMismatch(expected.filter(Boolean), valueAt(input, path)) };
  }
  if (issue.code === 'invalid_key' && issue.issues.length > 0) {
    const inner = describeIssue(issue.issues[0], [], undefined);
    return { path: formatPath(path), message: `invalid key: ${inner.message}` };
  }
  return { path: formatPath(path), message: messageFor(issue, valueAt(input, path), path.length > 0) };
}

function messageFor(issue: ZodIssue, value: unknown, nested: boolean): string {
  if (value === undefined && nested && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'required';
  switch (issue.code) {
    case 'invalid_type':
      return typeMismatch([issue.expected], value);
    case 'too_big':
      return bound('at most', issue.origin, issue.maximum, issue.inclusive !== false);
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return bound('at least', issue.origin, issue.minimum, issue.inclusive !== false);
    case 'invalid_format':
      if (issue.format === 'datetime') return 'expected ISO-8601 date-time';
      if (issue.format === 'regex' && issue.pattern) return `must match ${issue.pattern}`;
      return `expected ${issue.format}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      if ('options' in issue && issue.options && issue.options.length > 0) {
        return `expected ${issue.options.map((o) => JSON.stringify(o)).join(' | ')}`;
      }
      return issue.message;
    default:
      return issue.message;
  }
}

function typeMismatch(expected: readonly string[], value: unknown): string {
  // NaN and ±Infinity are numbers to JavaScript: the number branch is the one that was meant.
  if (typeof value === 'number' && !Number.isFinite(value) && expected.includes('number')) {
    return `expected finite number, received ${typeName(value)}`;
  }
  if (typeof value === 'number' && expected.includes('int')) return 'expected integer, received fractional number';
  return `expected ${[...new Set(expected)].join(' | ')}, received ${typeName(value)}`;
}

function bound(word: string, origin: string, limit: number | bigint, inclusive: boolean): string {
  const n = String(limit);
  switch (origin) {
    case 'string':
      return `must have ${word} ${n} characters`;
    case 'array':
      return `must have ${word} ${n} items`;
    default:
      return inclusive ? `must be ${word === 'at most' ? '<=' : '>='} ${n}` : `must be ${word === 'at most' ? '<' : '>'} ${n}`;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  }
  return typeof value;
}

function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof segment === 'symbol' || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
