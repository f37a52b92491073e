// Counts what an entry expands to while it streams, and stops it at the first bound it passes: the entry
// keeps what was read before, and the rejection names the limit.
import { ArchiveLimitError, formatBytes } from './limits.js';
import type { WalkContext } from './walk.js';

export interface MeterOptions {
  /** Compressed bytes behind the expanded ones: a number when known up front, or read as the stream goes. */
  compressed?: number | (() => number);
}

export async function* meter(bytes: AsyncIterable<Buffer>, ctx: WalkContext, options: MeterOptions = {}): AsyncGenerator<Buffer> {
  const { limits, budget } = ctx;
  let expanded = 0;
  for await (const chunk of bytes) {
    expanded += chunk.length;
    budget.expanded += chunk.length;
    if (expanded > limits.maxEntryBytes) {
      throw new ArchiveLimitError('maxEntryBytes', `the entry expands past ${formatBytes(limits.maxEntryBytes)}; the rest was not read`);
    }
    if (budget.expanded > limits.maxTotalBytes) {
      throw new ArchiveLimitError('maxTotalBytes', `the archive expands past ${formatBytes(limits.maxTotalBytes)} in all; the rest was not read`);
    }
    if (expanded > limits.ratioFloorBytes && options.compressed !== undefined) {
      const compressed = typeof options.compressed === 'number' ? options.compressed : options.compressed();
      const ratio = expanded / Math.max(1, compressed);
      if (ratio > limits.maxRatio) {
        throw new ArchiveLimitError(
          'maxRatio',
          `the entry expands ${Math.round(ratio)}:1 (${formatBytes(expanded)} from ${formatBytes(compressed)}), past ${limits.maxRatio}:1: a zip bomb, not an export; the rest was not read`,
        );
      }
    }
    yield chunk;
  }
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
