/**
 * Writes the published JSON Schemas to libs/contracts/schemas/ (and removes stale ones).
 * Run from the repository root: `npm run contracts:schemas`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildJsonSchemas } from '../src/json-schemas';

const outDir = resolve(__dirname, '..', 'schemas');
mkdirSync(outDir, { recursive: true });

const files = buildJsonSchemas();
for (const name of readdirSync(outDir)) {
  if (name.endsWith('.schema.json') && !(name in files)) rmSync(join(outDir, name));
}
for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
console.log(`wrote ${Object.keys(files).length} JSON Schemas to ${outDir}`);
