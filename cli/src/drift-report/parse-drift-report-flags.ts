import { isStatMethod, STAT_METHODS, StatMethod } from '@mlops/drift-stats';
import { z } from 'zod';
import { DRIFT_REPORT_DEFAULTS, DriftReportOptions, LayeredSetting } from './drift-report-options';
import { UsageError } from './errors';
import { INPUT_FORMATS, InputFormat } from './input/input-format';
import { DEFAULT_NA_VALUES } from './schema/cell-kind';

/** Raw commander values of the drift-report flags (strings, string lists and booleans). */
export interface DriftReportFlags {
  readonly [flag: string]: unknown;
}

const integer = (flag: string, min: number) =>
  z.string().regex(/^\d+$/, `${flag}: expected a whole number`).transform(Number).pipe(z.number().int().min(min, `${flag}: expected at least ${min}`));
const share = (flag: string) => z.string().transform(Number).pipe(z.number({ error: `${flag}: expected a number` }).min(0, `${flag}: expected a share in [0, 1]`).max(1, `${flag}: expected a share in [0, 1]`));

const FlagsSchema = z.object({
  reference: z.string().min(1),
  current: z.string().min(1),
  out: z.string().min(1).optional(),
  json: z.string().min(1).optional(),
  target: z.string().min(1).optional(),
  prediction: z.string().min(1).optional(),
  columnMapping: z.string().min(1).optional(),
  driftShare: share('--drift-share').default(DRIFT_REPORT_DEFAULTS.driftShare),
  failOnDrift: z.boolean().default(false),
  format: z.enum(INPUT_FORMATS as [InputFormat, ...InputFormat[]], { error: `--format: expected ${INPUT_FORMATS.slice(0, -1).join(', ')} or ${INPUT_FORMATS[INPUT_FORMATS.length - 1]}` }).optional(),
  delimiter: z.string().optional(),
  naValues: z.string().optional(),
  allowMissingColumns: z.boolean().default(false),
  exactRows: integer('--exact-rows', 1).default(DRIFT_REPORT_DEFAULTS.exactRows),
  inferRows: integer('--infer-rows', 1).default(DRIFT_REPORT_DEFAULTS.inferRows),
  bins: integer('--bins', 2).default(DRIFT_REPORT_DEFAULTS.bins),
  seed: integer('--seed', 0).default(DRIFT_REPORT_DEFAULTS.seed),
  effectFloor: z.boolean().default(true),
  title: z.string().optional(),
  progress: z.boolean().default(true),
  quiet: z.boolean().default(false),
  parallel: z.boolean().default(true),
});

/** Checks the flags and turns them into options; every problem is listed in one UsageError. */
export function parseDriftReportFlags(flags: DriftReportFlags): DriftReportOptions {
  const problems: string[] = [];
  const parsed = FlagsSchema.safeParse(flags);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
  const method = layered<StatMethod>('method', flags, problems, parseMethod);
  const threshold = layered<number>('threshold', flags, problems, parseThreshold);
  const delimiter = parseDelimiter(flags['delimiter'], problems);
  if (problems.length > 0 || !parsed.success) throw new UsageError(problems.join('\n'));
  const f = parsed.data;
  if (f.json !== undefined && f.json === f.out) throw new UsageError('--out and --json name the same file');
  return {
    ...f,
    delimiter,
    naValues: f.naValues === undefined ? DEFAULT_NA_VALUES : f.naValues.split(','),
    method,
    threshold,
  };
}

function parseMethod(flag: string, text: string): StatMethod {
  if (isStatMethod(text)) return text;
  throw new Error(`${flag}: unknown method ${JSON.stringify(text)} (known: ${STAT_METHODS.join(', ')})`);
}

function parseThreshold(flag: string, text: string): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || x < 0) throw new Error(`${flag}: expected a non-negative number, got ${JSON.stringify(text)}`);
  return x;
}

/** `--method psi`, `--method age=ks` (repeatable), `--num-method ks`, `--cat-method psi`; same for thresholds. */
function layered<T>(name: 'method' | 'threshold', flags: DriftReportFlags, problems: string[], parse: (flag: string, text: string) => T): LayeredSetting<T> {
  const attempt = (flag: string, text: unknown): T | undefined => {
    if (typeof text !== 'string') return undefined;
    try {
      return parse(flag, text);
    } catch (error) {
      problems.push((error as Error).message);
      return undefined;
    }
  };
  const key = name === 'method' ? 'Method' : 'Threshold';
  const values = Array.isArray(flags[name]) ? (flags[name] as unknown[]) : [];
  let all: T | undefined;
  const columns: Record<string, T> = {};
  for (const value of values) {
    const text = String(value);
    const eq = text.lastIndexOf('=');
    if (eq < 0) {
      all = attempt(`--${name}`, text);
    } else if (eq === 0) {
      problems.push(`--${name} ${text}: expected COLUMN=VALUE or VALUE`);
    } else {
      const v = attempt(`--${name} ${text.slice(0, eq)}`, text.slice(eq + 1));
      if (v !== undefined) columns[text.slice(0, eq)] = v;
    }
  }
  return { all, numerical: attempt(`--num-${name}`, flags[`num${key}`]), categorical: attempt(`--cat-${name}`, flags[`cat${key}`]), columns };
}

function parseDelimiter(value: unknown, problems: string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const named: Readonly<Record<string, string>> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',', pipe: '|' };
  const delimiter = named[value.toLowerCase()] ?? value;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    problems.push(`--delimiter: expected one character (e.g. ";" or "tab"), got ${JSON.stringify(value)}`);
    return undefined;
  }
  return delimiter;
}
