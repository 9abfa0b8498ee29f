import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import type { CliIo, ExitCodeSink } from '../cli-io';
import { addDataFileFlags, addOutputFlags } from '../model-commands/flags/common-flags';
import { MODEL_COMMAND_ENVIRONMENT_HELP, MODEL_COMMAND_EXIT_HELP } from '../model-commands/model-command-help';
import { DEFAULT_TARGET } from '../model-commands/train/train-defaults';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const HELP_AFTER = `
Trains with the retraining service's own flow (libs/lifecycle trainAndRegister): the newest
--holdout-fraction of the rows (in file order, or by --time-column) is held out; the version is
compared with the current champion on it, and registered with its metrics, parameters,
baseline profile and lineage (trigger manual, trainer cli).

  --deploy   runs the deployment gates here (checksum, load, sanity, metric) and, on pass, moves
             the champion alias and publishes ModelDeployed to models.deployed
  --publish  publishes ModelRegistered to models.registered: the deployment service gates it
${MODEL_COMMAND_ENVIRONMENT_HELP}${MODEL_COMMAND_EXIT_HELP}
Examples:
  mlops train --data train.csv --model loan --target label
  mlops train --data train.csv --model loan --target approved --categorical zipcode --deploy
  mlops train --data history.csv --model loan --time-column ts --ignore id --publish --json
`;

/** `mlops train`: trains, registers and optionally deploys a model from a data file. */
export function registerTrainCommand(program: Command, io: CliIo, exit: ExitCodeSink): void {
  const command = program
    .command('train')
    .description('Train a model on a CSV or JSON Lines file, register it, and optionally deploy it (--deploy).')
    .requiredOption('--data <file>', 'training data: CSV, TSV or JSON Lines, optionally .gz; one row per example')
    .requiredOption('--model <name>', 'model name in the registry and on Kafka')
    .option('--target <column>', 'the label column', DEFAULT_TARGET)
    .option('--ignore <columns>', 'columns that are not features, e.g. ids (comma-separated, repeatable)', collect)
    .option('--categorical <columns>', 'columns to read as categories, e.g. numeric codes (comma-separated, repeatable)', collect)
    .option('--time-column <column>', 'event time (ISO dates or epoch ms): orders the rows, so the newest are held out, and gives the data window')
    .option('--data-window <from/to>', 'the data window recorded in the lineage (default: up to the file\'s modification time)')
    .option('--request-id <id>', 'the request this training answers, recorded in the lineage (default: a new cli-train-… id)')
    .option('--min-rows <n>', 'fewer labeled rows is refused', '200')
    .option('--holdout-fraction <x>', 'newest share of the rows held out for evaluation', '0.2')
    .option('--primary-metric <name>', 'comparison metric (default accuracy, or rmse for regression)')
    .option('--min-improvement <x>', 'how much the version must beat the champion by (metric units)', '0')
    .option('--policy <policy>', 'deployment policy with --deploy: better or not_worse', 'better')
    .option('--seed <n>', 'training seed', '0')
    .option('--hidden-units <sizes>', 'hidden layer sizes, e.g. 64,32 (default: the champion\'s, else 64,32)')
    .option('--max-epochs <n>', 'at most this many epochs (early stopping)')
    .option('--learning-rate <x>', 'Adam learning rate')
    .option('--batch-size <n>', 'training batch size')
    .option('--deploy', 'run the deployment gates and, on pass, make the version champion (needs KAFKA_BROKERS)')
    .option('--publish', 'publish ModelRegistered for the deployment service (needs KAFKA_BROKERS)');
  addOutputFlags(addDataFileFlags(command))
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: Record<string, unknown>) => {
      // Loaded on use: tfjs, kafkajs and the registry cost ~0.5 s of start-up to every other command.
      const [{ runModelCommand }, { runTrain }, { parseTrainFlags }] = await Promise.all([
        import('../model-commands/command-runtime'),
        import('../model-commands/train/run-train'),
        import('../model-commands/train/train-options'),
      ]);
      exit(
        await runModelCommand(
          io,
          'mlops train',
          () => {
            const options = parseTrainFlags(flags, () => `cli-train-${randomBytes(6).toString('hex')}`);
            const publishesFor = options.deploy ? '--deploy' : options.publish ? '--publish' : undefined;
            return { options, verbose: options.output.verbose, publishesFor, needsBackend: true };
          },
          (options, context) => runTrain(options, context, io),
        ),
      );
    });
}

