import { Mulberry32 } from '../random';
import { ExactAccumulator, exactVariance } from './exact-accumulator';

describe('ExactAccumulator', () => {
  it('sums exactly where plain addition loses everything', () => {
    const acc = new ExactAccumulator();
    for (const x of [1e100, 1, -1e100, 1e-100, 2]) acc.add(x);
    expect(acc.value()).toBe(3);
    expect(1e100 + 1 - 1e100 + 1e-100 + 2).toBe(2);
  });

  it('gives the same value whatever the order or grouping', () => {
    const rng = new Mulberry32(3);
    const xs = Array.from({ length: 2000 }, () => (rng.next() - 0.5) * 10 ** rng.nextInt(12));
    const forward = new ExactAccumulator();
    xs.forEach((x) => forward.add(x));
    const backward = new ExactAccumulator();
    xs.slice().reverse().forEach((x) => backward.add(x));
    const left = new ExactAccumulator(xs.slice(0, 700));
    const right = new ExactAccumulator(xs.slice(700));
    left.addAll(right);
    expect(backward.value()).toBe(forward.value());
    expect(left.value()).toBe(forward.value());
  });

  it('adds products exactly', () => {
    const acc = new ExactAccumulator();
    acc.addProduct(0.1, 0.1);
    acc.add(-(0.1 * 0.1)); // minus the rounded product: the rounding error survives
    expect(acc.value()).not.toBe(0);
    expect(Math.abs(acc.value())).toBeLessThan(1e-18);
  });

  it('computes the variance without cancellation far from zero', () => {
    const xs = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    const s = new ExactAccumulator();
    const q = new ExactAccumulator();
    for (const x of xs) {
      s.add(x);
      q.addProduct(x, x);
    }
    expect(exactVariance(xs.length, s, q)).toBe(22.5);
  });
});
