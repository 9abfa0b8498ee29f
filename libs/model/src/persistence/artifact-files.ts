/** The files of a saved model directory (see the README's "Saved directory" section). */
export const MODEL_JSON_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';
export const PREPROCESSING_FILE = 'preprocessing.json';
export const METADATA_FILE = 'metadata.json';
export const BASELINE_FILE = 'baseline-profile.json';
export const MANIFEST_FILE = 'manifest.json';

/** Every file the manifest must list; the manifest itself is not listed. */
export const REQUIRED_FILES: readonly string[] = [MODEL_JSON_FILE, WEIGHTS_FILE, PREPROCESSING_FILE, METADATA_FILE, BASELINE_FILE];
