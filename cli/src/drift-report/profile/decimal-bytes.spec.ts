import { Mulberry32 } from '@mlops/drift-stats';
import { parseDecimalBytes } from './decimal-bytes';

const parse = (text: string) => {
  const bytes = Buffer.from(`#${text}#`);
  return parseDecimalBytes(bytes, 1, bytes.length - 1);
};

describe('parseDecimalBytes', () => {
  it('gives exactly Number(text) for plain decimals', () => {
    const rng = new Mulberry32(9);
    const written: string[] = [];
    const texts = ['0', '-0', '+1', '007', '1.', '.5', '-.25', '1e5', '2.5E-3', '1e22', '9e-22', '123456789012345', '0.000000000000001234', '100.000', '3.14159'];
    for (let i = 0; i < 20_000; i++) {
      const x = (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 16 - 6);
      written.push(x.toFixed(Math.floor(rng.next() * 8)), x.toExponential(Math.floor(rng.next() * 10)));
      texts.push(String(x)); // up to 17 digits: often the slow path
    }
    texts.push(...written);
    for (const text of texts) {
      const fast = parse(text);
      if (!Number.isNaN(fast)) expect(Object.is(fast, Number(text))).toBe(true);
    }
    expect(written.filter((t) => Number.isNaN(parse(t))).length).toBeLessThan(written.length / 20); // data written with a few decimals: the fast path
    expect(parse('-0')).toBe(-0);
    expect(parse('2.5E-3')).toBe(0.0025);
  });

  it.each(['', ' 1', '1 ', '1e', '.', '-', '0x1A', 'inf', '1,5', '12345678901234567', '1e23', '1e-400', '1.2.3', 'NaN'])('leaves %j to the slow path (NaN)', (text) => {
    expect(parse(text)).toBeNaN();
  });
});
