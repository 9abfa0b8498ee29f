import {
  InferenceRequestSchema,
  LabelEventSchema,
  PredictionEventSchema,
  createLabelEventSchema,
  createPredictionEventSchema,
} from '@mlops/contracts';
import { InvalidRunIdError } from '../errors/invalid-run-id.error';
import { toInferenceRequest } from '../output/to-inference-request';
import { loadScenario } from '../scenario/load-scenario';
import { START, labels, predictions, run, scenario } from '../__test-support__/scenario-builder';
import { simulate } from './simulate';

/** A scenario that uses every knob, so every kind of event is checked against the contracts. */
const everything = scenario({
  generator: { type: 'agrawal', perturbation: 0.1 },
  prediction: { concept: 'initial', errorRate: 0.1 },
  labels: { delay: { seconds: 2 }, neverShare: 0.2 },
  phases: [
    { name: 'stable', events: 300, concept: 2 },
    { name: 'drift', events: 300, concept: 6, transition: { width: 100 } },
    { name: 'shift', events: 300, covariate: [{ feature: 'salary', scale: 1.5, shift: 1000 }], missing: { share: 0.3 } },
    { name: 'prior', events: 300, prior: { positiveShare: 0.8 }, labels: { delay: { events: 20 }, neverShare: 0 } },
  ],
});

describe('simulate', () => {
  it('gives the same stream for the same seed, and another for another seed', () => {
    const first = run(everything, { seed: 5 });
    expect(run(everything, { seed: 5 })).toEqual(first);
    const other = predictions(run(everything, { seed: 6 }));
    const same = predictions(first).filter((p, i) => p.truth.features.salary === other[i].truth.features.salary);
    expect(same).toHaveLength(0);
  });

  it('starts the stable scenario with the same first event on every machine (seed 42)', () => {
    const first = simulate(loadScenario('stable'), { start: START, rate: 100 }).next().value;
    expect(first).toEqual({
      kind: 'prediction',
      index: 0,
      phase: 'stable',
      truth: {
        label: 1,
        concept: 2,
        features: {
          salary: 60306.85227666191,
          commission: 23178.6424084538,
          age: 71,
          elevel: 2,
          car: 3,
          zipcode: 4,
          hvalue: 262098.6228538934,
          hyears: 24,
          loan: 85430.16708168355,
        },
      },
      event: {
        schemaVersion: 1,
        eventId: 'sim42-0',
        model: 'loan-approval',
        timestamp: '2026-01-01T00:00:00.000Z',
        features: {
          salary: 60057.09401402213,
          commission: 26370.211854527006,
          age: 69,
          elevel: 2,
          car: 3,
          zipcode: 4,
          hvalue: 262602.49423694913,
          hyears: 23,
          loan: 69718.92573781383,
        },
        prediction: 1,
        entityId: 'sim42-e0',
      },
    });
  });

  it('uses the seed of the options, else of the scenario, else 1', () => {
    const seeded = scenario({ seed: 77 });
    expect(predictions(run(seeded))[0].event.eventId).toBe('sim77-0');
    expect(predictions(run(seeded, { seed: 3 }))[0].event.eventId).toBe('sim3-0');
    expect(predictions(run(scenario()))[0].event.eventId).toBe('sim1-0');
    expect(run(seeded)).toEqual(run(seeded, { seed: 77 }));
  });

  const records = run(everything, { seed: 9, runId: 'run-1', rate: 50 });

  it('produces PredictionEvents the contracts accept unchanged, even at the edge with a clock', () => {
    const atEdge = createPredictionEventSchema({ now: () => START });
    for (const { event } of predictions(records)) {
      expect(PredictionEventSchema.parse(event)).toEqual(event);
      expect(atEdge.safeParse(event).success).toBe(true);
    }
    expect(predictions(records)).toHaveLength(1200);
  });

  it('produces LabelEvents and InferenceRequests the contracts accept unchanged', () => {
    const atEdge = createLabelEventSchema({ now: () => START });
    for (const { event } of labels(records)) {
      expect(LabelEventSchema.parse(event)).toEqual(event);
      expect(atEdge.safeParse(event).success).toBe(true);
    }
    for (const { event } of predictions(records)) {
      const request = toInferenceRequest(event);
      expect(InferenceRequestSchema.parse(request)).toEqual(request);
      expect(request.requestId).toBe(event.eventId);
    }
  });

  it('gives each prediction a unique eventId and entityId built from the run id, and its time from start + rate', () => {
    const ps = predictions(records);
    expect(new Set(ps.map((p) => p.event.eventId)).size).toBe(ps.length);
    expect(ps[7].event).toMatchObject({ eventId: 'run-1-7', entityId: 'run-1-e7', timestamp: new Date(START + 140).toISOString() });
    expect(ps.map((p) => p.index)).toEqual(ps.map((_, i) => i));
  });

  it('names the model from the scenario unless the options override it', () => {
    expect(predictions(records)[0].event.model).toBe('spec-model');
    expect(predictions(run(everything, { model: 'other', limit: 1 }))[0].event.model).toBe('other');
  });

  it('stops after `limit` predictions and still emits their labels', () => {
    const limited = run(scenario({ labels: { delay: { events: 10 } } }), { limit: 25 });
    expect(predictions(limited)).toHaveLength(25);
    expect(labels(limited).map((l) => l.index)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('is lazy: the start of a billion-event scenario comes at once', () => {
    const huge = scenario({ phases: [{ name: 'long', events: 1_000_000_000, concept: 1 }] });
    const stream = simulate(huge, { start: START, rate: 1000 });
    expect(stream.next().value?.kind).toBe('prediction');
  });

  it('rejects a run id that would make invalid event ids', () => {
    expect(() => run(scenario(), { runId: 'has space' })).toThrow(InvalidRunIdError);
  });

  it('puts what a custom predictor returns into the events', () => {
    const custom = run(scenario(), {
      limit: 3,
      predictor:
        ({ initialConcept }) =>
        ({ truth }) => ({ label: truth.label, score: 0.9, probabilities: { [String(initialConcept)]: 1 } }),
    });
    expect(predictions(custom)[0].event.prediction).toEqual({ label: predictions(custom)[0].truth.label, score: 0.9, probabilities: { 2: 1 } });
  });
});
