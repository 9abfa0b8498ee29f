/**
 * What the MLflow registry writes, per version:
 *
 *   experiment  <experimentPrefix><model>               one per model
 *   run         "<model> <requestId>"                    params, metrics, user tags, mlops.model, mlops.request_id
 *   artifacts   <run>/artifacts/model/...                the saved model directory, byte for byte
 *               <run>/artifacts/mlops/manifest.json      path, size and sha256 of every file
 *               <run>/artifacts/mlops/baseline-profile.json
 *               <run>/artifacts/mlops/lineage.json       parent, request, data window, Kafka offsets
 *   version     registered model <model>, version <n>, source <run>/artifacts/model,
 *               tags mlops.artifact_sha256, mlops.baseline_profile_sha256, mlops.lineage_sha256,
 *               mlops.request_id, mlops.parent_version
 *   aliases     registered model aliases (champion, challenger)
 */
export const MLFLOW_LAYOUT = {
  modelDir: 'model',
  manifest: 'mlops/manifest.json',
  profile: 'mlops/baseline-profile.json',
  lineage: 'mlops/lineage.json',
} as const;

export const MlflowTag = {
  Model: 'mlops.model',
  RequestId: 'mlops.request_id',
  ParentVersion: 'mlops.parent_version',
  ArtifactSha256: 'mlops.artifact_sha256',
  BaselineProfileSha256: 'mlops.baseline_profile_sha256',
  LineageSha256: 'mlops.lineage_sha256',
} as const;

/** Tags the registry or MLflow itself set; user tags never use these prefixes. */
export function isReservedKey(key: string): boolean {
  return key.startsWith('mlops.') || key.startsWith('mlflow.');
}
