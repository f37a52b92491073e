// Facts are what a run keeps in memory (raw records are dropped as soon as they are decoded), so a fact
// must cost little: its strings must not be slices of the event text they were cut from (V8 would keep the
// whole text, and the 64 KiB read buffer behind it, alive), and repeated values — machine and host names,
// CMIDs, activation ids, codes, editions — are stored once.
//
// The fact object itself is fresh from the decoder, so it is compacted in place: only strings that may be
// slices (13 characters or more: V8 makes no shorter slices) and that are not in the pool yet are copied.

const MAX_POOLED_LENGTH = 80;
const MAX_POOL_SIZE = 500_000;
/** V8 cuts no slice shorter than this (SlicedString::kMinLength): a shorter string owns its characters. */
const MIN_SLICE_LENGTH = 13;

export class FactCompactor {
  private readonly pool = new Map<string, string>();

  /** For facts fresh from the decoder: share repeated strings, copy the rest out of the event text. */
  compact<T extends object>(fact: T): T {
    return this.share(fact, true) as T;
  }

  /** For facts that are already copies (they came from a worker thread): only share repeated strings. */
  shareStrings<T extends object>(fact: T): T {
    return this.share(fact, false) as T;
  }

  private share(value: unknown, copy: boolean): unknown {
    if (typeof value === 'string') return this.intern(value, copy);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.share(value[i], copy);
      return value;
    }
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        const v = record[key];
        // An event time is unique per record: pooling it would only fill the pool.
        if (typeof v === 'string') record[key] = key === 'time' ? (copy ? ownCopy(v) : v) : this.intern(v, copy);
        else if (v !== null && typeof v === 'object') record[key] = this.share(v, copy);
      }
    }
    return value;
  }

  private intern(text: string, copy: boolean): string {
    if (text.length > MAX_POOLED_LENGTH) return copy ? ownCopy(text) : text;
    const known = this.pool.get(text);
    if (known !== undefined) return known;
    const own = copy ? ownCopy(text) : text;
    if (this.pool.size < MAX_POOL_SIZE) this.pool.set(own, own);
    return own;
  }
}

/** A string that owns its characters (not a slice of, or a rope over, a larger one). */
function ownCopy(text: string): string {
  return text.length < MIN_SLICE_LENGTH ? text : (structuredClone(text) as string);
}
