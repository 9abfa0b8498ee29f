import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { fromRoot } from './paths';

const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
};

function aliases(): Map<string, string> {
  const { compilerOptions: base } = JSON.parse(readFileSync(fromRoot('tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  return new Map(Object.entries(base.paths).map(([alias, [target]]) => [alias, fromRoot(target)]));
}

function resolveSource(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
}

const packageNameOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * The npm packages a compiled service `require`s at run time, with one file that needs each:
 * every source file reachable from `entry` through relative imports and @mlops/* aliases,
 * compiled as tsc would (imports used only as types are dropped, decorator metadata kept).
 */
export function runtimePackagesOf(entry: string): Map<string, string> {
  const libAliases = aliases();
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const output = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file }).outputText;
    for (const [, specifier] of output.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
      if (specifier.endsWith('.json')) continue;
      if (specifier.startsWith('.')) {
        const resolved = resolveSource(file, specifier);
        if (!resolved) throw new Error(`${path.relative(fromRoot(), file)}: cannot resolve ${specifier}`);
        queue.push(resolved);
      } else if (libAliases.has(specifier)) {
        queue.push(libAliases.get(specifier)!);
      } else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        const name = packageNameOf(specifier);
        if (!packages.has(name)) packages.set(name, path.relative(fromRoot(), file));
      }
    }
  }
  return packages;
}
