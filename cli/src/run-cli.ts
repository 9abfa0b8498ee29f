import { Command, CommanderError } from 'commander';
import { PRODUCT_VERSION } from './version';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, driftDetected: 1, badInput: 2 } as const;

/**
 * `mlops <subcommand>`: each subcommand lives in its own file under commands/ and registers
 * itself here. Returns the exit code instead of exiting, so specs can run it in-process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('mlops')
    .description('A self-healing ML pipeline on Kafka: drift reports, simulation, training and registration.')
    .version(PRODUCT_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    io.stderr.write(`mlops: ${(error as Error).message}\n`);
    return EXIT.badInput;
  }
}
