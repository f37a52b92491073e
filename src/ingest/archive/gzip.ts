// gzip through node:zlib: a .tar.gz/.tgz is walked as the tar inside it; any other .gz is one export.
import { createGunzip } from 'node:zlib';
import { peek } from './bytes.js';
import { inflateBlocks } from './inflate.js';
import { parseEntryName } from './entry-name.js';
import { sniffArchive } from './kind.js';
import { counted, meter } from './meter.js';
import { walkTar } from './tar.js';
import type { ArchiveItem, WalkContext } from './walk.js';

/** The original file name a gzip header may carry (FNAME), else the archive's own name without ".gz". */
export function gzipInnerName(head: Buffer, archiveBase: string): string {
  const FEXTRA = 0x04;
  const FNAME = 0x08;
  if (head.length >= 10 && head[0] === 0x1f && head[1] === 0x8b && head[3] & FNAME) {
    let at = 10;
    if (head[3] & FEXTRA && head.length >= 12) at += 2 + head.readUInt16LE(10);
    const end = head.indexOf(0, at);
    if (end > at) {
      const name = head.subarray(at, end).toString('latin1');
      // Only the last part: a header name is a label, never a path.
      const base = name.split(/[\\/]/).pop();
      if (base) return base;
    }
  }
  const stripped = archiveBase.replace(/\.(gz|gzip)$/i, '').replace(/\.tgz$/i, '.tar');
  return stripped !== archiveBase && stripped !== '' ? stripped : 'contents';
}

export async function* walkGzip(bytes: AsyncIterable<Buffer>, ctx: WalkContext, archiveBase: string): AsyncGenerator<ArchiveItem> {
  const raw = await peek(bytes, 1024);
  const compressed = { bytes: 0 };
  // Errors (a truncated or corrupt stream) end the expanded bytes with that error, after what came before it.
  const expanded = inflateBlocks(counted(raw.all, compressed), createGunzip({ chunkSize: 64 * 1024 }));
  const ratio = { compressed: () => compressed.bytes };
  const inner = await peek(expanded, 512);
  try {
    if (sniffArchive(inner.head) === 'tar') {
      yield* walkTar(inner.all, ctx, ratio);
      return;
    }
    const name = parseEntryName(gzipInnerName(raw.head, archiveBase));
    yield { kind: 'entry', name, bytes: meter(inner.all, ctx, ratio), replacesArchive: true };
  } finally {
    await inner.all.return(undefined);
  }
}
