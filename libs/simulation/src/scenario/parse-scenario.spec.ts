import { InvalidScenarioError } from '../errors/invalid-scenario.error';
import { parseScenario, parseScenarioText } from './parse-scenario';

const valid = {
  name: 'spec',
  model: 'loan-approval',
  generator: { type: 'agrawal' },
  phases: [
    { name: 'stable', events: 100, concept: 2 },
    { name: 'drift', events: 100, concept: 6, transition: { width: 50 } },
  ],
};

/** The problems reported for a document, one line per bad field. */
function problems(document: unknown): readonly string[] {
  try {
    parseScenario(document, 'spec.yaml');
  } catch (error) {
    if (error instanceof InvalidScenarioError) return error.problems;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

const withPhase = (index: number, patch: object) => ({
  ...valid,
  phases: valid.phases.map((p, i) => (i === index ? { ...p, ...patch } : p)),
});

describe('parseScenario', () => {
  it('fills in the defaults', () => {
    const scenario = parseScenario(valid, 'spec');
    expect(scenario.generator).toEqual({ type: 'agrawal', perturbation: 0 });
    expect(scenario.prediction).toEqual({ concept: 'initial', errorRate: 0 });
    expect(scenario.labels).toEqual({ delay: { events: 0 }, neverShare: 0 });
    expect(scenario.phases[1].transition).toEqual({ width: 50, shape: 'sigmoid' });
  });

  it.each([
    ['an unknown feature', withPhase(1, { covariate: [{ feature: 'salry', scale: 2 }] }), 'phases[1].covariate[0].feature: unknown feature "salry"; agrawal has salary, commission'],
    ['an unknown missing-value feature', withPhase(1, { missing: { share: 0.1, features: ['car', 'boat'] } }), 'phases[1].missing.features[1]: unknown feature "boat"'],
    ['a concept the generator lacks', withPhase(1, { concept: 11 }), 'phases[1].concept: agrawal has functions 1, 2, 3, 4, 5, 6, 7, 8, 9, 10; got 11'],
    ['a first phase without concept', withPhase(0, { concept: undefined }), 'phases[0].concept: the first phase must name its concept'],
    ['a transition in the first phase', withPhase(0, { transition: { width: 10 } }), 'phases[0].transition: the first phase has no earlier concept'],
    ['a transition without concept', withPhase(1, { concept: undefined }), 'phases[1].transition: a transition needs a concept to move to'],
    ['a transition wider than its phase', withPhase(1, { transition: { width: 500 } }), "phases[1].transition.width: must not exceed the phase's 100 events"],
    ['a zero transition width', withPhase(1, { transition: { width: 0 } }), 'phases[1].transition.width: must be at least 1 event'],
    ['a duplicate phase name', withPhase(1, { name: 'stable' }), 'phases[1].name: duplicate phase name "stable"'],
    ['a negative event count', withPhase(0, { events: -5 }), 'phases[0].events: must be at least 1'],
    ['a share above 1', withPhase(1, { missing: { share: 1.5 } }), 'phases[1].missing.share: must be ≤ 1'],
    ['a non-positive scale', withPhase(1, { covariate: [{ feature: 'age', scale: 0 }] }), 'phases[1].covariate[0].scale: must be > 0'],
    ['a label delay with both forms', withPhase(1, { labels: { delay: { events: 1, seconds: 2 } } }), 'phases[1].labels.delay: expected { events: N } or { seconds: T }'],
    ['a misspelled key', withPhase(1, { concpet: 3 }), 'phases[1]: Unrecognized key: "concpet"'],
    ['an unknown generator', { ...valid, generator: { type: 'hyperplane' } }, 'generator.type: expected type "agrawal" or "sea"'],
    ['a generator option of the other generator', { ...valid, generator: { type: 'agrawal', noise: 0.1 } }, 'generator: Unrecognized key: "noise"'],
    ['a model name with a path in it', { ...valid, model: '../etc' }, 'model: expected 1–128 of [a-zA-Z0-9._-], starting with a letter or digit'],
    ['no phases', { ...valid, phases: [] }, 'phases: needs at least one phase'],
    ['a prediction error rate above 1', { ...valid, prediction: { errorRate: 2 } }, 'prediction.errorRate: must be ≤ 1'],
  ])('names the field for %s', (_case, document, expected) => {
    expect(problems(document).some((p) => p.startsWith(expected))).toBe(true);
  });

  it('reports every bad field at once, and the source in the message', () => {
    const document = { ...withPhase(0, { concept: 42, events: 0 }), model: '' };
    expect(problems(document)).toHaveLength(3);
    expect(() => parseScenario(document, 'my.yaml')).toThrow(/^invalid scenario my\.yaml:\n {2}/);
  });

  it('checks SEA scenarios against SEA', () => {
    const sea = { ...valid, generator: { type: 'sea', noise: 0.1 }, phases: [{ name: 'a', events: 10, concept: 5, covariate: [{ feature: 'salary' }] }] };
    expect(problems(sea)).toEqual([
      'phases[0].concept: sea has variants 1, 2, 3, 4; got 5',
      'phases[0].covariate[0].feature: unknown feature "salary"; sea has att1, att2, att3',
    ]);
  });
});

describe('parseScenarioText', () => {
  it('reads YAML and JSON alike', () => {
    const yaml = 'name: spec\nmodel: m\ngenerator: { type: sea }\nphases:\n  - { name: a, events: 10, concept: 1 }\n';
    const json = JSON.stringify({ name: 'spec', model: 'm', generator: { type: 'sea' }, phases: [{ name: 'a', events: 10, concept: 1 }] });
    expect(parseScenarioText(yaml, 'yaml', 'a.yaml')).toEqual(parseScenarioText(json, 'json', 'a.json'));
  });

  it('names the line of a YAML syntax error', () => {
    expect(() => parseScenarioText('name: spec\nphases: [\n  - oops: {', 'yaml', 'bad.yaml')).toThrow(/bad\.yaml:\n {2}not valid YAML at line \d+/);
  });

  it('rejects broken JSON', () => {
    expect(() => parseScenarioText('{"name":', 'json', 'bad.json')).toThrow(/not valid JSON/);
  });
});
