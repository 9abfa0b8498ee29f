import { Adwin, AdwinOptions } from './adwin.detector';
import { Ddm, DdmOptions } from './ddm.detector';
import { InvalidDetectorParameterError } from './detector.errors';
import { DriftDetector } from './drift-detector';
import { PageHinkley, PageHinkleyOptions } from './page-hinkley.detector';

// Every detector goes through the same checks.

interface Subject {
  name: string;
  create(options?: object): DriftDetector;
  /** [options, name of the rejected parameter] */
  invalid: [object, string][];
  /** A seeded stream in the detector's domain with at least one change. */
  changing(seed: number): number[];
}

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

function realStream(seed: number): number[] {
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: 3000 }, (_, i) => normal() + (i < 1000 ? 0 : i < 2000 ? 3 : -1));
}

function errorStream(seed: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: 3000 }, (_, i) => (random() < (i < 1500 ? 0.1 : 0.5) ? 1 : 0));
}

const subjects: Subject[] = [
  {
    name: 'ADWIN',
    create: (o) => new Adwin(o as AdwinOptions),
    invalid: [
      [{ delta: 0 }, 'delta'],
      [{ delta: 1 }, 'delta'],
      [{ delta: Number.NaN }, 'delta'],
      [{ clock: 0 }, 'clock'],
      [{ clock: 1.5 }, 'clock'],
      [{ maxBuckets: 0 }, 'maxBuckets'],
      [{ minWindowLength: 0 }, 'minWindowLength'],
      [{ gracePeriod: -1 }, 'gracePeriod'],
    ],
    changing: realStream,
  },
  {
    name: 'PageHinkley',
    create: (o) => new PageHinkley(o as PageHinkleyOptions),
    invalid: [
      [{ minInstances: 0 }, 'minInstances'],
      [{ delta: -0.1 }, 'delta'],
      [{ threshold: 0 }, 'threshold'],
      [{ threshold: Infinity }, 'threshold'],
      [{ alpha: 0 }, 'alpha'],
      [{ alpha: 1.01 }, 'alpha'],
      [{ mode: 'sideways' }, 'mode'],
    ],
    changing: realStream,
  },
  {
    name: 'DDM',
    create: (o) => new Ddm(o as DdmOptions),
    invalid: [
      [{ warmStart: -1 }, 'warmStart'],
      [{ warmStart: 2.5 }, 'warmStart'],
      [{ warningThreshold: 0 }, 'warningThreshold'],
      [{ driftThreshold: Number.NaN }, 'driftThreshold'],
      [{ warningThreshold: 3, driftThreshold: 2 }, 'driftThreshold'],
    ],
    changing: errorStream,
  },
];

function flags(detector: DriftDetector, values: readonly unknown[]): string {
  return values
    .map((x) => {
      detector.update(x as number);
      const warning = 'warningDetected' in detector && detector.warningDetected === true;
      return detector.driftDetected ? 'D' : warning ? 'w' : '.';
    })
    .join('');
}

describe.each(subjects.map((s) => [s.name, s] as const))('%s conformance', (name, subject) => {
  it('constructs with its defaults', () => {
    const detector = subject.create();
    expect(detector.driftDetected).toBe(false);
    expect(detector.driftCount).toBe(0);
    expect(detector.skippedCount).toBe(0);
  });

  it.each(subject.invalid.map(([options, parameter]) => [JSON.stringify(options), options, parameter] as const))(
    'rejects %s with an error naming the parameter',
    (_label, options, parameter) => {
      let error: unknown;
      try {
        subject.create(options);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidDetectorParameterError);
      expect(error).toMatchObject({ detector: name, parameter });
      expect((error as Error).message).toContain(`${name}: invalid ${parameter}`);
      expect(error).toMatchObject({ retriable: false, name: 'InvalidDetectorParameterError' });
    },
  );

  it('returns itself from update and reset (fluent)', () => {
    const detector = subject.create();
    expect(detector.update(0)).toBe(detector);
    expect(detector.update(1).update(0)).toBe(detector);
    expect(detector.reset()).toBe(detector);
  });

  it('exposes driftDetected read-only', () => {
    const detector = subject.create();
    expect(Reflect.set(detector, 'driftDetected', true)).toBe(false);
    expect(detector.driftDetected).toBe(false);
  });

  it.each([0, 1, 0.3])('never fires on a constant stream of %p', (value) => {
    const detector = subject.create();
    expect(flags(detector, new Array(10_000).fill(value))).not.toMatch(/[Dw]/);
    expect(detector.driftCount).toBe(0);
  });

  it('detects the change in a seeded changing stream', () => {
    const detector = subject.create();
    expect(flags(detector, subject.changing(7))).toContain('D');
    expect(detector.driftCount).toBeGreaterThan(0);
  });

  it('reset restores the initial state', () => {
    const fresh = subject.create();
    const used = subject.create();
    flags(used, subject.changing(1));
    used.update(Number.NaN);
    expect(used.driftCount).toBeGreaterThan(0);
    used.reset();
    expect([used.driftDetected, used.driftCount, used.skippedCount]).toEqual([false, 0, 0]);
    const stream = subject.changing(2);
    expect(flags(used, stream)).toBe(flags(fresh, stream));
    expect(used.driftCount).toBe(fresh.driftCount);
  });

  it('skips unusable inputs without throwing or changing the outcome', () => {
    const stream = subject.changing(3);
    const clean = flags(subject.create(), stream);
    const bad = [Number.NaN, Infinity, -Infinity, null, undefined, 'x', {}];
    const noisy: unknown[] = stream.flatMap((x, i) => (i % 50 === 0 ? [bad[(i / 50) % bad.length], x] : [x]));
    const detector = subject.create();
    const noisyFlags = flags(detector, noisy)
      .split('')
      .filter((_, i) => typeof noisy[i] === 'number' && Number.isFinite(noisy[i] as number));
    expect(noisyFlags.join('')).toBe(clean);
    expect(detector.skippedCount).toBe(stream.length / 50);
  });

  it('reads booleans as 1 and 0', () => {
    const stream = errorStream(4);
    expect(flags(subject.create(), stream.map((x) => x === 1))).toBe(flags(subject.create(), stream));
  });
});
