// What every archive walker yields, and the bounds it walks under.
import type { ArchiveLimits } from './limits.js';
import type { EntryName } from './entry-name.js';

export type ArchiveItem =
  /** A file inside the archive: its bytes are read once, in order, before the walker moves on. */
  | {
      kind: 'entry';
      name: EntryName;
      bytes: AsyncIterable<Buffer>;
      declaredSize?: number;
      /** The one file a plain .gz compresses: it stands where the .gz stood, not in a folder named after it. */
      replacesArchive?: boolean;
    }
  /** A file that is not read (encrypted, unsupported method, past a limit, a link), with the reason. */
  | { kind: 'skipped'; name: EntryName; reason: string }
  /** About the archive itself: where it stopped making sense and why. What came before still counts. */
  | { kind: 'problem'; where: string; reason: string };

/** Expanded bytes so far, shared by every archive nested in one input. */
export interface Budget {
  expanded: number;
}

export interface WalkContext {
  /** The archive's place as shown (customer.zip, customer.zip!inner.zip). */
  display: string;
  limits: ArchiveLimits;
  budget: Budget;
}
