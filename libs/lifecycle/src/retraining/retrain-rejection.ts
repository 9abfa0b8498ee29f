import type { RejectionReason } from '@mlops/contracts';
import { PermanentError } from '@mlops/kafka';

/** A retrain request that ends without a challenger: insufficient data, or training or evaluation failed. */
export class RetrainRejection extends PermanentError {
  constructor(
    readonly reason: RejectionReason,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(detail, { reason }, options);
  }
}
