// A zip whose central directory is gone (the download or copy was cut short) still holds its first entries:
// each starts with a local header that gives its name, method and sizes. They are read front to back, through
// node:zlib, until the cut. An entry written as a stream (sizes only after its data) cannot be found past
// without the directory, and the walk stops there, saying so.
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { ByteReader } from './byte-reader.js';
import { decodeZipName, parseEntryName } from './entry-name.js';
import { inflateBlocks } from './inflate.js';
import { meter } from './meter.js';
import { zipSkipReason, type ZipSource } from './zip-entry-rules.js';
import type { ArchiveItem, WalkContext } from './walk.js';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

export async function* salvageZip(source: ZipSource, ctx: WalkContext, why: string): AsyncGenerator<ArchiveItem> {
  const stream = 'path' in source ? createReadStream(source.path, { highWaterMark: 64 * 1024 }) : Readable.from([source.buffer]);
  const reader = new ByteReader(stream as AsyncIterable<Buffer>);
  let found = 0;
  let stop: { where: string; reason: string } | undefined;
  try {
    for (;;) {
      const at = reader.offset;
      const header = await reader.read(30);
      if (header.length === 0) break;
      const signature = header.length >= 4 ? header.readUInt32LE(0) : 0;
      if (signature === CENTRAL || signature === END) break;
      if (signature !== LOCAL || header.length < 30) {
        stop = { where: `offset 0x${at.toString(16)}`, reason: header.length < 30 ? 'the zip ends inside an entry header' : 'no entry header here' };
        break;
      }
      const flags = header.readUInt16LE(6);
      const method = header.readUInt16LE(8);
      let compressedSize = header.readUInt32LE(18);
      let uncompressedSize = header.readUInt32LE(22);
      const nameBytes = await reader.read(header.readUInt16LE(26));
      const extra = await reader.read(header.readUInt16LE(28));
      // Zip64: the real sizes sit in extra field 0x0001 when the header says 0xffffffff.
      for (let i = 0; i + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(i);
        const size = extra.readUInt16LE(i + 2);
        if (id === 0x0001 && size >= 16 && i + 20 <= extra.length) {
          if (uncompressedSize === 0xffffffff) uncompressedSize = Number(extra.readBigUInt64LE(i + 4));
          if (compressedSize === 0xffffffff) compressedSize = Number(extra.readBigUInt64LE(i + 12));
        }
        i += 4 + size;
      }
      const name = parseEntryName(decodeZipName(nameBytes, (flags & 0x800) !== 0));
      found++;
      if (flags & 0x08 && compressedSize === 0) {
        stop = {
          where: `entry ${found}`,
          reason: `${name.shown} was written as a stream (its sizes follow its data), so the entries after it cannot be found without the directory`,
        };
        break;
      }
      if (found > ctx.limits.maxEntries) {
        stop = { where: `entry ${found}`, reason: `entries past the first ${ctx.limits.maxEntries} were not read (limit maxEntries)` };
        break;
      }
      const progress = { left: compressedSize };
      const skip = name.isFolder ? '' : zipSkipReason({ encrypted: (flags & 0x01) !== 0, method, compressedSize, uncompressedSize }, ctx);
      if (skip !== undefined) {
        if (skip !== '') yield { kind: 'skipped', name, reason: skip };
      } else {
        const data = reader.take(compressedSize, progress);
        const expanded = method === 8 ? inflateBlocks(data, createInflateRaw()) : data;
        yield { kind: 'entry', name, bytes: meter(expanded, ctx, { compressed: compressedSize, declared: uncompressedSize }), declaredSize: uncompressedSize };
        // A reader that stopped early has closed the generators above: only the walk reads on.
        await expanded.return(undefined);
      }
      // Past whatever the reader left of this entry's data, to the next header.
      try {
        for await (const _ of reader.take(progress.left, { left: 0 })) void _;
      } catch {
        stop = { where: `entry ${found}`, reason: 'the zip ends inside this entry' };
        break;
      }
    }
  } finally {
    await reader.close();
    (stream as Readable).destroy();
  }
  yield {
    kind: 'problem',
    where: 'central directory',
    reason: `${why}; ${found === 1 ? '1 entry was found from its own header' : `${found} entries were found from their own headers`}${stop ? `, then at ${stop.where}: ${stop.reason}` : ''}`,
  };
}
