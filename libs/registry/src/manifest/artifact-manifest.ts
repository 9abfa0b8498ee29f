import { SHA256_PATTERN } from '@mlops/contracts';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { RegistryCorruptError } from '../errors/registry-corrupt.error';
import { relativePathProblem } from '../validation/relative-artifact-path';

export interface ManifestEntry {
  /** POSIX path relative to the artifact's root. */
  path: string;
  size: number;
  sha256: string;
}

export const MANIFEST_FILE = 'manifest.json';

const ManifestSchema = z.strictObject({
  algorithm: z.literal('sha256'),
  files: z.array(
    z.strictObject({
      path: z.string().refine((p) => relativePathProblem(p) === undefined, 'unsafe path'),
      size: z.number().int().min(0),
      sha256: z.string().regex(SHA256_PATTERN),
    }),
  ),
});

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function byPath(a: ManifestEntry, b: ManifestEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * The manifest's bytes: sorted entries, fixed key order, no whitespace. The same files always
 * give the same bytes, so the digest of these bytes identifies the whole artifact (it is the
 * `artifact.sha256` of a version, equal in both registries).
 */
export function serializeManifest(files: readonly ManifestEntry[]): Buffer {
  const sorted = [...files].sort(byPath).map(({ path, size, sha256 }) => ({ path, size, sha256 }));
  return Buffer.from(JSON.stringify({ algorithm: 'sha256', files: sorted }), 'utf8');
}

/** Reads a stored manifest back; anything malformed or unsafe is a corrupt record. */
export function parseManifest(bytes: Buffer, location: string): ManifestEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new RegistryCorruptError(location, `invalid JSON: ${(error as Error).message}`);
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) throw new RegistryCorruptError(location, parsed.error.issues[0]?.message ?? 'invalid manifest');
  const paths = new Set(parsed.data.files.map((f) => f.path));
  if (paths.size !== parsed.data.files.length) throw new RegistryCorruptError(location, 'duplicate paths');
  return parsed.data.files;
}
