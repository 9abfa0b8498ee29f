/**
 * @mlops/lifecycle: the model lifecycle without Kafka or Nest — training, evaluating and
 * registering a challenger (what the retraining service and `mlops train` share) and the
 * deployment gates and promotion (what the deployment service and `mlops train --deploy` share).
 */
export * from './retraining';
export * from './deployment';
