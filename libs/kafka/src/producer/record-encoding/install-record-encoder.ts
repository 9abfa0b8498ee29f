import { encodeRecord, type RecordFields } from './encode-record';

/** The kafkajs release whose record encoder `encodeRecord` reproduces byte for byte (pinned in the lockfile). */
export const KAFKAJS_VERSION_MATCHED = '2.2.4';

export type RecordEncoderInstall = 'installed' | 'already-installed' | 'disabled' | 'version-mismatch' | 'too-late';

type KafkajsRecordEncoder = ((fields: RecordFields) => unknown) & { fastPath?: true };
const RECORD_MODULE = 'kafkajs/src/protocol/recordBatch/record/v0/index.js';
/** The produce requests that take the record encoder at load (kafkajs loads them on first use). */
const PRODUCE_REQUEST_MODULES = [3, 4, 5, 6, 7].map((v) => `kafkajs/src/protocol/requests/produce/v${v}/request.js`);

let outcome: RecordEncoderInstall | undefined;

/**
 * Makes kafkajs encode produced records with `encodeRecord` (same bytes, one pass) instead of its
 * own record encoder, by replacing that module's exports in Node's module cache before kafkajs
 * first loads it (it does so lazily, when the first produce request is built). Nothing else in
 * kafkajs changes; records outside the fast path go to kafkajs' encoder. Skipped (and reported)
 * when the installed kafkajs is not the release this was checked against, when a produce request
 * module was already loaded, or when `enabled` is false. Idempotent.
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
  if (PRODUCE_REQUEST_MODULES.some((m) => require.cache[require.resolve(m)] !== undefined)) return 'too-late';
  const kafkajsRecord = require(RECORD_MODULE) as KafkajsRecordEncoder;
  const fastRecord: KafkajsRecordEncoder = (fields) => {
    const bytes = encodeRecord(fields);
    if (bytes === null) return kafkajsRecord(fields);
    // kafkajs' RecordBatch only checks that `.buf` is a Buffer and copies `.buffer` (its bytes so far).
    return { buf: bytes, buffer: bytes, offset: bytes.length };
  };
  fastRecord.fastPath = true;
  const cached = require.cache[require.resolve(RECORD_MODULE)];
  if (cached === undefined) throw new Error(`kafkajs record encoder not in the module cache after loading ${RECORD_MODULE}`);
  cached.exports = fastRecord;
  return 'installed';
}

/** True when kafkajs' produce path now uses `encodeRecord` (for tests and the start-up log). */
export function recordEncoderInstalled(): boolean {
  const cached = require.cache[require.resolve(RECORD_MODULE)];
  return (cached?.exports as KafkajsRecordEncoder | undefined)?.fastPath === true;
}
