import { SHA256_PATTERN, UtcDateTimeSchema } from '@mlops/contracts';
import { z } from 'zod';
import { RegistryCorruptError } from '../errors/registry-corrupt.error';
import { VersionLineageSchema } from '../registry/version-lineage.schema';

/** version.json: everything about a version except its files (manifest.json) and profile. */
export const VersionRecordSchema = z.strictObject({
  schemaVersion: z.literal(1),
  model: z.string(),
  version: z.string(),
  createdAt: UtcDateTimeSchema,
  description: z.string().optional(),
  metrics: z.record(z.string(), z.number()),
  params: z.record(z.string(), z.string()),
  tags: z.record(z.string(), z.string()),
  lineage: VersionLineageSchema,
  /** sha256 of manifest.json's bytes. */
  artifactSha256: z.string().regex(SHA256_PATTERN),
  /** sha256 of baseline-profile.json's bytes. */
  baselineProfileSha256: z.string().regex(SHA256_PATTERN),
});
export type VersionRecord = z.infer<typeof VersionRecordSchema>;

export function serializeRecord(record: VersionRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

export function parseRecord(text: string, location: string): VersionRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RegistryCorruptError(location, `invalid JSON: ${(error as Error).message}`);
  }
  const parsed = VersionRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RegistryCorruptError(location, `${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** aliases/<alias>.json */
export const AliasRecordSchema = z.strictObject({ version: z.string(), updatedAt: UtcDateTimeSchema });
