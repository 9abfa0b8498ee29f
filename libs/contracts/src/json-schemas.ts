import { z } from 'zod';
import { EVENT_CATALOG } from './event-catalog';

/**
 * JSON Schema (draft 2020-12) of every event, for producers outside TypeScript. Generated from
 * the zod schemas, never edited by hand; `scripts/write-json-schemas.ts` writes them to
 * `libs/contracts/schemas/` and `json-schemas.spec.ts` fails when the committed files are stale.
 *
 * `io: 'input'` describes what a producer may send (e.g. epoch-millisecond timestamps), not
 * the normalised value consumers see. Refinements that JSON Schema cannot express (feature
 * count bounds aside, which are stated as minProperties/maxProperties) are enforced by the
 * consumer only: for example the 5-minute future limit on timestamps.
 */
export function buildJsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const descriptor of Object.values(EVENT_CATALOG)) {
    const schema = z.toJSONSchema(descriptor.schema, { io: 'input', target: 'draft-2020-12' });
    const document = { ...schema, 'x-cloudevents-type': descriptor.type };
    files[descriptor.jsonSchemaFile] = `${JSON.stringify(document, null, 2)}\n`;
  }
  return files;
}
