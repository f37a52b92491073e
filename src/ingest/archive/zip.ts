// Zip archives through yauzl: the central directory lists the entries, each entry streams through zlib.
// Names are taken as raw bytes (decodeStrings: false) so a hostile name is ours to escape, never yauzl's
// to refuse; sizes are checked here against the archive bounds rather than by yauzl.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { decodeZipName, parseEntryName, type EntryName } from './entry-name.js';
import { formatBytes } from './limits.js';
import { budgetSpent, meter } from './meter.js';
import type { ArchiveItem, WalkContext } from './walk.js';
import { salvageZip } from './zip-salvage.js';

export type ZipSource = { path: string } | { buffer: Buffer };

const OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false, strictFileNames: false };

/** Compression methods people meet, by number (APPNOTE 4.4.5), for a reason that says which one. */
const METHOD_NAMES: Record<number, string> = {
  1: 'Shrink', 6: 'Implode', 9: 'Deflate64', 12: 'BZIP2', 14: 'LZMA', 19: 'IBM LZ77', 93: 'Zstandard', 95: 'XZ', 96: 'JPEG', 97: 'WavPack', 98: 'PPMd',
  99: 'AES encryption',
};
const SUPPORTED_METHODS = new Set([0, 8]);

function open(source: ZipSource): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: ZipFile): void => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip));
    if ('path' in source) yauzl.open(source.path, OPTIONS, done);
    else yauzl.fromBuffer(source.buffer, OPTIONS, done);
  });
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry): void => (cleanup(), resolve(entry));
    const onEnd = (): void => (cleanup(), resolve(undefined));
    const onError = (err: Error): void => (cleanup(), reject(err));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function openStream(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream))));
}

function nameOf(entry: Entry): EntryName {
  const raw = entry.fileName as unknown as Buffer;
  return parseEntryName(decodeZipName(raw, (entry.generalPurposeBitFlag & 0x800) !== 0));
}

/** What decides whether an entry is read, from the directory or a local header. */
export interface ZipEntryFacts {
  encrypted: boolean;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
}

/** Why an entry is not read before any of its bytes are, or undefined to read it. */
export function zipSkipReason(entry: ZipEntryFacts, ctx: WalkContext): string | undefined {
  if (entry.encrypted) {
    return 'encrypted (password-protected) entry: volact cannot read it; ask for the export without a password';
  }
  if (!SUPPORTED_METHODS.has(entry.method)) {
    const name = METHOD_NAMES[entry.method];
    return `compressed with method ${entry.method}${name ? ` (${name})` : ''}, which volact does not read (stored and deflate only): re-zip it with Windows "Compress" or Compress-Archive`;
  }
  const { limits } = ctx;
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    return `not read: declares ${formatBytes(entry.uncompressedSize)} expanded, past ${formatBytes(limits.maxEntryBytes)} (limit maxEntryBytes)`;
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
    return `not read: declares ${Math.round(ratio)}:1 compression (${formatBytes(entry.uncompressedSize)} from ${formatBytes(entry.compressedSize)}), past ${limits.maxRatio}:1: a zip bomb, not an export (limit maxRatio)`;
  }
  return budgetSpent(ctx);
}

export async function* walkZip(source: ZipSource, ctx: WalkContext): AsyncGenerator<ArchiveItem> {
  let zip: ZipFile;
  try {
    zip = await open(source);
  } catch (error) {
    // No directory (cut short, or damaged at the end): the entries before the damage are found from their headers.
    yield* salvageZip(source, ctx, `the zip's central directory cannot be read (${(error as Error).message})`);
    return;
  }
  let current: NodeJS.ReadableStream | undefined;
  let seen = 0;
  try {
    for (;;) {
      let entry: Entry | undefined;
      try {
        entry = await nextEntry(zip);
      } catch (error) {
        yield {
          kind: 'problem',
          where: `central directory, after entry ${seen}`,
          reason: `the zip's directory is damaged (${(error as Error).message}): entries listed after this point were not read`,
        };
        return;
      }
      if (!entry) return;
      seen++;
      if (seen > ctx.limits.maxEntries) {
        yield {
          kind: 'problem',
          where: `entry ${seen}`,
          reason: `${zip.entryCount - ctx.limits.maxEntries} entries past the first ${ctx.limits.maxEntries} were not read (limit maxEntries)`,
        };
        return;
      }
      const name = nameOf(entry);
      if (name.isFolder) continue;
      const skip = zipSkipReason(
        { encrypted: entry.isEncrypted(), method: entry.compressionMethod, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize },
        ctx,
      );
      if (skip) {
        yield { kind: 'skipped', name, reason: skip };
        continue;
      }
      let stream: NodeJS.ReadableStream;
      try {
        stream = await openStream(zip, entry);
      } catch (error) {
        yield { kind: 'skipped', name, reason: `cannot open the entry: ${(error as Error).message}` };
        continue;
      }
      current = stream;
      const bytes = meter(stream as AsyncIterable<Buffer>, ctx, { compressed: entry.compressedSize, declared: entry.uncompressedSize });
      yield { kind: 'entry', name, bytes, declaredSize: entry.uncompressedSize };
      // The consumer is done with this entry (or gave up on it): let go of its stream before the next.
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      current = undefined;
    }
  } finally {
    (current as (NodeJS.ReadableStream & { destroy?: () => void }) | undefined)?.destroy?.();
    zip.close();
  }
}
