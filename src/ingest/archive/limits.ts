// Sane bounds for archives from strangers. Each is named in the rejection it causes, so a reader of the report
// knows which bound was hit and by how much. Nothing is extracted to disk; these bound time and memory.

export interface ArchiveLimits {
  /** Entries read from one archive (a nested archive has its own count). */
  maxEntries: number;
  /** Bytes one entry may expand to. */
  maxEntryBytes: number;
  /** Bytes everything inside one input (nested archives included) may expand to. */
  maxTotalBytes: number;
  /** Expanded ÷ compressed, checked once an entry has expanded past `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Archives inside archives: customer.zip!a.zip!b.tgz is depth 3. */
  maxDepth: number;
  /** A zip that is not a file on disk (nested in a compressed entry, or on standard input) is held in memory to be read. */
  maxBufferedZipBytes: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_ARCHIVE_LIMITS: Readonly<ArchiveLimits> = Object.freeze({
  maxEntries: 20_000,
  maxEntryBytes: 4 * GiB,
  maxTotalBytes: 32 * GiB,
  // Event exports compress 5:1 to 40:1; deflate tops out near 1032:1 on runs of one byte.
  maxRatio: 250,
  ratioFloorBytes: 32 * MiB,
  maxDepth: 4,
  maxBufferedZipBytes: 64 * MiB,
});

/** "4 GiB", "64 MiB", "512 bytes": a size as a person reads it. */
export function formatBytes(bytes: number): string {
  const units: Array<[number, string]> = [[GiB, 'GiB'], [MiB, 'MiB'], [1024, 'KiB']];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/** An archive bound was passed: carries the limit's name so the rejection can say which one. */
export class ArchiveLimitError extends Error {
  readonly code = 'EARCHIVELIMIT';
  constructor(
    readonly limit: keyof ArchiveLimits,
    message: string,
  ) {
    super(`${message} (limit ${limit})`);
  }
}
