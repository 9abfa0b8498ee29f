import { InputFileError } from '../errors';

/** Column names as given, after checking that no name appears twice. */
export function checkHeader(file: string, names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined && name !== '') {
      throw new InputFileError(file, `column name ${JSON.stringify(name)} appears twice (columns ${first + 1} and ${i + 1})`, 1);
    }
    seen.set(name, i);
  });
  return [...names];
}
