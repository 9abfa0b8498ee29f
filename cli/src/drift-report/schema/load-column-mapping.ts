import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ColumnMappingError } from '../errors';
import { ColumnMapping, ColumnMappingSchema } from './column-mapping.schema';

/** Reads and validates a column mapping (`.yaml`/`.yml` as YAML, anything else as JSON). */
export async function loadColumnMapping(file: string): Promise<ColumnMapping> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ColumnMappingError(file, code === 'ENOENT' ? 'no such file' : `cannot read (${(error as Error).message})`);
  }
  return parseColumnMapping(file, text);
}

export function parseColumnMapping(file: string, text: string): ColumnMapping {
  const yaml = /\.ya?ml$/i.test(file);
  let value: unknown;
  try {
    value = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ColumnMappingError(file, `not valid ${yaml ? 'YAML' : 'JSON'} (${(error as Error).message.split('\n')[0]})`);
  }
  const parsed = ColumnMappingSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`);
    throw new ColumnMappingError(file, problems.join('; '));
  }
  return parsed.data;
}
