import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Sends a signal and resolves with the exit code (or the signal name) and the time it took. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | string; durationMs: number }>;
}

/**
 * Runs a service as a real OS process from its TypeScript entry (SWC register, no build step),
 * as `npm start` and Kubernetes would: separate process, its own env, signals for shutdown.
 */
export function startServiceProcess(service: string, env: Record<string, string>, port: number): ServiceProcess {
  const entry = path.join(WORKSPACE_ROOT, 'services', service, 'src', 'main.ts');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: WORKSPACE_ROOT,
    env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', HTTP_PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop(signal = 'SIGTERM', timeoutMs = 30000) {
      const started = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const [code, killedBy] = await exited;
      clearTimeout(timer);
      return { code: code ?? killedBy ?? 'unknown', durationMs: Date.now() - started };
    },
  };
}

/** Resolves with the exit code once the process ends by itself. */
export async function exitCodeOf(service: ServiceProcess, timeoutMs = 30000): Promise<number | null> {
  const { child } = service;
  if (child.exitCode !== null) return child.exitCode;
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return code;
}
