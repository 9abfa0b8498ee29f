import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidScenarioError } from '../errors/invalid-scenario.error';
import { ScenarioNotFoundError } from '../errors/scenario-not-found.error';
import { listBuiltInScenarios, loadScenario } from './load-scenario';
import { scenarioLength } from './resolve-phases';

describe('built-in scenarios', () => {
  it('include stable, concept, covariate, prior, missing-value, SEA and demo scenarios', () => {
    expect(listBuiltInScenarios()).toEqual([
      'concept-drift',
      'covariate-drift',
      'demo',
      'gradual-concept-drift',
      'missing-values',
      'prior-shift',
      'sea-concepts',
      'stable',
    ]);
  });

  it.each(listBuiltInScenarios())('%s is valid and named after its file', (name) => {
    const scenario = loadScenario(name);
    expect(scenario.name).toBe(name);
    expect(scenarioLength(scenario)).toBeGreaterThan(0);
  });

  it('demo is stable → concept drift → covariate drift', () => {
    const demo = loadScenario('demo');
    expect(demo.phases.map((p) => p.name)).toEqual(['stable', 'concept-drift', 'covariate-drift']);
  });
});

describe('loadScenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));

  it('loads a file by path, YAML or JSON', () => {
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ name: 'mine', model: 'm', generator: { type: 'sea' }, phases: [{ name: 'a', events: 5, concept: 2 }] }));
    expect(loadScenario(file).phases[0].concept).toBe(2);
  });

  it('names the file and the field of an invalid scenario', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: bad\nmodel: m\ngenerator: { type: sea }\nphases:\n  - { name: a, events: 5, concept: 9 }\n');
    expect(() => loadScenario(file)).toThrow(InvalidScenarioError);
    expect(() => loadScenario(file)).toThrow(/bad\.yaml:\n {2}phases\[0\]\.concept: sea has variants 1, 2, 3, 4; got 9/);
  });

  it('lists the built-ins when a name or path does not exist', () => {
    expect(() => loadScenario('no-such-scenario')).toThrow(ScenarioNotFoundError);
    expect(() => loadScenario(join(dir, 'missing.yaml'))).toThrow(/not a built-in scenario|neither a built-in scenario \(concept-drift, /);
    expect(() => loadScenario(join(dir, 'mine.txt'))).toThrow(ScenarioNotFoundError);
  });
});
