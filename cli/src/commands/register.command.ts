import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import type { CliIo, ExitCodeSink } from '../cli-io';
import { addDataFileFlags, addOutputFlags } from '../model-commands/flags/common-flags';
import { MODEL_COMMAND_ENVIRONMENT_HELP, MODEL_COMMAND_EXIT_HELP } from '../model-commands/model-command-help';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const HELP_AFTER = `
Brings a version trained outside this project back in, for the deployment gates and as the
baseline drift is measured against (policy trainer: external: the retraining service hands the
RetrainRequest on retrain.requests to your pipeline instead of training).

  --artifact DIR   stores DIR as a new version (tag trainer=external: the gates verify its
                   checksums but do not load it) with the baseline profile of --reference, its
                   metrics (--metric, and/or measured on --reference with --target and
                   --prediction) and lineage (--request-id: the RetrainRequest it answers)
  --from-event F   a ModelRegistered JSON for a version already in the registry (e.g. registered
                   with --no-publish): checked against the registry's digests, then published

Then ModelRegistered goes to models.registered and the deployment service decides. Its metric
gate compares with the champion: give the champion's value of the primary metric on the same
evaluation data with --champion-metric, or the version is refused.
${MODEL_COMMAND_ENVIRONMENT_HELP}${MODEL_COMMAND_EXIT_HELP.replace(/ {2}1 {3}.*\n/, '')}
Examples:
  mlops register --model fraud --artifact ./out/model --reference holdout.csv --target y --prediction y_hat \\
    --request-id "$REQUEST_ID" --champion-metric 0.91
  mlops register --model fraud --artifact ./out/model --reference train.csv --metric auc=0.97 --primary-metric auc --no-publish --json > registered.json
  mlops register --from-event event.json
`;

/** `mlops register`: registers a version trained elsewhere and publishes ModelRegistered. */
export function registerRegisterCommand(program: Command, io: CliIo, exit: ExitCodeSink): void {
  const command = program
    .command('register')
    .description('Register a version trained elsewhere and publish ModelRegistered, so the deployment gates decide.')
    .option('--model <name>', 'model name in the registry and on Kafka (required with --artifact)')
    .option('--artifact <dir>', 'the folder your pipeline trained (any files), stored byte for byte with sha256 checksums')
    .option('--from-event <file>', 'a ModelRegistered JSON for a version already in the registry')
    .option('--reference <file>', 'with --artifact: the data it was trained or validated on (baseline profile, metrics)')
    .option('--target <column>', 'ground truth column of --reference')
    .option('--prediction <column>', 'the model\'s output column of --reference')
    .option('--score <column>', 'binary classifiers: the positive-class probability column')
    .option('--task <task>', 'classification or regression (default: from the values)')
    .option('--ignore <columns>', 'columns of --reference that are not features (comma-separated, repeatable)', collect)
    .option('--categorical <columns>', 'columns to read as categories, e.g. numeric codes (comma-separated, repeatable)', collect)
    .option('--metric <name=value>', 'a metric your pipeline measured (repeatable); wins over the one measured on --reference', collect)
    .option('--primary-metric <name>', 'the metric the gate compares (default accuracy, else rmse, else the first)')
    .option('--champion-metric <x>', 'the champion\'s value of the primary metric on the same evaluation data')
    .option('--min-improvement <x>', 'margin for outperformsChampion in the event (metric units)', '0')
    .option('--request-id <id>', 'the RetrainRequest this version answers (lineage); default a new cli-register-… id')
    .option('--time-column <column>', 'event time of --reference: gives the data window')
    .option('--data-window <from/to>', 'the data window recorded in the lineage (default: up to --reference\'s modification time)')
    .option('--seed <n>', 'seed of the profile\'s sketches', '0')
    .option('--no-publish', 'register only; publish later with --from-event');
  addOutputFlags(addDataFileFlags(command))
    .addHelpText('after', HELP_AFTER)
    .action(async (flags: Record<string, unknown>) => {
      // Loaded on use: tfjs, kafkajs and the registry cost ~0.5 s of start-up to every other command.
      const [{ runModelCommand }, { runRegister }, { parseRegisterFlags }] = await Promise.all([
        import('../model-commands/command-runtime'),
        import('../model-commands/register/run-register'),
        import('../model-commands/register/register-options'),
      ]);
      exit(
        await runModelCommand(
          io,
          'mlops register',
          () => {
            const options = parseRegisterFlags(flags, () => `cli-register-${randomBytes(6).toString('hex')}`);
            return { options, verbose: options.output.verbose, publishesFor: options.publish ? 'mlops register (or pass --no-publish)' : undefined, needsBackend: false };
          },
          (options, context) => runRegister(options, context, io),
        ),
      );
    });
}
