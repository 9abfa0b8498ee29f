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

// A profile name as Compose accepts it.
const profileName = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'expected a profile name such as mlflow');

const serviceSchema = z.strictObject({
  profiles: z.array(profileName).min(1).optional(),
  image: z.string().min(1),
  build: z.strictObject({ context: z.string(), dockerfile: z.string().optional(), args: z.record(z.string(), z.string()).optional() }).optional(),
  hostname: z.string().optional(),
  restart: z.enum(['no', 'always', 'on-failure', 'unless-stopped']).optional(),
  command: z.array(z.string()).optional(),
  // A key without a value (null) passes the variable on from the shell, and leaves it unset when the shell has none.
  environment: z.record(z.string(), scalar.nullable()).optional(),
  ports: z.array(z.string().regex(/^\d+:\d+$/)).optional(),
  volumes: z.array(z.string().regex(/^[^:]+:\/[^:]*(:ro)?$/)).optional(),
  depends_on: z
    .record(
      z.string(),
      z.strictObject({
        condition: z.enum(['service_started', 'service_healthy', 'service_completed_successfully']),
        // false: Compose (2.20+) starts the service without this dependency when it is not in the model (e.g. its profile is off).
        required: z.boolean().optional(),
      }),
    )
    .optional(),
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
 * docker-compose.yml as compose reads it with `env` as the shell (nothing set by default):
 * `${VAR}`, `${VAR-default}` (default when unset) and `${VAR:-default}` (default when unset or
 * empty) interpolated, YAML merge keys (`<<: *anchor`) applied.
 */
export function readComposeFile(env: Record<string, string> = {}): unknown {
  const text = readFileSync(COMPOSE_PATH, 'utf8').replace(/\$\{(\w+)(?:(:?)-([^}]*))?\}/g, (_, name: string, colon?: string, fallback?: string) => {
    const value = env[name];
    if (fallback === undefined) return value ?? '';
    const useDefault = colon ? !value : value === undefined;
    return useDefault ? fallback : (value as string);
  });
  return parse(text, { merge: true });
}

/**
 * The environment a container of `service` starts with: its values as strings, a key without a
 * value taken from `shell` (Compose's pass-through) or left out when the shell does not set it.
 */
export function containerEnvironment(service: ComposeService, shell: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(service.environment ?? {})) {
    if (value !== null) env[name] = String(value);
    else if (shell[name] !== undefined) env[name] = shell[name];
  }
  return env;
}

/** Services Compose starts with these profiles enabled (a service without profiles always starts). */
export function activeServices(compose: ComposeFile, profiles: readonly string[] = []): string[] {
  return Object.entries(compose.services)
    .filter(([, service]) => !service.profiles || service.profiles.some((p) => profiles.includes(p)))
    .map(([name]) => name);
}

/** Seconds in a compose duration such as `1m30s`. */
export function durationSeconds(value: string): number {
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  return [...value.matchAll(/(\d+)(ms|h|m|s)/g)].reduce((sum, [, n, u]) => sum + Number(n) * unit[u], 0);
}
