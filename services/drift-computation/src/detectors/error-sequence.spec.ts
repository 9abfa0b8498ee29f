import { ErrorSequence, ErrorSequenceJsonSchema } from './error-sequence';

const roundTrip = (s: ErrorSequence) => ErrorSequence.fromJSON(ErrorSequenceJsonSchema.parse(JSON.parse(JSON.stringify(s.toJSON()))));

describe('ErrorSequence', () => {
  it('keeps binary errors in order and travels as bits', () => {
    const s = new ErrorSequence('binary', 100);
    const errors = [1, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1];
    errors.forEach((e) => s.add(e));
    expect(s.toJSON()).toMatchObject({ kind: 'binary', seen: 11, stride: 1, count: 11 });
    expect(Buffer.from(s.toJSON().data, 'base64').length).toBe(2);
    expect(roundTrip(s).toArray()).toEqual(errors);
  });

  it('keeps real errors as float32', () => {
    const s = new ErrorSequence('real', 100);
    [0.5, 2.25, 1e-3].forEach((e) => s.add(e));
    s.add(NaN);
    expect(roundTrip(s).toArray()).toEqual([0.5, 2.25, Math.fround(1e-3)]);
  });

  it('thins out evenly once full: exactly the errors at multiples of the stride, oldest first', () => {
    const s = new ErrorSequence('real', 8);
    for (let i = 0; i < 40; i++) s.add(i);
    // 40 offered, capacity 8: stride 8 keeps 0, 8, 16, 24, 32.
    expect(s.toJSON()).toMatchObject({ seen: 40, stride: 8, count: 5 });
    expect(s.toArray()).toEqual([0, 8, 16, 24, 32]);
    s.add(40);
    expect(s.toArray()).toEqual([0, 8, 16, 24, 32, 40]);
    expect(roundTrip(s).toJSON()).toEqual(s.toJSON());
  });

  it('refuses a data field that does not hold `count` values', () => {
    expect(() => ErrorSequence.fromJSON({ kind: 'binary', seen: 20, stride: 1, count: 20, data: Buffer.alloc(1).toString('base64') })).toThrow(/20 bits need 3 bytes/);
    expect(() => new ErrorSequence('binary', 1)).toThrow(/capacity/);
  });
});
