// What decides, before any of its bytes are read, whether a zip entry is read at all: shared by the reader that
// follows the central directory (zip.ts) and the one that salvages a zip without it (zip-salvage.ts).
import { formatBytes } from './limits.js';
import { budgetSpent } from './meter.js';
import type { WalkContext } from './walk.js';

export type ZipSource = { path: string } | { buffer: Buffer };

/** Compression methods people meet, by number (APPNOTE 4.4.5), for a reason that says which one. */
const METHOD_NAMES: Record<number, string> = {
  1: 'Shrink', 6: 'Implode', 9: 'Deflate64', 12: 'BZIP2', 14: 'LZMA', 19: 'IBM LZ77', 93: 'Zstandard', 95: 'XZ', 96: 'JPEG', 97: 'WavPack', 98: 'PPMd',
  99: 'AES encryption',
};
const SUPPORTED_METHODS = new Set([0, 8]);

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
