import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './paths';

/** The command-line tools these specs run. They are required: a missing one fails the spec with how to install it. */
export const TOOLS = {
  promtool: { command: 'promtool', versionArgs: ['--version'], install: 'install Debian\'s "prometheus" package: apt-get install -y prometheus' },
  kubectl: {
    // KUBECTL picks another binary, e.g. to check the overlays with kubectl 1.20's kustomize.
    command: process.env['KUBECTL'] || 'kubectl',
    versionArgs: ['version', '--client'],
    install: 'install kubectl (Debian: apt-get install -y kubernetes-client) or point KUBECTL at one',
  },
} as const;

export type ToolName = keyof typeof TOOLS;

export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a tool from the repository root; throws (never skips) when the tool is not installed. */
export function runTool(tool: ToolName, args: readonly string[], cwd = REPO_ROOT): ToolRun {
  const { command, install } = TOOLS[tool];
  const run = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? `${command} is not installed: ${install}` : `${command} ${args.join(' ')}: ${run.error.message}`);
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Like runTool, but a non-zero exit throws with the tool's output. */
export function runToolOk(tool: ToolName, args: readonly string[], cwd = REPO_ROOT): ToolRun {
  const run = runTool(tool, args, cwd);
  if (run.status !== 0) {
    throw new Error(`${TOOLS[tool].command} ${args.join(' ')} exited ${run.status}\n${run.stdout}\n${run.stderr}`);
  }
  return run;
}
