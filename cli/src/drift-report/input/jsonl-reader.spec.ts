import { tempDir } from '../../__test-support__/temp-dir';
import type { Cell } from './cell';
import { resolveInputSpec } from './input-format';
import { openJsonlReader } from './jsonl-reader';

const dir = tempDir();
afterAll(() => dir.cleanup());

async function readAll(name: string, content: string): Promise<{ columns: readonly string[]; rows: (readonly Cell[])[] }> {
  const reader = await openJsonlReader(resolveInputSpec(dir.file(name, content), undefined, undefined));
  const rows: (readonly Cell[])[] = [];
  for (let r = await reader.next(); r !== null; r = await reader.next()) rows.push(r);
  return { columns: reader.columns, rows };
}

describe('openJsonlReader', () => {
  it('takes the columns from the first object; absent keys are missing; blank lines are skipped', async () => {
    const { columns, rows } = await readAll('a.jsonl', '\uFEFF{"x": 1, "c": "a", "b": true}\n\n{"x": 2.5, "b": null}\r\n{"c": "z"}\n');
    expect(columns).toEqual(['x', 'c', 'b']);
    expect(rows).toEqual([
      [1, 'a', true],
      [2.5, null, null],
      [null, 'z', null],
    ]);
  });

  it.each([
    ['{"x": 1}\n{"x": 2, "y": 3}\n', /line 2: key "y" is not among the first object's keys/],
    ['{"x": 1}\n{"x": {"deep": 1}}\n', /line 2: key "x" holds an object/],
    ['{"x": [1]}\n', /line 1: key "x" holds an array/],
    ['{"x": 1}\n\n{"x": 2\n', /line 3: not valid JSON/],
    ['[1, 2]\n', /line 1: expected a JSON object per line/],
    ['\n \n', /has no JSON object/],
  ])('rejects %j', async (content, message) => {
    await expect(readAll('bad.jsonl', content)).rejects.toThrow(message);
  });

  it('finds the line of a data row past blank lines', async () => {
    const reader = await openJsonlReader(resolveInputSpec(dir.file('lines.ndjson', '{"x":1}\n\n\n{"x":2}\n{"x":3}\n'), undefined, undefined));
    await expect(reader.lineOfRow(1)).resolves.toBe(4);
    await expect(reader.lineOfRow(2)).resolves.toBe(5);
    reader.close();
  });
});
