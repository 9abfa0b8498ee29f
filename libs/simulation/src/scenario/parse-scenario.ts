import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { InvalidScenarioError } from '../errors/invalid-scenario.error';
import { ScenarioSchema, type Scenario } from './scenario.schema';

export type ScenarioFormat = 'json' | 'yaml';

/** `['phases', 1, 'transition', 'width']` → `phases[1].transition.width`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(top level)' : out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/** Validates an already parsed document; throws InvalidScenarioError with one line per bad field. */
export function parseScenario(document: unknown, source: string): Scenario {
  const result = ScenarioSchema.safeParse(document);
  if (!result.success) throw new InvalidScenarioError(source, result.error.issues.map(describeIssue));
  return result.data;
}

/** Parses JSON or YAML text and validates it; syntax errors name the line where they are. */
export function parseScenarioText(text: string, format: ScenarioFormat, source: string): Scenario {
  let document: unknown;
  try {
    document = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new InvalidScenarioError(source, [`not valid ${format.toUpperCase()}${where}: ${(error as Error).message.split('\n')[0]}`]);
  }
  return parseScenario(document, source);
}
