export interface ConfigProblem {
  variable: string;
  expected: string;
}

/** Every bad or missing environment variable at once, each named with what was expected. */
export class InvalidConfigurationError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.expected}`).join('\n')}`);
    this.name = 'InvalidConfigurationError';
  }
}
