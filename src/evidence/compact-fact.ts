// Facts are what a run keeps in memory (raw records are dropped as soon as they are decoded), so a fact
// must cost little: its strings are copied out of the event text they were sliced from (V8 would keep the
// whole text, and the 64 KiB read buffer behind it, alive), and repeated values — machine and host names,
// CMIDs, activation ids, codes, editions — are stored once.

const MAX_POOLED_LENGTH = 80;
const MAX_POOL_SIZE = 500_000;

export class FactCompactor {
  private readonly pool = new Map<string, string>();

  compact<T extends object>(fact: T): T {
    return this.share(structuredClone(fact)) as T;
  }

  /** For facts that are already copies (they came from a worker thread): only share repeated strings. */
  shareStrings<T extends object>(fact: T): T {
    return this.share(fact) as T;
  }

  private share(value: unknown): unknown {
    if (typeof value === 'string') return this.intern(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.share(value[i]);
      return value;
    }
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = this.share(record[key]);
    }
    return value;
  }

  private intern(text: string): string {
    if (text.length > MAX_POOLED_LENGTH) return text;
    const known = this.pool.get(text);
    if (known !== undefined) return known;
    if (this.pool.size < MAX_POOL_SIZE) this.pool.set(text, text);
    return text;
  }
}
