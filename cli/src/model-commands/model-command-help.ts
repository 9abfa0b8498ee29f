/** The environment and exit-code sections of `mlops train|baseline|register --help`. */
export const MODEL_COMMAND_ENVIRONMENT_HELP = `
Environment (the same variables as the retraining and deployment services):
  REGISTRY            filesystem (default) or mlflow
  REGISTRY_ROOT       the filesystem registry's folder (default ./var/registry)
  MLFLOW_TRACKING_URI the MLflow server, with REGISTRY=mlflow
  KAFKA_BROKERS       host:port list, needed when the command publishes
  KAFKA_TOPIC_PREFIX  prefix of every topic (and KAFKA_SSL*, KAFKA_SASL_* as for the services)
  TFJS_BACKEND        wasm (default) or cpu
`;

export const MODEL_COMMAND_EXIT_HELP = `
Exit codes:
  0   done (and, with --deploy, the version is champion)
  1   --deploy: the gates refused or held the version; the champion is unchanged
  2   bad input: a flag, file, column, model name or variable (the message names it)
  3   the registry or Kafka could not be reached or refused the request
  130 interrupted
`;
