// Zip archives through yauzl: the central directory lists the entries, each entry streams through zlib.
// Names are taken as raw bytes (decodeStrings: false) so a hostile name is ours to escape, never yauzl's
// to refuse; sizes are checked here against the archive bounds rather than by yauzl.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { decodeZipName, parseEntryName, type EntryName } from './entry-name.js';
import { meter } from './meter.js';
import type { ArchiveItem, WalkContext } from './walk.js';
import { salvageZip } from './zip-salvage.js';
import { zipSkipReason, type ZipSource } from './zip-entry-rules.js';

export type { ZipSource } from './zip-entry-rules.js';

const OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false, strictFileNames: false };


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
