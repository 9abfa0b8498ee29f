import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The Evidently release the comparison was written against (its report API changed in 0.7). */
export const EVIDENTLY_REQUIREMENTS = ['evidently==0.7.23', 'pandas<3'];

/**
 * A Python that can import Evidently: EVIDENTLY_PYTHON when set; otherwise the venv under
 * .cache/venv-evidently, created and filled with pip on first use (a few minutes, once). Null
 * (and a note on stderr) when Python or pip is not available: the benchmark then runs without it.
 */
export function evidentlyPython(root: string): string | null {
  const given = process.env['EVIDENTLY_PYTHON'];
  if (given !== undefined && given !== '') return given;
  const venv = join(root, '.cache/venv-evidently');
  const python = join(venv, 'bin/python');
  if (existsSync(python) && canImport(python)) return python;
  process.stderr.write(`bench: installing ${EVIDENTLY_REQUIREMENTS.join(' ')} into ${venv} (once)…\n`);
  const steps: [string, string[]][] = [
    ['python3', ['-m', 'venv', venv]],
    [python, ['-m', 'pip', 'install', '--quiet', ...EVIDENTLY_REQUIREMENTS]],
  ];
  for (const [command, args] of steps) {
    const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (run.status !== 0) {
      process.stderr.write(`bench: cannot set up Evidently (${command} ${args.join(' ')}: ${run.error?.message ?? run.stderr.trim().split('\n').pop()}); running without it\n`);
      return null;
    }
  }
  return canImport(python) ? python : null;
}

function canImport(python: string): boolean {
  return spawnSync(python, ['-c', 'import evidently, pandas'], { stdio: 'ignore' }).status === 0;
}
