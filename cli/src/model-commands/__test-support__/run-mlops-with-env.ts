import { TextSink, type MlopsRun } from '../../__test-support__/run-mlops';
import { runCli } from '../../run-cli';

/** Runs `mlops …` in-process with captured output and the given environment (registry, Kafka). */
export async function runMlopsWithEnv(args: string[], env: Readonly<Record<string, string | undefined>>): Promise<MlopsRun> {
  const stdout = new TextSink();
  const stderr = new TextSink();
  const code = await runCli(args, { stdout, stderr, env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/**
 * The command succeeded. Against shared servers the registry may log a retry as a warning line
 * on stderr; what must not be there is the command's own error message. The stderr is part of
 * the compared value, so a failure shows it.
 */
export function expectDone(run: MlopsRun): void {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.not.stringMatching(/^mlops \w+: /m) });
}
