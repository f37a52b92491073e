// Binary search over sorted lists (host logs, record ids): a question asked once per request, hole or client
// costs a logarithm, not a scan.

/** The first index in [0, length) at which `reached` holds, given it is false before that index and true from it on; `length` when never. */
export function firstIndex(length: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
