import { Writable } from 'node:stream';
import { createLogger } from '@mlops/observability';
import { logLevel } from 'kafkajs';
import { kafkajsLogCreator, REPEAT_SUPPRESSION_MS } from './kafkajs-log-creator';

function setup() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _e, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  let clock = 0;
  const log = kafkajsLogCreator(createLogger({ name: 't', level: 'debug', destination }), () => clock)(logLevel.DEBUG);
  const emit = (message: string, level = logLevel.ERROR) =>
    log({ namespace: 'Connection', level, label: 'ERROR', log: { message, timestamp: '', logger: 'kafkajs', broker: 'b:1', retryCount: 3 } });
  return { lines, emit, advance: (ms: number) => (clock += ms) };
}

describe('kafkajsLogCreator', () => {
  it('logs a line once per suppression window and reports the repeats', () => {
    const { lines, emit, advance } = setup();
    emit('Connection error: ECONNREFUSED');
    emit('Connection error: ECONNREFUSED');
    emit('Connection error: ECONNREFUSED');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, component: 'kafkajs', namespace: 'Connection', broker: 'b:1', msg: 'Connection error: ECONNREFUSED' });
    expect(lines[0]).not.toHaveProperty('retryCount');
    advance(REPEAT_SUPPRESSION_MS);
    emit('Connection error: ECONNREFUSED');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ repeatsSuppressed: 2 });
  });

  it('keeps different messages apart and maps levels', () => {
    const { lines, emit } = setup();
    emit('a', logLevel.WARN);
    emit('b', logLevel.INFO);
    expect(lines.map((l) => [l.msg, l.level])).toEqual([
      ['a', 40],
      ['b', 30],
    ]);
  });
});
