export { BadInputError } from './bad-input.error';
export { UsageError } from './usage.error';
export { InputFileError } from './input-file.error';
export { ColumnMismatchError } from './column-mismatch.error';
export { MixedTypesError } from './mixed-types.error';
export { ColumnMappingError } from './column-mapping.error';
export { InterruptedError } from './interrupted.error';
export { ForwardedInputError } from './forwarded-input.error';
