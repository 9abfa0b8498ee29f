import { IDENTIFIER_PATTERN, MAX_ID_LENGTH, MODEL_NAME_PATTERN, type DataWindow } from '@mlops/contracts';
import { UsageError } from '../../drift-report/errors';
import { DEFAULT_NA_VALUES } from '../../drift-report/schema/cell-kind';
import { parseDataWindow } from '../data/data-window';
import { INFER_ROWS_DEFAULT, type DataFileOptions, type OutputOptions } from './common-flags';
import type { InputFormat } from '../../drift-report/input/input-format';

/** Reads the flags as strings, collecting every problem before failing. */
export class FlagReader {
  readonly problems: string[] = [];

  constructor(private readonly flags: Readonly<Record<string, unknown>>) {}

  string(key: string): string | undefined {
    const v = this.flags[key];
    return typeof v === 'string' ? v : undefined;
  }

  bool(key: string): boolean {
    return this.flags[key] === true;
  }

  /** A comma-separated list flag (repeatable): names, trimmed, empty ones dropped. */
  list(key: string): string[] {
    const v = this.flags[key];
    const items = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    return items.flatMap((s: string) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  }

  model(flag = '--model', key = 'model'): string {
    const name = this.string(key) ?? '';
    if (!MODEL_NAME_PATTERN.test(name)) {
      this.problems.push(`${flag} ${JSON.stringify(name)}: expected 1-128 letters, digits, ".", "_" or "-", starting with a letter or digit`);
    }
    return name;
  }

  number(flag: string, key: string, rule: { min?: number; max?: number; integer?: boolean; exclusiveMin?: boolean } = {}): number | undefined {
    const text = this.string(key);
    if (text === undefined) return undefined;
    const x = Number(text);
    const range = `${rule.exclusiveMin ? '>' : '≥'} ${rule.min ?? '-∞'}${rule.max === undefined ? '' : ` and ≤ ${rule.max}`}`;
    const ok =
      text.trim() !== '' &&
      Number.isFinite(x) &&
      (!rule.integer || Number.isInteger(x)) &&
      (rule.min === undefined || (rule.exclusiveMin ? x > rule.min : x >= rule.min)) &&
      (rule.max === undefined || x <= rule.max);
    if (!ok) {
      this.problems.push(`${flag}: expected ${rule.integer ? 'an integer' : 'a number'} ${range}, got ${JSON.stringify(text)}`);
      return undefined;
    }
    return x;
  }

  requestId(flag: string, key: string, fallback: string): string {
    const id = this.string(key) ?? fallback;
    if (id.length > MAX_ID_LENGTH || !IDENTIFIER_PATTERN.test(id)) this.problems.push(`${flag}: expected 1-${MAX_ID_LENGTH} printable ASCII characters without spaces, got ${JSON.stringify(id)}`);
    return id;
  }

  dataWindow(): DataWindow | undefined {
    const text = this.string('dataWindow');
    if (text === undefined) return undefined;
    return this.attempt(() => parseDataWindow(text));
  }

  dataFile(): DataFileOptions {
    const na = this.string('naValues');
    return {
      format: this.string('format') as InputFormat | undefined,
      delimiter: this.delimiter(),
      naValues: na === undefined ? DEFAULT_NA_VALUES : ['', ...na.split(',').map((v) => v.trim()).filter(Boolean)],
      inferRows: this.number('--infer-rows', 'inferRows', { min: 1, integer: true }) ?? INFER_ROWS_DEFAULT,
    };
  }

  output(): OutputOptions {
    return { json: this.bool('json'), verbose: this.bool('verbose') };
  }

  /** Throws one UsageError listing every problem found. */
  done(): void {
    if (this.problems.length > 0) throw new UsageError(this.problems.join('\n'));
  }

  private delimiter(): string | undefined {
    const value = this.string('delimiter');
    if (value === undefined) return undefined;
    const named: Readonly<Record<string, string>> = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',', pipe: '|' };
    const delimiter = named[value.toLowerCase()] ?? value;
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      this.problems.push(`--delimiter: expected one character (e.g. ";" or "tab"), got ${JSON.stringify(value)}`);
      return undefined;
    }
    return delimiter;
  }

  private attempt<T>(parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      this.problems.push((error as Error).message);
      return undefined;
    }
  }
}
