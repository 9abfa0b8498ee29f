import type { DriftReportOptions } from './drift-report-options';
import { InputFileError } from './errors';
import { InputSpec, resolveInputSpec } from './input/input-format';
import { openTabularReader } from './input/open-tabular-reader';
import { readPrefix } from './input/read-prefix';
import type { OpenSource } from './profile/read-batches';
import type { ColumnTally } from './schema/column-tally';

export interface OpenedSources {
  readonly reference: OpenSource & { readonly spec: InputSpec };
  readonly current: OpenSource & { readonly spec: InputSpec };
  /** Cell kinds per column name over both prefixes (reference first). */
  readonly tallies: ReadonlyMap<string, ColumnTally>;
}

/**
 * Opens both files and reads their first rows (for type inference), checking that each has a
 * header and at least one data row. Readers stay open, paused after their prefix.
 */
export async function openSources(options: DriftReportOptions, naValues: ReadonlySet<string>): Promise<OpenedSources> {
  const referenceSpec = resolveInputSpec(options.reference, options.format, options.delimiter);
  const currentSpec = resolveInputSpec(options.current, options.format, options.delimiter);
  const tallies = new Map<string, ColumnTally>();
  const referenceReader = await openTabularReader(referenceSpec);
  try {
    const referencePrefix = await readPrefix(referenceReader, options.inferRows, naValues, tallies);
    if (referencePrefix.length === 0) throw new InputFileError(referenceSpec.file, 'has a header but no data rows');
    const currentReader = await openTabularReader(currentSpec);
    try {
      const currentPrefix = await readPrefix(currentReader, options.inferRows, naValues, tallies);
      if (currentPrefix.length === 0) throw new InputFileError(currentSpec.file, 'has a header but no data rows');
      return {
        reference: { reader: referenceReader, prefix: referencePrefix, spec: referenceSpec },
        current: { reader: currentReader, prefix: currentPrefix, spec: currentSpec },
        tallies,
      };
    } catch (error) {
      currentReader.close();
      throw error;
    }
  } catch (error) {
    referenceReader.close();
    throw error;
  }
}
