import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { AGRAWAL_FEATURES } from '../generators/agrawal/agrawal-attributes';
import { predictions, run, scenario } from '../__test-support__/scenario-builder';
import { writeScenarioCsv } from './write-scenario-csv';

const names = AGRAWAL_FEATURES.map((f) => f.name);
const s = scenario({
  labels: { delay: { events: 5 }, neverShare: 0.5 },
  phases: [
    { name: 'stable', events: 300, concept: 2 },
    { name: 'gaps', events: 300, missing: { share: 0.5, features: ['car'] } },
  ],
});
const records = run(s, { seed: 2 });
const dir = mkdtempSync(join(tmpdir(), 'sim-csv-'));

function read(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
}

describe('writeScenarioCsv', () => {
  it('writes one parseable row per prediction with the feature columns and the label', async () => {
    const file = join(dir, 'all.csv');
    const result = await writeScenarioCsv(records, AGRAWAL_FEATURES, file);
    expect(result).toEqual({ rows: 600, columns: [...names, 'label'] });
    const rows = read(file);
    expect(Object.keys(rows[0])).toEqual([...names, 'label']);
    const ps = predictions(records);
    rows.forEach((row, i) => {
      expect(Number(row.salary)).toBe(ps[i].event.features.salary);
      expect(Number(row.label)).toBe(ps[i].truth.label);
    });
  });

  it('leaves a missing value as an empty cell', async () => {
    const file = join(dir, 'gaps.csv');
    await writeScenarioCsv(records, AGRAWAL_FEATURES, file, { phases: ['gaps'] });
    const rows = read(file);
    expect(rows).toHaveLength(300);
    const empty = rows.filter((r) => r.car === '').length;
    expect(empty).toBe(predictions(records).filter((p) => p.phase === 'gaps' && p.event.features.car === null).length);
    expect(empty).toBeGreaterThan(100);
    expect(rows.every((r) => r.salary !== '' && r.label !== '')).toBe(true);
  });

  it('adds eventId, timestamp, phase and prediction on request, and writes to a stream', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeScenarioCsv(records.slice(0, 20), AGRAWAL_FEATURES, out, { meta: true, onRow: () => undefined });
    const rows: Record<string, string>[] = parse(Buffer.concat(chunks).toString('utf8'), { columns: true });
    const first = predictions(records)[0];
    expect(Object.keys(rows[0])).toEqual(['eventId', 'timestamp', 'phase', 'prediction', ...names, 'label']);
    expect(rows[0]).toMatchObject({ eventId: first.event.eventId, timestamp: first.event.timestamp, phase: 'stable', prediction: String(first.event.prediction) });
  });

  it('reports each written row', async () => {
    const seen: number[] = [];
    await writeScenarioCsv(records.slice(0, 30), AGRAWAL_FEATURES, join(dir, 'progress.csv'), { onRow: (n) => seen.push(n) });
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
  });

  it('fails at once, naming the path, when the file cannot be opened', async () => {
    await expect(writeScenarioCsv(records, AGRAWAL_FEATURES, join(dir, 'no', 'such', 'dir.csv'))).rejects.toThrow(/no[/\\]such/);
  });
});
