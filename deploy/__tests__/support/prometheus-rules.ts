import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fromRoot } from './paths';

export interface PrometheusRule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: PrometheusRule[];
}

export const RULES_DIR = fromRoot('deploy', 'prometheus', 'rules');
export const RULE_TESTS_DIR = fromRoot('deploy', 'prometheus', 'tests');

export const yamlFilesIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .sort();

/** Every rule group of deploy/prometheus/rules/*.yml, in file-name order. */
export function loadRuleGroups(): RuleGroup[] {
  return yamlFilesIn(RULES_DIR).flatMap((name) => (parse(readFileSync(`${RULES_DIR}/${name}`, 'utf8')) as { groups: RuleGroup[] }).groups);
}

export const allRules = (groups: readonly RuleGroup[]): PrometheusRule[] => groups.flatMap((g) => g.rules);
