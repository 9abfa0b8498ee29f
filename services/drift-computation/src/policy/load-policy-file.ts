import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { policyFileSchema, type PolicyFile } from './retrain-policy.schema';

/** The policy file could not be read or is invalid; `problems` name each bad key. */
export class InvalidPolicyFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid retrain policy ${file}: ${problems.join('; ')}`);
    this.name = 'InvalidPolicyFileError';
  }
}

/** Parses and validates policy text (YAML, or JSON which is YAML too). */
export function parsePolicyText(text: string, file: string): PolicyFile {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new InvalidPolicyFileError(file, [`not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`]);
  }
  const result = policyFileSchema.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw new InvalidPolicyFileError(
    file,
    result.error.issues.map((issue) => `${issue.message} at ${issue.path.length > 0 ? issue.path.map(String).join('.') : 'the top level'}`),
  );
}

/** Reads the policy file named by DRIFT_POLICY_FILE. */
export function loadPolicyFile(file: string): PolicyFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidPolicyFileError(file, [`cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  return parsePolicyText(text, file);
}
