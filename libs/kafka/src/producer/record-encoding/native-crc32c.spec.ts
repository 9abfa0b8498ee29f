import { crc32c } from '@node-rs/crc32';
import { randomBytes } from 'node:crypto';

// kafkajs' own record batch checksum, which installRecordEncoder replaces with @node-rs/crc32's.
const kafkajsCrc32c = require('kafkajs/src/protocol/recordBatch/crc32C') as (buffer: Buffer) => number;

describe('the native CRC-32C used for record batches', () => {
  it('equals kafkajs\' checksum (an unsigned 32-bit number) on 2 000 random buffers of 0 B to 64 KB', () => {
    let aboveSignedRange = 0;
    for (let i = 0; i < 2000; i++) {
      const buffer = randomBytes(i === 0 ? 0 : Math.floor(Math.random() * (i % 10 === 0 ? 65536 : 2048)));
      const expected = kafkajsCrc32c(buffer);
      expect(crc32c(buffer)).toBe(expected);
      if (expected >= 2 ** 31) aboveSignedRange++;
    }
    // Half of all checksums have the top bit set: the unsigned conversion is exercised.
    expect(aboveSignedRange).toBeGreaterThan(500);
  });
});
