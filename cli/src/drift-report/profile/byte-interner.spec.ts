import { ByteInterner } from './byte-interner';

describe('ByteInterner', () => {
  it('decodes each distinct byte sequence once and tells colliding or prefix sequences apart', () => {
    const made: string[] = [];
    const interner = new ByteInterner((text) => {
      made.push(text);
      return text.toUpperCase();
    });
    const bytes = Buffer.from('ab|a|abc|Zürich|ab||a|Zürich');
    const fields: [number, number][] = [];
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x7c) {
        fields.push([start, i]);
        start = i + 1;
      }
    }
    expect(fields.map(([s, e]) => interner.get(bytes, s, e))).toEqual(['AB', 'A', 'ABC', 'ZÜRICH', 'AB', '', 'A', 'ZÜRICH']);
    expect(made).toEqual(['ab', 'a', 'abc', 'Zürich', '']);
  });

  it('keeps every value apart as the table grows', () => {
    const interner = new ByteInterner((text) => text);
    const texts = Array.from({ length: 5000 }, (_, i) => `c${i * 7919}`);
    for (const text of [...texts, ...texts]) expect(interner.get(Buffer.from(text), 0, Buffer.byteLength(text))).toBe(text);
    expect(interner.size).toBe(5000);
  });
});
