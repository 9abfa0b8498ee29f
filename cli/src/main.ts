import { runCli } from './run-cli';

// The first Ctrl-C asks the running command to stop cleanly; a second one kills the process.
const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: stop.signal }).then((code) => {
  process.exitCode = code;
});
