/** The label column `mlops train` reads when --target is not given (shown in --help, so kept free of heavy imports). */
export const DEFAULT_TARGET = 'label';
