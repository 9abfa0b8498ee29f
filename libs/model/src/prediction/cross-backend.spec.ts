import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { binaryExamples, FAST, multiclassExamples, regressionExamples } from '../__tests__/synthetic-examples';
import { selectBackend } from '../backend/select-backend';
import { loadTabularModel } from '../persistence/load-model';
import { saveTabularModel } from '../persistence/save-model';
import type { Task } from '../target/target-encoding';
import { trainTabularModel } from '../training/train-tabular-model';
import type { TrainingExample } from '../training/training-example';

/**
 * The same saved model must answer the same on every backend available here (wasm and cpu;
 * tfjs-node cannot be installed on these machines): within 1e-5 absolute on probabilities, and
 * 1e-5 relative on regression values (float32 carries ~7 digits, so a target of 1500 cannot
 * agree to 1e-5 absolute on any two float32 implementations).
 */
describe('predictions across backends', () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'mlops-model-backends-'));
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  const cases: [Task, TrainingExample[]][] = [
    ['binary', binaryExamples(300)],
    ['multiclass', multiclassExamples(300)],
    ['regression', regressionExamples(300)],
  ];

  it.each(cases)('%s: wasm and cpu agree on the saved model', async (task, data) => {
    await selectBackend('wasm');
    const trained = await trainTabularModel(data, { task, ...FAST, maxEpochs: 10 });
    const dir = (await saveTabularModel(trained, path.join(root, task))).directory;
    trained.dispose();
    // Unseen rows, with missing values and an unknown category, so every input path is compared.
    const rows = [...data.slice(0, 50).map((e) => e.features), { x: null, color: 'purple', flag: null }];

    const outputs: Record<string, Float32Array> = {};
    for (const backend of ['cpu', 'wasm'] as const) {
      await selectBackend(backend);
      const model = await loadTabularModel(dir);
      outputs[backend] = await model.predictOutputs(rows, { batchSize: 16 });
      model.dispose();
    }
    const scale = task === 'regression' ? Float32Array.from(outputs['wasm'], (v) => Math.max(1, Math.abs(v))) : undefined;
    const worst = Math.max(...Array.from(outputs['wasm'], (v, i) => Math.abs(v - outputs['cpu'][i]) / (scale?.[i] ?? 1)));
    expect(outputs['cpu']).toHaveLength(outputs['wasm'].length);
    expect(worst).toBeLessThanOrEqual(1e-5);
  });
});
