// A list whose items are made when the JSON writer reaches them, and dropped once written: the findings of a
// fleet in words (their text beside their message ids) are never all held at once, only the report model is.

export class LazyList<T> {
  constructor(
    readonly length: number,
    private readonly make: (index: number) => T,
  ) {}

  item(index: number): T {
    return this.make(index);
  }

  /** JSON.stringify of a whole report (tests, small reports) sees the items as an array. */
  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.make(i));
  }
}

export function lazyMap<S, T>(items: readonly S[], map: (item: S) => T): LazyList<T> {
  return new LazyList(items.length, (i) => map(items[i]));
}
