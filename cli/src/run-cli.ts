import { Command, CommanderError } from 'commander';
import type { CliIo } from './cli-io';
import { registerBaselineCommand } from './commands/baseline.command';
import { registerDriftReportCommand } from './commands/drift-report.command';
import { registerRegisterCommand } from './commands/register.command';
import { registerSimulateCommand } from './commands/simulate.command';
import { registerTrainCommand } from './commands/train.command';
import { EXIT } from './exit-codes';
import { PRODUCT_VERSION } from './version';

export type { CliIo } from './cli-io';
export { EXIT } from './exit-codes';

/**
 * `mlops <subcommand>`: each subcommand lives in its own file under commands/ and registers
 * itself here. Returns the exit code instead of exiting, so specs can run it in-process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('mlops')
    .description('A self-healing ML pipeline on Kafka: drift reports, simulation, training and registration.')
    .version(PRODUCT_VERSION)
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  const exit = (c: number) => (code = c);
  registerDriftReportCommand(program, io, exit);
  registerSimulateCommand(program, io, exit);
  registerTrainCommand(program, io, exit);
  registerBaselineCommand(program, io, exit);
  registerRegisterCommand(program, io, exit);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    io.stderr.write(`mlops: ${(error as Error).message}\n`);
    return EXIT.badInput;
  }
}
