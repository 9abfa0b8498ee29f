import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

export const SERVICES = ['ingestion', 'inference', 'drift-computation', 'retraining', 'deployment'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface RunningFleet {
  urls: Record<ServiceName, string>;
  /** SIGTERM to every service, SIGKILL to any still alive after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
  /** Services that exited on their own, with their exit codes. */
  exited(): Partial<Record<ServiceName, number | string>>;
}

const root = path.resolve(__dirname, '..', '..');

/**
 * Starts the five services as separate OS processes (as in production: own env, own logs,
 * signals for shutdown) from their TypeScript entries, logging to `<logDir>/<service>.log`.
 */
export function startFleet(env: Record<string, string>, ports: Record<ServiceName, number>, logDir: string, perService: Partial<Record<ServiceName, Record<string, string>>> = {}): RunningFleet {
  mkdirSync(logDir, { recursive: true });
  const children = new Map<ServiceName, ChildProcess>();
  const exits: Partial<Record<ServiceName, number | string>> = {};
  for (const service of SERVICES) {
    const log = createWriteStream(path.join(logDir, `${service}.log`));
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'services', service, 'src', 'main.ts')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', HTTP_PORT: String(ports[service]), ...env, ...perService[service] },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    child.once('exit', (code, signal) => (exits[service] = code ?? signal ?? 'unknown'));
    children.set(service, child);
  }
  const urls = Object.fromEntries(SERVICES.map((s) => [s, `http://127.0.0.1:${ports[s]}`])) as Record<ServiceName, string>;
  return {
    urls,
    exited: () => ({ ...exits }),
    async stop(timeoutMs = 20_000) {
      await Promise.all(
        [...children.values()].map(async (child) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}

/** Resolves when every service answers /health/ready with 200; fails naming those that do not. */
export async function waitUntilReady(fleet: RunningFleet, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending: string[] = [...SERVICES];
  while (Date.now() < deadline) {
    const exited = Object.keys(fleet.exited());
    if (exited.length > 0) throw new Error(`services exited during start-up: ${exited.join(', ')} (see their logs)`);
    const states = await Promise.all(
      SERVICES.map(async (s) => [s, (await fetch(`${fleet.urls[s]}/health/ready`).catch(() => undefined))?.status === 200] as const),
    );
    pending = states.filter(([, ready]) => !ready).map(([s]) => s);
    if (pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`services not ready after ${timeoutMs} ms: ${pending.join(', ')} (see their logs)`);
}
