import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '@mlops/testing';
import os from 'node:os';
import path from 'node:path';
import { PrometheusApi, prometheusApi } from './prometheus-api';
import { prometheusConfig, ScrapeTarget } from './prometheus-config';
import { shortenRuleDurations } from './shorten-rule-durations';

/** The repo's rules, as the compose Prometheus and the PrometheusRule load them. */
export const REPO_RULES_DIR = path.resolve(__dirname, '..', '..', 'deploy', 'prometheus', 'rules');

export interface LocalPrometheusOptions {
  /** The services to scrape (job `mlops`, one `service` label each). */
  targets: readonly ScrapeTarget[];
  /** Every `*.yml` here is loaded, read when Prometheus starts; default the repo's rules; null for none. */
  rulesDir?: string | null;
  /** Rules' `for:` is divided by this (60: 5m → 5s), expressions unchanged; 1 keeps production timing. */
  forDivisor?: number;
  /** Scrape and rule evaluation interval (also replaces the rule groups' own `interval:`). Default 1s. */
  interval?: string;
  /** Config, rule copies and TSDB go here and stay; default a temporary folder removed by stop(). */
  dir?: string;
  /** The `prometheus` executable (Debian's package puts it on PATH). */
  binary?: string;
  readyTimeoutMs?: number;
}

export interface LocalPrometheus extends PrometheusApi {
  readonly dir: string;
  /** What Prometheus logged so far. */
  output(): string;
  /** SIGTERM (SIGKILL after 10 s); removes the folder unless it was given. */
  stop(): Promise<void>;
}

/**
 * A real Prometheus on 127.0.0.1 and a free port, scraping the given targets and evaluating a
 * shortened copy of the rule files (see shortenRuleDurations), so that the rules' alerts fire
 * and resolve within a test or a demo. Resolves once /-/ready answers.
 */
export async function startLocalPrometheus(options: LocalPrometheusOptions): Promise<LocalPrometheus> {
  const interval = options.interval ?? '1s';
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'mlops-prometheus-'));
  const ruleFiles = writeRuleCopies(options.rulesDir === undefined ? REPO_RULES_DIR : options.rulesDir, path.join(dir, 'rules'), options.forDivisor ?? 60, interval);
  const configFile = path.join(dir, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig({ targets: options.targets, ruleFiles, scrapeInterval: interval, evaluationInterval: interval }));

  const port = await freePort();
  const child: ChildProcess = spawn(
    options.binary ?? 'prometheus',
    [`--config.file=${configFile}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  // once() rejects on 'error' (e.g. no such executable), which spawnError reports.
  const exited = once(child, 'exit').catch(() => undefined);
  const api = prometheusApi(`http://127.0.0.1:${port}`);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  while (!(await api.ready())) {
    const why = spawnError ? `could not run ${options.binary ?? 'prometheus'}: ${spawnError.message}` : child.exitCode !== null ? `exited with code ${child.exitCode}` : Date.now() > deadline ? 'not ready in time' : undefined;
    if (why) {
      await stop();
      throw new Error(`local Prometheus ${why}\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { ...api, dir, output: () => output, stop };
}

/** Shortened copies of every rule file in `from`, written to `to`; returns their paths. */
function writeRuleCopies(from: string | null, to: string, forDivisor: number, interval: string): string[] {
  if (from === null) return [];
  mkdirSync(to, { recursive: true });
  return readdirSync(from)
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const copy = path.join(to, name);
      writeFileSync(copy, shortenRuleDurations(readFileSync(path.join(from, name), 'utf8'), { divisor: forDivisor, minimum: interval, groupInterval: interval }));
      return copy;
    });
}
