/**
 * A five-field cron expression (minute hour day-of-month month day-of-week), evaluated in UTC,
 * with the usual forms: `*`, `5`, `1-5`, `*\/15`, `1-30/5`, lists `1,15`, month and weekday
 * names (`jan`, `mon`), 0 or 7 for Sunday, and the aliases @yearly, @annually, @monthly,
 * @weekly, @daily, @midnight, @hourly. As in Vixie cron, when both day fields are restricted a
 * day matches either of them.
 */
export interface CronExpression {
  readonly source: string;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
  readonly dayOfMonthRestricted: boolean;
  readonly dayOfWeekRestricted: boolean;
}

export class InvalidCronError extends Error {
  constructor(expression: string, problem: string) {
    super(`invalid cron expression ${JSON.stringify(expression)}: ${problem}`);
    this.name = 'InvalidCronError';
  }
}

const ALIASES: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  namesStartAt?: number;
}
const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, namesStartAt: 1 },
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS, namesStartAt: 0 },
];

export function parseCron(expression: string): CronExpression {
  const source = expression.trim();
  const expanded = ALIASES[source.toLowerCase()] ?? source;
  if (expanded.startsWith('@')) throw new InvalidCronError(source, `unknown alias (use one of ${Object.keys(ALIASES).join(', ')})`);
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5) throw new InvalidCronError(source, `expected 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`);
  const [minutes, hours, daysOfMonth, months, rawWeekdays] = parts.map((part, i) => parseField(source, part, FIELDS[i]));
  // 7 is Sunday too.
  const daysOfWeek = new Set([...rawWeekdays].map((d) => d % 7));
  return {
    source,
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    dayOfMonthRestricted: parts[2] !== '*',
    dayOfWeekRestricted: parts[4] !== '*',
  };
}

function parseField(source: string, text: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [range, stepText, extra] = item.split('/');
    if (extra !== undefined || range === '') throw new InvalidCronError(source, `${spec.name}: malformed "${item}"`);
    const step = stepText === undefined ? 1 : toNumber(source, stepText, spec, 'step');
    if (step < 1) throw new InvalidCronError(source, `${spec.name}: step must be at least 1`);
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [spec.min, spec.max];
    else {
      const [a, b, more] = range.split('-');
      if (more !== undefined) throw new InvalidCronError(source, `${spec.name}: malformed range "${range}"`);
      lo = toValue(source, a, spec);
      hi = b === undefined ? (stepText === undefined ? lo : spec.max) : toValue(source, b, spec);
    }
    if (lo > hi) throw new InvalidCronError(source, `${spec.name}: range ${lo}-${hi} is backwards`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return values;
}

function toValue(source: string, text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  const value = named >= 0 ? named + (spec.namesStartAt ?? 0) : toNumber(source, text, spec, 'value');
  if (value < spec.min || value > spec.max) throw new InvalidCronError(source, `${spec.name}: ${text} is outside ${spec.min}-${spec.max}`);
  return value;
}

function toNumber(source: string, text: string, spec: FieldSpec, what: string): number {
  if (!/^\d{1,4}$/.test(text)) throw new InvalidCronError(source, `${spec.name}: ${what} "${text}" is not a number`);
  return Number(text);
}

const MINUTE_MS = 60_000;
/** Far enough for any satisfiable expression (Feb 29 on a Monday happens within 28 years). */
const SEARCH_YEARS = 30;

/** The first time strictly after `after` (UTC, whole minutes) that the expression fires. */
export function nextFireTime(cron: CronExpression, after: Date): Date {
  const t = new Date(Math.floor(after.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS);
  const limit = after.getTime() + SEARCH_YEARS * 366 * 24 * 60 * MINUTE_MS;
  while (t.getTime() <= limit) {
    if (!cron.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(cron, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!cron.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!cron.minutes.has(t.getUTCMinutes())) {
      t.setTime(t.getTime() + MINUTE_MS);
    } else {
      return t;
    }
  }
  throw new InvalidCronError(cron.source, `never fires within ${SEARCH_YEARS} years`);
}

function dayMatches(cron: CronExpression, t: Date): boolean {
  const dom = cron.daysOfMonth.has(t.getUTCDate());
  const dow = cron.daysOfWeek.has(t.getUTCDay());
  if (cron.dayOfMonthRestricted && cron.dayOfWeekRestricted) return dom || dow;
  if (cron.dayOfMonthRestricted) return dom;
  if (cron.dayOfWeekRestricted) return dow;
  return true;
}
