import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { ScenarioNotFoundError } from '../errors/scenario-not-found.error';
import { parseScenarioText, type ScenarioFormat } from './parse-scenario';
import type { Scenario } from './scenario.schema';

/** The scenarios shipped with the lib (libs/simulation/scenarios/*.yaml). */
export const BUILT_IN_SCENARIO_DIR = resolve(__dirname, '..', '..', 'scenarios');

const FORMATS: Readonly<Record<string, ScenarioFormat>> = { '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml' };

/** Names of the built-in scenarios, sorted. */
export function listBuiltInScenarios(dir = BUILT_IN_SCENARIO_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => FORMATS[extname(file)] !== undefined)
    .map((file) => basename(file, extname(file)))
    .sort();
}

/**
 * Loads a scenario by built-in name (`concept-drift`) or by path to a .json, .yaml or .yml file.
 * A bare name is looked up among the built-ins first, so `stable` never picks up a stray local file.
 */
export function loadScenario(reference: string, dir = BUILT_IN_SCENARIO_DIR): Scenario {
  const candidates = /^[A-Za-z0-9._-]+$/.test(reference) && !extname(reference)
    ? Object.keys(FORMATS).map((ext) => resolve(dir, `${reference}${ext}`))
    : [resolve(reference)];
  const file = candidates.find((path) => FORMATS[extname(path)] !== undefined && existsSync(path));
  if (!file) throw new ScenarioNotFoundError(reference, listBuiltInScenarios(dir));
  return parseScenarioText(readFileSync(file, 'utf8'), FORMATS[extname(file)], file);
}
