import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from './paths';

/** Non-test TypeScript sources of every service and lib. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === '__tests__' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(spec|int-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Whether a metric name is declared in the code of a service or lib: as a string literal
 * (`'mlops_x'`) or through the observability prefix (`${METRIC_PREFIX}x`). Not proof that it is
 * registered, but a name in the catalog that no code mentions is certainly not exported.
 */
export function declaredMetricNames(names: readonly string[]): { declared: string[]; missing: string[] } {
  const text = ['services', 'libs'].flatMap((top) => sourceFiles(fromRoot(top)).map((f) => readFileSync(f, 'utf8'))).join('\n');
  const isDeclared = (name: string) => text.includes(`'${name}'`) || text.includes(`\${METRIC_PREFIX}${name.replace(/^mlops_/, '')}`);
  return { declared: names.filter(isDeclared), missing: names.filter((n) => !isDeclared(n)) };
}
