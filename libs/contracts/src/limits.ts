/**
 * Hard limits of the event contracts. They exist so that one malformed or hostile message
 * cannot blow up memory, metric cardinality or file paths downstream; each is enforced by the
 * zod schemas and mirrored in the published JSON Schemas. Raising one is a contract change:
 * say so in the README and in the migration note of the release.
 *
 * String lengths are counted in UTF-16 code units, as JavaScript's `String.length` does.
 */

/** Largest message value `decodeEvent` accepts: 1 MiB, close to Kafka's default `max.message.bytes`. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Model names become registry paths, metric labels and message keys, so they are restricted to a
 * path-safe alphabet. The first character is alphanumeric, which rules out `.`, `..` and hidden
 * files; `/` and `\` are absent, which rules out traversal.
 */
export const MODEL_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,127}$/;
export const MAX_MODEL_NAME_LENGTH = 128;

/** Model versions are registry path components too: same alphabet, shorter. */
export const MODEL_VERSION_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/;
export const MAX_MODEL_VERSION_LENGTH = 64;

/**
 * Identifiers (eventId, entityId, requestId, reportId, commandId, segment): visible ASCII only,
 * no whitespace, so they are safe as dedupe keys, Kafka keys and log fields.
 */
export const IDENTIFIER_PATTERN = /^[\x21-\x7E]+$/;
export const MAX_ID_LENGTH = 128;

/** A prediction carries between 1 and 512 features; an empty map is a producer bug. */
export const MIN_FEATURES = 1;
export const MAX_FEATURES = 512;
export const MAX_FEATURE_NAME_LENGTH = 128;
/** Longer strings are free text, not categories: drift on them would be meaningless. */
export const MAX_FEATURE_STRING_LENGTH = 1024;

/** Class labels (prediction and ground truth) and the number of classes with a probability. */
export const MAX_LABEL_LENGTH = 256;
export const MAX_CLASSES = 1024;

/**
 * Event times before 2000-01-01 are rejected: they are almost always epoch *seconds* sent where
 * epoch milliseconds were expected, or an unset clock.
 */
export const MIN_EVENT_TIME_MS = Date.UTC(2000, 0, 1);
/** The largest instant a JavaScript Date can hold. */
export const MAX_EVENT_TIME_MS = 8_640_000_000_000_000;
/** How far in the future an event time may lie before it is rejected (producer clock skew). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Human-readable reasons and details (retrain reason detail, dead-letter reason). */
export const MAX_REASON_LENGTH = 1000;

/** Artifact and profile URIs. */
export const MAX_URI_LENGTH = 2048;
/** Lowercase hex sha256, as `sha256sum` prints it. */
export const SHA256_PATTERN = /^[a-f0-9]{64}$/;

/** Metric and stat-test method names (`accuracy`, `roc_auc`, `ks`, `jensen-shannon`). */
export const METRIC_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/;

/** Metrics per registered model and per drift report. */
export const MAX_METRICS = 64;
