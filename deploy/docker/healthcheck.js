'use strict';
// Container health check for the service images (Dockerfile HEALTHCHECK, compose healthchecks):
// exits 0 when GET <path> on the service's own HTTP port answers 2xx within the timeout, 1 otherwise.
//
//   node healthcheck.js                 # /health/ready: Kafka reachable, consumers running
//   node healthcheck.js /health/live    # the process serves HTTP
//
// The port is HTTP_PORT when set, else the default of the service named by MLOPS_SERVICE (set
// in the image), as in services/<name>/src/<name>.constants.ts.
const http = require('node:http');

const DEFAULT_HTTP_PORTS = {
  ingestion: 3001,
  inference: 3002,
  'drift-computation': 3003,
  retraining: 3004,
  deployment: 3005,
};
const TIMEOUT_MS = 2500;

function fail(message) {
  process.stderr.write(`healthcheck: ${message}\n`);
  process.exit(1);
}

const port = process.env.HTTP_PORT || DEFAULT_HTTP_PORTS[process.env.MLOPS_SERVICE ?? ''];
if (!port) fail('set HTTP_PORT, or MLOPS_SERVICE to one of ' + Object.keys(DEFAULT_HTTP_PORTS).join(', '));

// The services listen on HTTP_HOST (0.0.0.0 by default); loopback reaches them unless bound elsewhere.
const configuredHost = process.env.HTTP_HOST;
const host = !configuredHost || configuredHost === '0.0.0.0' || configuredHost === '::' ? '127.0.0.1' : configuredHost;
const path = process.argv[2] || '/health/ready';

const request = http.get({ host, port: Number(port), path, timeout: TIMEOUT_MS }, (response) => {
  response.resume();
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) process.exit(0);
  fail(`GET ${path} answered ${status}`);
});
request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
request.on('error', (error) => fail(`GET ${path} on ${host}:${port}: ${error.message}`));
