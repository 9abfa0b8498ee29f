import { Readable } from 'node:stream';
import { InputFileError } from '../errors';
import { firstInvalidByte, Utf8GuardTransform } from './utf8-guard.transform';

async function pass(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const guard = Readable.from(chunks).pipe(new Utf8GuardTransform('f.csv'));
  for await (const chunk of guard) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

/** Every way of cutting `bytes` in two. */
function splits(bytes: Buffer): Buffer[][] {
  return Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.subarray(0, i), bytes.subarray(i)]);
}

describe('Utf8GuardTransform', () => {
  it('passes valid UTF-8 through unchanged wherever the chunks are cut', async () => {
    const text = Buffer.from('a,é\n€,𝄞\n');
    for (const chunks of splits(text)) await expect(pass(chunks)).resolves.toEqual(text);
  });

  it('names the line of an invalid byte, wherever the chunks are cut', async () => {
    const bad = Buffer.concat([Buffer.from('h\nx,\u00e9\n'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    for (const chunks of splits(bad)) {
      const error = await pass(chunks).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputFileError);
      expect((error as Error).message).toBe('f.csv line 3: invalid UTF-8 (byte 0xc3 at offset 7); convert the file, e.g. iconv -f LATIN1 -t UTF-8');
    }
  });

  it('rejects a sequence cut off by the end of the file', async () => {
    await expect(pass([Buffer.from([0x61, 0xe2, 0x82])])).rejects.toThrow(/line 1: invalid UTF-8/);
  });

  it('recognises UTF-16 files by their byte order mark', async () => {
    await expect(pass([Buffer.from([0xff, 0xfe, 0x61, 0x00])])).rejects.toThrow(/the file is UTF-16/);
  });
});

describe('firstInvalidByte', () => {
  it.each([
    ['ascii', [0x61, 0x62], 2],
    ['overlong 2-byte', [0xc0, 0x80], 0],
    ['surrogate', [0xed, 0xa0, 0x80], 0],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['lone continuation', [0x61, 0x80], 1],
    ['valid 4-byte', [0xf0, 0x9d, 0x84, 0x9e], 4],
  ])('%s', (_name, bytes, index) => {
    expect(firstInvalidByte(Uint8Array.from(bytes))).toBe(index);
  });
});
