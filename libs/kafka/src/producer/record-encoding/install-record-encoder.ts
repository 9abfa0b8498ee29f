import { encodeRecord, type RecordFields } from './encode-record';

/** The kafkajs release whose record encoder `encodeRecord` reproduces byte for byte (pinned in the lockfile). */
export const KAFKAJS_VERSION_MATCHED = '2.2.4';

export type RecordEncoderInstall = 'installed' | 'already-installed' | 'disabled' | 'version-mismatch' | 'too-late';

type KafkajsRecordEncoder = ((fields: RecordFields) => unknown) & { fastPath?: true };
type Crc32c = ((buffer: Buffer) => number) & { fastPath?: true };

const RECORD_MODULE = 'kafkajs/src/protocol/recordBatch/record/v0/index.js';
const CRC32C_MODULE = 'kafkajs/src/protocol/recordBatch/crc32C/index.js';
/** The modules that take the record encoder or the checksum at load (kafkajs loads them on first use). */
const DEPENDENT_MODULES = ['kafkajs/src/protocol/recordBatch/v0/index.js', ...[3, 4, 5, 6, 7].map((v) => `kafkajs/src/protocol/requests/produce/v${v}/request.js`)];

let outcome: RecordEncoderInstall | undefined;

/**
 * Makes kafkajs build produce requests faster, with the same bytes: records are encoded by
 * `encodeRecord` (one pass) instead of kafkajs' record encoder, and the record batch checksum
 * (CRC-32C over every byte produced) is computed by @node-rs/crc32 (native, SSE 4.2) instead of
 * kafkajs' table-driven JavaScript. Both by replacing those two modules' exports in Node's module
 * cache before kafkajs first loads them (it does so lazily, when the first produce request is
 * built); nothing else in kafkajs changes, and records outside the fast path go to kafkajs'
 * encoder. Skipped (and reported) when the installed kafkajs is not the release this was checked
 * against, when a dependent module was already loaded, or when `enabled` is false; the checksum
 * stays kafkajs' own where the native module has no build for the platform. Idempotent.
 */
export function installRecordEncoder(enabled = true): RecordEncoderInstall {
  if (!enabled) return 'disabled';
  if (outcome === 'installed' || outcome === 'already-installed') return 'already-installed';
  outcome = install();
  return outcome;
}

function install(): RecordEncoderInstall {
  const { version } = require('kafkajs/package.json') as { version: string };
  if (version !== KAFKAJS_VERSION_MATCHED) return 'version-mismatch';
  if (DEPENDENT_MODULES.some((m) => require.cache[require.resolve(m)] !== undefined)) return 'too-late';
  const kafkajsRecord = require(RECORD_MODULE) as KafkajsRecordEncoder;
  const fastRecord: KafkajsRecordEncoder = (fields) => {
    const bytes = encodeRecord(fields);
    if (bytes === null) return kafkajsRecord(fields);
    // kafkajs' RecordBatch only checks that `.buf` is a Buffer and copies `.buffer` (its bytes so far).
    return { buf: bytes, buffer: bytes, offset: bytes.length };
  };
  fastRecord.fastPath = true;
  replaceExports(RECORD_MODULE, fastRecord);
  const nativeCrc32c = loadNativeCrc32c();
  if (nativeCrc32c !== undefined) {
    require(CRC32C_MODULE);
    const crc: Crc32c = (buffer) => nativeCrc32c(buffer);
    crc.fastPath = true;
    replaceExports(CRC32C_MODULE, crc);
  }
  return 'installed';
}

function replaceExports(modulePath: string, exports: unknown): void {
  require(modulePath);
  const cached = require.cache[require.resolve(modulePath)];
  if (cached === undefined) throw new Error(`${modulePath} not in the module cache after loading it`);
  cached.exports = exports;
}

/** @node-rs/crc32's CRC-32C (unsigned, like kafkajs'), or undefined where it has no native build. */
function loadNativeCrc32c(): ((buffer: Buffer) => number) | undefined {
  try {
    return (require('@node-rs/crc32') as { crc32c: (input: Buffer) => number }).crc32c;
  } catch {
    return undefined;
  }
}

/** Which parts of kafkajs' produce path are replaced in this process (for tests and diagnostics). */
export function recordEncoderInstalled(): { records: boolean; checksum: boolean } {
  const exported = (m: string) => require.cache[require.resolve(m)]?.exports as { fastPath?: true } | undefined;
  return { records: exported(RECORD_MODULE)?.fastPath === true, checksum: exported(CRC32C_MODULE)?.fastPath === true };
}
