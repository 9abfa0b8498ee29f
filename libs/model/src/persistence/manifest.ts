import { z } from 'zod';
import { SHA256_PATTERN } from '@mlops/contracts';
import { ChecksumMismatchError, MissingArtifactFileError, ModelFormatError, UnexpectedArtifactFileError } from '../errors';
import { MANIFEST_FILE, REQUIRED_FILES } from './artifact-files';
import { sha256Hex } from './sha256';

export const MANIFEST_FORMAT = 'mlops.model.manifest';

export const ManifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  algorithm: z.literal('sha256'),
  files: z.array(z.strictObject({ path: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'a plain file name'), bytes: z.int().min(0), sha256: z.string().regex(SHA256_PATTERN) })).min(1),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** The manifest of a set of files (sorted by name, so the same files give the same bytes). */
export function buildManifest(files: ReadonlyMap<string, Uint8Array>): Manifest {
  const entries = [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, bytes]) => ({ path, bytes: bytes.byteLength, sha256: sha256Hex(bytes) }));
  return { format: MANIFEST_FORMAT, version: 1, algorithm: 'sha256', files: entries };
}

export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ModelFormatError(MANIFEST_FILE, `not JSON: ${(e as Error).message}`);
  }
  const result = ManifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ModelFormatError(MANIFEST_FILE, `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  const paths = result.data.files.map((f) => f.path);
  const missing = REQUIRED_FILES.find((f) => !paths.includes(f));
  if (missing !== undefined) throw new ModelFormatError(MANIFEST_FILE, `does not list ${missing}`);
  if (new Set(paths).size !== paths.length) throw new ModelFormatError(MANIFEST_FILE, 'lists a file twice');
  return result.data;
}

/**
 * Checks a directory's files against its manifest: every listed file present with its sha256,
 * and nothing else (an extra file could be a payload a later reader picks up). `present` maps
 * each name found in the directory to its bytes, or to undefined for entries that are not
 * regular files.
 */
export function verifyAgainstManifest(manifest: Manifest, present: ReadonlyMap<string, Uint8Array | undefined>, directory: string): void {
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of [...present.keys()].sort()) {
    if (name !== MANIFEST_FILE && !listed.has(name)) throw new UnexpectedArtifactFileError(name, directory);
  }
  for (const entry of manifest.files) {
    const bytes = present.get(entry.path);
    if (bytes === undefined) throw new MissingArtifactFileError(entry.path, directory);
    const actual = sha256Hex(bytes);
    if (actual !== entry.sha256) throw new ChecksumMismatchError(entry.path, entry.sha256, actual, directory);
  }
}
