import { tempDir } from '../../__test-support__/temp-dir';
import { ColumnMappingError } from '../errors';
import { loadColumnMapping, parseColumnMapping } from './load-column-mapping';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe('loadColumnMapping', () => {
  it('reads JSON', async () => {
    const file = dir.file('m.json', JSON.stringify({ target: 'y', types: { zip: 'categorical' }, columns: { age: { method: 'psi', threshold: 0.2 } } }));
    await expect(loadColumnMapping(file)).resolves.toEqual({ target: 'y', types: { zip: 'categorical' }, columns: { age: { method: 'psi', threshold: 0.2 } } });
  });

  it('reads YAML by extension', async () => {
    const file = dir.file('m.yaml', 'prediction: p\nignore: [id]\ncolumns:\n  age: { minEffect: null }\n');
    await expect(loadColumnMapping(file)).resolves.toEqual({ prediction: 'p', ignore: ['id'], columns: { age: { minEffect: null } } });
  });

  it('reports a missing file', async () => {
    await expect(loadColumnMapping(dir.file('absent.json'))).rejects.toThrow(/--column-mapping .*absent\.json: no such file/);
  });

  it.each([
    ['{ "target": ', /not valid JSON/],
    ['[]', /\(root\): /],
    ['{ "targte": "y" }', /Unrecognized key.*targte/i],
    ['{ "types": { "a": "text" } }', /types\.a: /],
    ['{ "columns": { "a": { "method": "magic" } } }', /columns\.a\.method: /],
    ['{ "columns": { "a": { "threshold": -1 } } }', /columns\.a\.threshold: /],
    ['{ "task": "ranking" }', /task: /],
  ])('rejects %s', (text, message) => {
    expect(() => parseColumnMapping('m.json', text)).toThrow(ColumnMappingError);
    expect(() => parseColumnMapping('m.json', text)).toThrow(message);
  });

  it('reports invalid YAML', () => {
    expect(() => parseColumnMapping('m.yml', 'a: [1, 2')).toThrow(/not valid YAML/);
  });
});
