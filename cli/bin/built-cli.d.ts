/** `builtMain` exists and no file under `sources` (files or folders) was modified after it. */
export function builtIsCurrent(builtMain: string, sources: readonly string[]): boolean;
