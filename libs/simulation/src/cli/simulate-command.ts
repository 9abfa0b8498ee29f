import { Command, Option } from 'commander';

export interface CommandOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

/**
 * The flags of `simulate`, as text only: values are checked by simulate-options.ts, so one
 * place says what each flag accepts. Commander never exits the process itself.
 */
export function buildSimulateCommand(output: CommandOutput): Command {
  return new Command('simulate')
    .description('Play a drift scenario to Kafka (predictions.raw + labels.raw, or inference.requests + labels.raw), or write it as CSV.')
    .requiredOption('-s, --scenario <name|file>', 'built-in scenario name or a .json/.yaml file')
    .option('-r, --rate <events/s>', 'predictions per second, in event time and in playback (required for Kafka; 100 for --csv)')
    .option('-b, --brokers <host:port,...>', 'Kafka brokers (default: $KAFKA_BROKERS)')
    .option('--topic-prefix <prefix>', 'prepended to every topic name (default: $KAFKA_TOPIC_PREFIX or none)')
    .addOption(new Option('-t, --target <target>', 'raw: predictions.raw; inference: inference.requests').choices(['raw', 'inference']).default('raw'))
    .option('-n, --limit <N>', 'stop after N predictions (their labels still follow)')
    .option('--seed <N>', "non-negative integer seed (default: the scenario's seed, else 1)")
    .option('--run-id <id>', 'prefix of eventIds and entityIds (default: random, so reruns are not deduplicated)')
    .option('--model <name>', "model name in every event (default: the scenario's)")
    .option('--start <iso-time>', 'event time of the first prediction (default: now)')
    .option('--fast', 'send as fast as the broker takes it instead of pacing to --rate (event times still follow --rate)')
    .option('--batch-size <N>', 'most messages per produce request', '500')
    .option('--no-create-topics', 'do not create missing topics')
    .option('--csv <file>', 'write the scenario as CSV (features + label) instead of producing to Kafka')
    .option('--csv-meta', 'with --csv: add eventId, timestamp, phase and prediction columns')
    .option('--phase <name...>', 'with --csv: only rows of these phases')
    .option('--no-progress', 'no progress bar on stderr')
    .allowExcessArguments(false)
    // Parse errors come back as exceptions and are printed once, with the others, by the caller.
    .configureOutput({ writeOut: output.writeOut, writeErr: output.writeErr, outputError: () => undefined })
    .exitOverride();
}
