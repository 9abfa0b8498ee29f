import { Writable } from 'node:stream';
import { runCli } from '../run-cli';

export interface MlopsRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Collects what a command writes. */
export class TextSink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs `mlops …` in-process with captured output and a fixed clock. */
export async function runMlops(args: string[], signal?: AbortSignal): Promise<MlopsRun> {
  const stdout = new TextSink();
  const stderr = new TextSink();
  const code = await runCli(args, { stdout, stderr, env: {}, signal, now: () => new Date('2026-01-02T03:04:05Z') });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
