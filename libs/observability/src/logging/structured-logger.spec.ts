import { Writable } from 'node:stream';
import { createLogger } from './structured-logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes one JSON line with the message and its context', () => {
    const { lines, destination } = capture();
    createLogger({ name: 'ingestion', destination }).child({ topic: 'predictions.raw' }).info('batch handled', { offset: '42' });
    expect(lines[0]).toMatchObject({ service: 'ingestion', topic: 'predictions.raw', offset: '42', msg: 'batch handled', level: 30 });
  });

  it('redacts passwords in logged objects', () => {
    const { lines, destination } = capture();
    createLogger({ name: 's', destination }).info('config', { sasl: { username: 'u', password: 'hunter2' } });
    expect(JSON.stringify(lines[0])).not.toContain('hunter2');
  });

  it('respects the level', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ name: 's', level: 'warn', destination });
    logger.info('dropped');
    logger.warn('kept');
    expect(lines.map((l) => l.msg)).toEqual(['kept']);
  });
});
