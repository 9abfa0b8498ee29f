import { CommanderError } from 'commander';
import { parseSimulateArgs } from './simulate-options';
import { UsageError } from './usage.error';

const output = { writeOut: () => undefined, writeErr: () => undefined };
const parse = (args: string[], env: Record<string, string> = {}) => parseSimulateArgs(args, env, output);

function problems(args: string[], env: Record<string, string> = {}): readonly string[] {
  try {
    parse(args, env);
  } catch (error) {
    if (error instanceof UsageError) return error.problems;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseSimulateArgs', () => {
  it('reads a Kafka run', () => {
    expect(parse(['--scenario', 'demo', '--rate', '250', '--brokers', 'a:9092,b:9093', '--topic-prefix', 'dev.', '--target', 'inference', '--limit', '10', '--seed', '7', '--run-id', 'r1', '--start', '2026-01-01T00:00:00Z', '--batch-size', '50', '--no-create-topics', '--fast', '--no-progress'])).toEqual({
      mode: 'kafka',
      scenario: 'demo',
      rate: 250,
      brokers: 'a:9092,b:9093',
      topicPrefix: 'dev.',
      target: 'inference',
      limit: 10,
      seed: 7,
      runId: 'r1',
      model: undefined,
      start: Date.UTC(2026, 0, 1),
      fast: true,
      batchSize: 50,
      createTopics: false,
      progress: false,
    });
  });

  it('takes brokers and prefix from the environment when the flags are absent', () => {
    expect(parse(['-s', 'demo', '-r', '5'], { KAFKA_BROKERS: ' 127.0.0.1:9092 ', KAFKA_TOPIC_PREFIX: 'x.' })).toMatchObject({
      brokers: '127.0.0.1:9092',
      topicPrefix: 'x.',
      target: 'raw',
      batchSize: 500,
      createTopics: true,
      progress: true,
    });
  });

  it('reads a CSV run, where rate and brokers are optional', () => {
    expect(parse(['--scenario', 'stable', '--csv', 'out.csv', '--csv-meta', '--phase', 'a', 'b'])).toMatchObject({
      mode: 'csv',
      csv: 'out.csv',
      csvMeta: true,
      phases: ['a', 'b'],
      rate: 100,
    });
  });

  it.each([
    [['--scenario', 'demo', '--rate', 'fast', '--brokers', 'h:1'], '--rate: expected a positive number of events per second'],
    [['--scenario', 'demo', '--rate', '0', '--brokers', 'h:1'], '--rate: expected a positive number of events per second'],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'localhost'], '--brokers: expected a comma-separated host:port list'],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'h:1', '--limit', '0'], '--limit: expected a positive integer'],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'h:1', '--seed', '1.5'], '--seed: expected a non-negative integer'],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'h:1', '--run-id', 'a b'], '--run-id: expected 1–64 of [A-Za-z0-9._-]'],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'h:1', '--model', '../x'], '--model: expected 1–128 of [a-zA-Z0-9._-]'],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'h:1', '--start', 'yesterday'], '--start: expected an ISO-8601 time with offset'],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'h:1', '--batch-size', '0'], '--batch-size: expected an integer from 1 to 10000'],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'h:1', '--topic-prefix', 'a/b'], '--topic-prefix: may contain only letters, digits'],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'h:1', '--target', 'disk'], "option '-t, --target <target>' argument 'disk' is invalid"],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'h:1', '--colour'], "unknown option '--colour'"],
    [['--rate', '10', '--brokers', 'h:1'], "required option '-s, --scenario <name|file>' not specified"],
    [['--scenario', 'demo', '--brokers', 'h:1'], '--rate: required when producing to Kafka'],
    [['--scenario', 'demo', '--rate', '10'], '--brokers: required (or set KAFKA_BROKERS)'],
    [['--scenario', 'demo', '--rate', '10', '--brokers', 'h:1', '--csv-meta'], '--csv-meta: only with --csv'],
    [['--scenario', 'demo', 'extra'], 'too many arguments'],
  ])('rejects %j: %s', (args, expected) => {
    expect(problems(args).some((p) => p.startsWith(expected))).toBe(true);
  });

  it('lists every bad flag at once', () => {
    expect(problems(['--scenario', 'demo', '--rate', 'x', '--brokers', 'y', '--limit', '-'])).toHaveLength(3);
  });

  it('answers --help with a CommanderError of exit code 0 and the usage on stdout', () => {
    let text = '';
    expect(() => parseSimulateArgs(['--help'], {}, { writeOut: (t) => (text += t), writeErr: () => undefined })).toThrow(CommanderError);
    expect(text).toContain('--scenario <name|file>');
  });
});
