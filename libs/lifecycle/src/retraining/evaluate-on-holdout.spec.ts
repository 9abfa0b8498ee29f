import { selectBackend, trainTabularModel } from '@mlops/model';
import { loanExamples } from '@mlops/testing';
import { evaluateOnHoldout } from './evaluate-on-holdout';
import { RetrainRejection } from './retrain-rejection';

describe('evaluateOnHoldout', () => {
  jest.setTimeout(60_000);
  const train = (rows: ReturnType<typeof loanExamples>) => trainTabularModel(rows, { task: 'binary', positiveLabel: 'approve', hiddenUnits: [8], maxEpochs: 10, learningRate: 0.02, seed: 1 });

  beforeAll(() => selectBackend('wasm'));

  it('measures both models on the same rows, the champion through its own schema', async () => {
    const champion = await train(loanExamples(300, 1));
    const withNewFeature = loanExamples(300, 2).map((e, i) => ({ ...e, features: { ...e.features, branch: i % 2 ? 'north' : 'south' } }));
    const challenger = await train(withNewFeature);
    const holdout = loanExamples(100, 3).map((e) => ({ ...e, features: { ...e.features, branch: 'north' } }));
    const result = await evaluateOnHoldout(holdout, challenger, champion);
    expect(result).toMatchObject({ rows: 100, unknownClassRows: 0 });
    expect(result.champion?.accuracy).toBeGreaterThan(0.6);
    expect(result.challenger.accuracy).toBeGreaterThan(0.6);
    expect(result.championProblem).toBeUndefined();
    champion.dispose();
    challenger.dispose();
  });

  it('leaves out rows of a class the challenger never saw, and refuses when none is left', async () => {
    const challenger = await train(loanExamples(300, 1));
    const holdout = [...loanExamples(10, 4), ...loanExamples(5, 5).map((e) => ({ ...e, label: 'review' }))];
    expect(await evaluateOnHoldout(holdout, challenger)).toMatchObject({ rows: 10, unknownClassRows: 5 });
    await expect(evaluateOnHoldout(loanExamples(3, 6).map((e) => ({ ...e, label: 'review' })), challenger)).rejects.toThrow(RetrainRejection);
    challenger.dispose();
  });
});
