import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import type { CliIo, ExitCodeSink } from '../cli-io';

/**
 * `mlops simulate …`: hands every argument after the subcommand to @mlops/simulation's own
 * parser (its --help lists the flags), so the two entry points never drift apart.
 */
export function registerSimulateCommand(program: Command, io: CliIo, exit: ExitCodeSink): void {
  program
    .command('simulate')
    .description('Play a drift scenario to Kafka or write it as CSV (mlops simulate --help for its flags).')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .passThroughOptions()
    .argument('[args...]', 'simulate flags')
    .action(async (args: string[]) => {
      const { runSimulate, systemPlaybackClock } = await import('@mlops/simulation');
      exit(
        await runSimulate(args, {
          stdout: io.stdout,
          stderr: io.stderr,
          env: io.env ?? {},
          clock: systemPlaybackClock,
          signal: io.signal,
          newRunId: () => `r${randomBytes(4).toString('hex')}`,
        }),
      );
    });
}
