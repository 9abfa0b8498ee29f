import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import type { CliIo, ExitCodeSink } from '../cli-io';
import { addDataFileFlags, addOutputFlags } from '../model-commands/flags/common-flags';
import { MODEL_COMMAND_ENVIRONMENT_HELP, MODEL_COMMAND_EXIT_HELP } from '../model-commands/model-command-help';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const HELP_AFTER = `
For a model this project does not train (policy trainer: external). The version holds the
baseline profile of the reference data (features, and the model's prediction, score and the
target when named) and, with --target and --prediction, the model's metrics on it. It has no
model artifact: a descriptor file (monitoring-only.json) stands in for it, and the version is
tagged trainer=external, so the deployment gates verify its checksum but never load it.

The drift service compares prediction events against the version they name (modelVersion), or
against the champion: --deploy makes this version the champion (gates, champion alias,
ModelDeployed on models.deployed).
${MODEL_COMMAND_ENVIRONMENT_HELP}${MODEL_COMMAND_EXIT_HELP}
Examples:
  mlops baseline --reference train.csv --model fraud --target is_fraud --prediction predicted --deploy
  mlops baseline --reference scored.jsonl --model fraud --target y --prediction y_hat --score p --json
`;

/** `mlops baseline`: registers a monitoring-only version (baseline profile and metrics, no model). */
export function registerBaselineCommand(program: Command, io: CliIo, exit: ExitCodeSink): void {
  const command = program
    .command('baseline')
    .description('Register a monitoring-only version of a model trained elsewhere: baseline profile and metrics, no artifact.')
    .requiredOption('--reference <file>', 'reference data (what the model was trained or validated on): CSV, TSV or JSON Lines, optionally .gz')
    .requiredOption('--model <name>', 'model name in the registry and on Kafka')
    .option('--target <column>', 'ground truth column: target drift, and metrics with --prediction')
    .option('--prediction <column>', 'the model\'s output column: prediction drift, and metrics with --target')
    .option('--score <column>', 'binary classifiers: the positive-class probability (roc_auc, log_loss, score drift)')
    .option('--task <task>', 'classification or regression (default: from the values)')
    .option('--ignore <columns>', 'columns that are not features, e.g. ids (comma-separated, repeatable)', collect)
    .option('--categorical <columns>', 'columns to read as categories, e.g. numeric codes (comma-separated, repeatable)', collect)
    .option('--time-column <column>', 'event time (ISO dates or epoch ms): gives the data window recorded in the lineage')
    .option('--data-window <from/to>', 'the data window recorded in the lineage (default: up to the file\'s modification time)')
    .option('--request-id <id>', 'recorded in the lineage (default: a new cli-baseline-… id)')
    .option('--seed <n>', 'seed of the profile\'s sketches', '0')
    .option('--deploy', 'make the version champion: gates, champion alias, ModelDeployed (needs KAFKA_BROKERS)');
  addOutputFlags(addDataFileFlags(command))
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: Record<string, unknown>) => {
      // Loaded on use: tfjs, kafkajs and the registry cost ~0.5 s of start-up to every other command.
      const [{ runModelCommand }, { runBaseline }, { parseBaselineFlags }] = await Promise.all([
        import('../model-commands/command-runtime'),
        import('../model-commands/baseline/run-baseline'),
        import('../model-commands/baseline/baseline-options'),
      ]);
      exit(
        await runModelCommand(
          io,
          'mlops baseline',
          () => {
            const options = parseBaselineFlags(flags, () => `cli-baseline-${randomBytes(6).toString('hex')}`);
            return { options, verbose: options.output.verbose, publishesFor: options.deploy ? '--deploy' : undefined, needsBackend: false };
          },
          (options, context) => runBaseline(options, context, io),
        ),
      );
    });
}
