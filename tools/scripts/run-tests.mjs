#!/usr/bin/env node
// `npm test`: every check CI runs, in order — lint, type-check, unit specs, then the
// integration tests against a real Kafka broker, then the fault suite — and a summary of each step at the end.
// Every step runs even if an earlier one failed, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';

const steps = [
  // ESLint's module-boundary rule reads Nx's cached project graph and silently skips without
  // one (a fresh clone has none), so compute it first.
  { name: 'project graph', command: ['npx', 'nx', 'show', 'projects'] },
  { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'type-check', command: ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'unit tests', command: ['npx', 'jest', '-c', 'jest.config.js', '--ci'] },
  { name: 'integration tests (real Kafka)', command: ['npx', 'jest', '-c', 'jest.int.config.js', '--ci', '--runInBand'] },
  // The fault suite (`npm run test:chaos`): services killed, broker restarted, poison events and models.
  { name: 'fault suite (chaos)', command: ['npx', 'jest', '-c', 'chaos/jest.config.js', '--ci', '--runInBand'] },
];

const only = process.argv.slice(2);
const results = [];
for (const step of steps.filter((s) => only.length === 0 || only.some((o) => s.name.startsWith(o)))) {
  process.stdout.write(`\n=== ${step.name}: ${step.command.join(' ')}\n`);
  const started = Date.now();
  const run = spawnSync(step.command[0], step.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  results.push({ name: step.name, ok: run.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

process.stdout.write('\n=== summary\n');
for (const r of results) process.stdout.write(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(32)} ${r.seconds} s\n`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
