import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { fromRoot } from './paths';

/**
 * The part of the Compose specification that docker-compose.yml uses, strictly: an unknown or
 * misspelt key is an error, as `docker compose config` would report it. (No Docker engine or
 * compose binary runs in CI, so this stands in for it.)
 */
const duration = z.string().regex(/^(\d+h)?(\d+m)?(\d+s)?(\d+ms)?$/, 'expected a duration such as 30s or 1m30s');
const scalar = z.union([z.string(), z.number(), z.boolean()]);

const healthcheckSchema = z.strictObject({
  test: z.tuple([z.enum(['CMD', 'CMD-SHELL'])], z.string()),
  interval: duration,
  timeout: duration,
  retries: z.number().int().positive(),
  start_period: duration,
});

const serviceSchema = z.strictObject({
  image: z.string().min(1),
  build: z.strictObject({ context: z.string(), dockerfile: z.string().optional(), args: z.record(z.string(), z.string()).optional() }).optional(),
  hostname: z.string().optional(),
  restart: z.enum(['no', 'always', 'on-failure', 'unless-stopped']).optional(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), scalar).optional(),
  ports: z.array(z.string().regex(/^\d+:\d+$/)).optional(),
  volumes: z.array(z.string().regex(/^[^:]+:\/[^:]*(:ro)?$/)).optional(),
  depends_on: z.record(z.string(), z.strictObject({ condition: z.enum(['service_started', 'service_healthy', 'service_completed_successfully']) })).optional(),
  healthcheck: healthcheckSchema,
  stop_grace_period: duration.optional(),
  security_opt: z.array(z.string()).optional(),
  cap_drop: z.array(z.string()).optional(),
});

export const composeSchema = z
  .strictObject({
    name: z.string(),
    services: z.record(z.string(), serviceSchema),
    volumes: z.record(z.string(), z.null()).optional(),
  })
  .catchall(z.unknown())
  .refine((c) => Object.keys(c).every((k) => ['name', 'services', 'volumes'].includes(k) || k.startsWith('x-')), 'top-level keys other than name, services, volumes and x-*');

export type ComposeFile = z.infer<typeof composeSchema>;
export type ComposeService = ComposeFile['services'][string];

export const COMPOSE_PATH = fromRoot('docker-compose.yml');

/**
 * docker-compose.yml as compose reads it with nothing set in the shell: `${VAR:-default}`
 * interpolated from `env` (else the default), YAML merge keys (`<<: *anchor`) applied.
 */
export function readComposeFile(env: Record<string, string> = {}): unknown {
  const text = readFileSync(COMPOSE_PATH, 'utf8').replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_, name: string, fallback?: string) => env[name] || (fallback ?? ''));
  return parse(text, { merge: true });
}

/** Seconds in a compose duration such as `1m30s`. */
export function durationSeconds(value: string): number {
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  return [...value.matchAll(/(\d+)(ms|h|m|s)/g)].reduce((sum, [, n, u]) => sum + Number(n) * unit[u], 0);
}
