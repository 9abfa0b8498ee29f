import { z } from 'zod';
import { InvalidConfigurationError } from './invalid-configuration.error';

/**
 * Validates the environment against a service's schema, once, before bootstrap. Nothing else
 * reads process.env: the typed result is passed down. Empty strings count as unset, so
 * `FOO=` in a compose file falls back to the default instead of failing a number parse.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.length > 0 ? issue.path.map(String).join('.') : '(environment)';
    const missing = issue.path.length === 1 && cleaned[String(issue.path[0])] === undefined;
    return { variable, expected: missing ? `required (${issue.message})` : `${issue.message}, got ${JSON.stringify(cleaned[variable])}` };
  });
  throw new InvalidConfigurationError(problems);
}
