// Shrinks an input that breaks a property to a small one that still does, so it can be kept as a fixture.
// Delta debugging over bytes: drop ever smaller pieces while the failure stays; for EVTX, whose offsets must
// not move, pieces are zeroed instead of dropped.

export interface MinimizeOptions {
  /** Upper bound on predicate calls (each one reads the input once). */
  maxTries?: number;
  /** Zero pieces out instead of removing them (keeps offsets in place). */
  keepOffsets?: boolean;
}

export async function minimize(input: Buffer, fails: (candidate: Buffer) => Promise<boolean>, opts: MinimizeOptions = {}): Promise<Buffer> {
  const maxTries = opts.maxTries ?? 2000;
  let tries = 0;
  let best = input;
  const attempt = async (candidate: Buffer): Promise<boolean> => {
    if (tries >= maxTries) return false;
    tries++;
    if (await fails(candidate)) {
      best = candidate;
      return true;
    }
    return false;
  };

  // Cheapest first: most failures survive losing the tail.
  for (let cut = best.length >> 1; cut >= 1 && tries < maxTries; cut >>= 1) {
    while (best.length > cut && (await attempt(best.subarray(0, best.length - cut))));
  }
  for (let piece = Math.max(1, best.length >> 1); piece >= 1 && tries < maxTries; piece >>= 1) {
    for (let at = 0; at < best.length && tries < maxTries; ) {
      let candidate: Buffer;
      if (opts.keepOffsets) {
        if (isZero(best, at, at + piece)) {
          at += piece;
          continue;
        }
        candidate = Buffer.from(best);
        candidate.fill(0, at, Math.min(best.length, at + piece));
      } else {
        candidate = Buffer.concat([best.subarray(0, at), best.subarray(at + piece)]);
      }
      if (!(await attempt(candidate)) || opts.keepOffsets) at += piece;
    }
  }
  return best;
}

function isZero(b: Buffer, from: number, to: number): boolean {
  for (let i = from; i < Math.min(to, b.length); i++) if (b[i] !== 0) return false;
  return true;
}
