/**
 * The series names a PromQL expression reads. Not a parser (promtool checks the syntax): it
 * blanks string literals, label matchers, ranges and grouping label lists, then keeps the
 * identifiers that are neither functions (followed by "(") nor keywords.
 */
const KEYWORDS = new Set([
  // binary and set operators, modifiers
  'and', 'or', 'unless', 'bool', 'offset', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right',
  // aggregation operators (may be followed by `by (...)` rather than a parenthesis)
  'sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk', 'quantile',
  'inf', 'nan',
]);

export function seriesNamesIn(expr: string): string[] {
  const blanked = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' $1 ');
  const names = new Set<string>();
  for (const match of blanked.matchAll(/(?<![\w.:$])[A-Za-z_:][\w:]*/g)) {
    const rest = blanked.slice((match.index ?? 0) + match[0].length);
    if (/^\s*\(/.test(rest) || KEYWORDS.has(match[0].toLowerCase())) continue;
    names.add(match[0]);
  }
  return [...names].sort();
}

/** Grafana's variables replaced by values that keep an expression valid PromQL for promtool. */
export function withGrafanaVariablesResolved(expr: string): string {
  return expr
    .replace(/\$__(rate_interval|interval|range)\b|\$\{__(rate_interval|interval|range)\}/g, '5m')
    .replace(/\$\{\w+(?::\w+)?\}|\$\w+/g, '.*');
}
