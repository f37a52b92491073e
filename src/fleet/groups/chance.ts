// "Far better than chance": how likely it is that `k` or more of `n` machines share a value that a machine has
// with probability `p` (the binomial upper tail). A group is reported only when this is small: four of five
// failing machines asking a host that half the healthy machines ask is what chance gives one time in five.

/** ln Γ(x) for x > 0 (Lanczos, g = 7): enough for binomial coefficients of fleet sizes. */
function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function lnPmf(n: number, k: number, p: number): number {
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** P(X ≥ k) for X ~ Binomial(n, p). Past the mean the terms only shrink, so the sum stops when they stop counting. */
export function upperTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  // At or below the mean the tail is at least about a half: no need to add it up.
  if (k <= n * p) return 1;
  let sum = 0;
  for (let j = k; j <= n; j++) {
    const term = Math.exp(lnPmf(n, j, p));
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return Math.min(1, sum);
}
