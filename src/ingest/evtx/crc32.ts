// CRC32 (IEEE / zlib polynomial) as EVTX uses it for the file header, chunk header and event records.
// Node ≥ 20.15 ships a native zlib.crc32; older 20.x lack it, so a table-driven version stands in.
import * as zlib from 'node:zlib';

type Crc32Fn = (data: Uint8Array, seed?: number) => number;

const nativeCrc32 = (zlib as unknown as { crc32?: Crc32Fn }).crc32;

let table: Uint32Array | undefined;

function buildTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

function portableCrc32(data: Uint8Array, seed = 0): number {
  table ??= buildTable();
  let c = ~seed >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** CRC32 of `data`, continuing from `seed` (the CRC of the bytes before it). */
export const crc32: Crc32Fn = nativeCrc32 ?? portableCrc32;
