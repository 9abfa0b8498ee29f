import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJsonSchemas } from './json-schemas';

const SCHEMA_DIR = join(__dirname, '..', 'schemas');
const REGENERATE = 'run `npm run contracts:schemas` from the repository root and commit libs/contracts/schemas/';

describe('published JSON Schemas', () => {
  const generated = buildJsonSchemas();

  it('has no committed file that the contracts no longer generate', () => {
    const committed = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json'));
    const extra = committed.filter((f) => !(f in generated));
    if (extra.length > 0) throw new Error(`stale schema files ${extra.join(', ')}: ${REGENERATE}`);
  });

  it.each(Object.keys(generated))('%s matches the zod schema', (file) => {
    let committed: string;
    try {
      committed = readFileSync(join(SCHEMA_DIR, file), 'utf8');
    } catch {
      throw new Error(`libs/contracts/schemas/${file} is missing: ${REGENERATE}`);
    }
    if (committed !== generated[file]) throw new Error(`libs/contracts/schemas/${file} is stale: ${REGENERATE}`);
  });

  it('publishes the schemas external producers need, describing input (epoch-ms timestamps allowed)', () => {
    const prediction = JSON.parse(generated['prediction-event.schema.json']);
    expect(prediction.required).toEqual(expect.arrayContaining(['eventId', 'model', 'timestamp', 'features', 'prediction']));
    expect(prediction.properties.timestamp.anyOf).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'integer' }), expect.objectContaining({ format: 'date-time' })]),
    );
    expect(prediction.properties.features).toMatchObject({ minProperties: 1, maxProperties: 512 });
    expect(prediction.additionalProperties).toBeUndefined();
    const label = JSON.parse(generated['label-event.schema.json']);
    expect(label.anyOf).toEqual([{ required: ['eventId'] }, { required: ['entityId'] }]);
    const deployed = JSON.parse(generated['model-deployed.schema.json']);
    expect(deployed.additionalProperties).toBe(false);
  });
});
