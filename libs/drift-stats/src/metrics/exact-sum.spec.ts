import { ExactSum } from './exact-sum';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sumOf = (values: number[]) => values.reduce((s, x) => s.add(x), new ExactSum());

describe('ExactSum', () => {
  it('is 0 when empty', () => {
    expect(new ExactSum().value()).toBe(0);
    expect(new ExactSum().toJSON()).toEqual([]);
  });

  it('loses nothing where naive summation cancels', () => {
    expect(sumOf([1e16, 1, -1e16]).value()).toBe(1);
    expect(sumOf([0.1, 0.2, 0.3, -0.6]).value()).toBe(2.7755575615628914e-17); // the doubles' exact sum
    expect(sumOf(new Array(10).fill(0.1)).value()).toBe(1);
  });

  it('rounds the exact sum once, half-way cases to even', () => {
    // 1 + 2^-53 is exactly half-way between 1 and its successor: ties to 1;
    // one more tiny term pushes it up.
    expect(sumOf([1, 2 ** -53]).value()).toBe(1);
    expect(sumOf([1, 2 ** -53, 2 ** -100]).value()).toBe(1 + 2 ** -52);
  });

  it('adds products exactly', () => {
    const x = 1 + 2 ** -30;
    // x² = 1 + 2^-29 + 2^-60: the last term is lost by x * x.
    expect(x * x - 1 - 2 ** -29).toBe(0);
    expect(new ExactSum().addProduct(x, x).add(-1).add(-(2 ** -29)).value()).toBe(2 ** -60);
  });

  it('merges associatively and commutatively, bit for bit', () => {
    const random = mulberry32(11);
    const parts = [0, 1, 2].map(() => Array.from({ length: 500 }, () => (random() - 0.5) * 10 ** (random() * 20 - 10)));
    const [a, b, c] = parts.map(sumOf);
    const left = a.clone().addAll(b).addAll(c);
    const right = a.clone().addAll(c.clone().addAll(b));
    const whole = sumOf(parts.flat().reverse());
    expect(left.value()).toBe(whole.value());
    expect(right.value()).toBe(whole.value());
    expect(left.toJSON()).toEqual(whole.toJSON());
    expect(right.toJSON()).toEqual(whole.toJSON());
  });

  it('merges with itself', () => {
    const s = sumOf([0.1, 0.7]);
    expect(s.addAll(s).value()).toBe(sumOf([0.1, 0.7, 0.1, 0.7]).value());
  });

  it('round-trips through its canonical JSON', () => {
    const s = sumOf([1e20, 3.14159, -1e-20, 2 ** -70]);
    const copy = ExactSum.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(copy.value()).toBe(s.value());
    expect(copy.add(-1e20).value()).toBe(s.clone().add(-1e20).value());
  });
});
