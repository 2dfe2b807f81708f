/**
 * yazl computes each entry's CRC-32 with buffer-crc32, in JavaScript: about 2.5 s per GiB here,
 * most of what put the export over its budget (DESIGN §10: ≤ 1.5× of `zip -r -0`). Node ≥ 20.15
 * has zlib's CRC-32 (`zlib.crc32`, same polynomial and chaining, ~8× faster), so the function yazl
 * calls is swapped for it — on the very module instance yazl loaded (resolved from yazl's own
 * folder). Where either is missing, yazl keeps its own, slower but correct.
 */
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

interface BufferCrc32 {
  unsigned(buf: Buffer | string, previous?: number | Buffer): number;
}

let done = false;

export function useNativeCrc32(): boolean {
  if (done) return true;
  const native = (zlib as { crc32?: (data: Buffer | string, value?: number) => number }).crc32;
  if (typeof native !== 'function') return false;
  let module: BufferCrc32;
  try {
    const fromYazl = createRequire(createRequire(import.meta.url).resolve('yazl'));
    module = fromYazl('buffer-crc32') as BufferCrc32;
  } catch {
    return false;
  }
  const previousOf = (p: number | Buffer | undefined) =>
    p === undefined ? 0 : typeof p === 'number' ? p : p.readUInt32BE(0);
  module.unsigned = (buf, previous) => native(buf, previousOf(previous));
  done = true;
  return true;
}
