import { ModelError } from './model.error';

/** The loss became NaN or infinite: the learning rate is too high for this data. */
export class TrainingDivergedError extends ModelError {
  constructor(readonly epoch: number) {
    super(`training diverged at epoch ${epoch} (the loss is not finite); lower learningRate`, { epoch });
  }
}
