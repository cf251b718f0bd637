// The deterministic generator the browser benchmarks draw their synthetic
// reports with, so that every run measures the same texts.

/** A 32-bit xorshift generator: `below(n)` gives the next number in 0..n. */
export function xorshift(seed) {
  let state = seed >>> 0;
  return (n) => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state % n;
  };
}
