// Counts what an entry expands to while it streams, and stops it at the first bound it passes: the entry
// keeps what was read before, and the rejection names the limit.
import { ArchiveLimitError, formatBytes } from './limits.js';
import type { WalkContext } from './walk.js';

export interface MeterOptions {
  /** Compressed bytes behind the expanded ones: a number when known up front, or read as the stream goes. */
  compressed?: number | (() => number);
  /** The size the archive declares for the entry (zip): expanding to any other size means damage. */
  declared?: number;
}

export async function* meter(bytes: AsyncIterable<Buffer>, ctx: WalkContext, options: MeterOptions = {}): AsyncGenerator<Buffer> {
  const { limits, budget } = ctx;
  let expanded = 0;
  for await (const chunk of bytes) {
    // How many more bytes each bound allows. Where the compressed size is known, the ratio bound is a byte count
    // too, so an entry is cut at the same byte however its chunks fall.
    const bounds: Array<[number, () => ArchiveLimitError]> = [
      [limits.maxEntryBytes - expanded, () => new ArchiveLimitError('maxEntryBytes', `the entry expands past ${formatBytes(limits.maxEntryBytes)}; the rest was not read`)],
      [limits.maxTotalBytes - budget.expanded, () => new ArchiveLimitError('maxTotalBytes', `the archive expands past ${formatBytes(limits.maxTotalBytes)} in all; the rest was not read`)],
    ];
    if (typeof options.compressed === 'number') {
      const compressed = options.compressed;
      const allowed = Math.max(limits.ratioFloorBytes, Math.floor(limits.maxRatio * Math.max(1, compressed)));
      bounds.push([allowed - expanded, () => ratioError(allowed + 1, compressed, limits.maxRatio)]);
    }
    const [room, error] = bounds.reduce((a, b) => (b[0] < a[0] ? b : a));
    if (chunk.length > room) {
      const part = chunk.subarray(0, Math.max(0, room));
      expanded += part.length;
      budget.expanded += part.length;
      if (part.length > 0) yield part;
      throw error();
    }
    expanded += chunk.length;
    budget.expanded += chunk.length;
    if (typeof options.compressed === 'function' && expanded > limits.ratioFloorBytes) {
      // The compressed side of a stream is known only as it is read: checked chunk by chunk.
      const compressed = options.compressed();
      if (expanded / Math.max(1, compressed) > limits.maxRatio) throw ratioError(expanded, compressed, limits.maxRatio);
    }
    yield chunk;
  }
  if (options.declared !== undefined && expanded !== options.declared) {
    throw Object.assign(
      new Error(`the entry expands to ${expanded} bytes where the archive says ${options.declared}: it is damaged, and only what it held was read`),
      { code: 'ESIZE' },
    );
  }
}

function ratioError(expanded: number, compressed: number, maxRatio: number): ArchiveLimitError {
  const ratio = expanded / Math.max(1, compressed);
  return new ArchiveLimitError(
    'maxRatio',
    `the entry expands ${Math.round(ratio)}:1 (${formatBytes(expanded)} from ${formatBytes(compressed)}), past ${maxRatio}:1: a zip bomb, not an export; the rest was not read`,
  );
}

/** Passes bytes through and counts them (the compressed side of a gzip stream). */
export async function* counted(bytes: AsyncIterable<Buffer>, counter: { bytes: number }): AsyncGenerator<Buffer> {
  for await (const chunk of bytes) {
    counter.bytes += chunk.length;
    yield chunk;
  }
}

/** Whether the archive's expanded total already used its budget: later entries are skipped, not read. */
export function budgetSpent(ctx: WalkContext): string | undefined {
  if (ctx.budget.expanded < ctx.limits.maxTotalBytes) return undefined;
  return `not read: the archive reached its total expanded size of ${formatBytes(ctx.limits.maxTotalBytes)} (limit maxTotalBytes)`;
}
