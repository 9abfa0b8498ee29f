import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Adwin, AdwinOptions } from './adwin.detector';
import { Ddm, DdmOptions } from './ddm.detector';
import { DriftDetector } from './drift-detector';
import { PageHinkley, PageHinkleyOptions } from './page-hinkley.detector';

// Drift (and warning) indices recorded from River by scripts/generate_detector_fixtures.py;
// for ADWIN also the final window (width, sum, variance), which must match bit for bit.

interface Stream {
  name: string;
  kind: 'real' | 'binary';
  values: number[];
}
interface Case {
  detector: 'ADWIN' | 'PageHinkley' | 'DDM';
  options: Record<string, unknown>;
  stream: string;
  drift: number[];
  warningRanges?: [number, number][];
  final?: { width: number; total: number; variance: number };
}

const fixture = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/detectors/river-detectors.json'), 'utf8'),
) as { reference: string; streams: Stream[]; cases: Case[] };
const streams = new Map(fixture.streams.map((s) => [s.name, s.values]));

function build(c: Case): DriftDetector {
  switch (c.detector) {
    case 'ADWIN':
      return new Adwin(c.options as AdwinOptions);
    case 'PageHinkley':
      return new PageHinkley(c.options as PageHinkleyOptions);
    case 'DDM':
      return new Ddm(c.options as DdmOptions);
  }
}

function toRanges(indices: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indices) {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

describe(`detector parity with ${fixture.reference}`, () => {
  it('covers every detector on abrupt, gradual and no-change streams', () => {
    for (const detector of ['ADWIN', 'PageHinkley', 'DDM']) {
      const names = fixture.cases.filter((c) => c.detector === detector).map((c) => c.stream);
      expect(names.some((n) => n.includes('abrupt'))).toBe(true);
      expect(names.some((n) => n.includes('gradual'))).toBe(true);
      expect(names.some((n) => n.includes('none'))).toBe(true);
    }
  });

  it.each(fixture.cases.map((c) => [c.detector, JSON.stringify(c.options), c.stream, c] as const))(
    '%s %s on %s fires at River’s indices',
    (_detector, _options, stream, c) => {
      const values = streams.get(stream)!;
      const detector = build(c);
      const drift: number[] = [];
      const warning: number[] = [];
      values.forEach((x, i) => {
        detector.update(x);
        if (detector.driftDetected) drift.push(i);
        if (detector instanceof Ddm && detector.warningDetected) warning.push(i);
      });
      expect(drift).toEqual(c.drift);
      if (c.warningRanges) expect(toRanges(warning)).toEqual(c.warningRanges);
      if (c.final && detector instanceof Adwin) {
        expect(detector.width).toBe(c.final.width);
        expect(detector.total).toBe(c.final.total);
        expect(detector.variance).toBe(c.final.variance);
      }
    },
  );
});
