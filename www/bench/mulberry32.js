// A small deterministic generator (mulberry32), shared by the benchmark
// worker (served from dist/bench/) and the tests that generate reports
// (tests/e2e/compare-large.test.mjs imports it from here), so that both
// draw the same sequences from the same code.

/** The generator of `seed`: each call gives the next number in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
