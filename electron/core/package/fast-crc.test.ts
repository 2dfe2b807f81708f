import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useNativeCrc32 } from './fast-crc';

describe('the CRC-32 yazl computes', () => {
  it('is zlib’s once swapped in, and gives what buffer-crc32 gives, chained or not', () => {
    const crc = createRequire(createRequire(import.meta.url).resolve('yazl'))('buffer-crc32') as {
      unsigned(b: Buffer, p?: number | Buffer): number;
    };
    const data = Buffer.from('The audit package, byte for byte. '.repeat(1000));
    const whole = crc.unsigned(data);
    const chained = crc.unsigned(data.subarray(100), crc.unsigned(data.subarray(0, 100)));
    expect(useNativeCrc32()).toBe(true);
    expect(crc.unsigned(data)).toBe(whole);
    expect(crc.unsigned(data.subarray(100), crc.unsigned(data.subarray(0, 100)))).toBe(chained);
    expect(crc.unsigned(data)).toBe(zlib.crc32(data));
    expect(crc.unsigned(Buffer.alloc(0))).toBe(0);
  });
});
