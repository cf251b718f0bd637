//! A count of the work the outline phase does, so that a test can show every
//! pass to be linear in the lines and headings without timing anything.
//!
//! The unit is a step: one line, heading candidate, heading or contents entry
//! that a pass visits, or one byte of a paragraph searched for a missing point.
//! Every loop of the phase over those counts what it visits, nested loops
//! included, so a pass that walked every candidate for every line would count
//! lines × candidates, and its count would grow sixteenfold, not fourfold,
//! when the input grows fourfold. Timings cannot show that reliably on a
//! shared machine; this count is the same on every run.
//!
//! The count is per thread (tests run in parallel) and costs one add per step.

use std::cell::Cell;
use std::iter::Inspect;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Counts `n` steps on this thread.
pub(super) fn step(n: usize) {
    STEPS.with(|steps| steps.set(steps.get().saturating_add(u64::try_from(n).unwrap_or(u64::MAX))));
}

/// `items`, counting a step for each item taken from it, from either end.
pub(super) fn counted<I: Iterator>(items: I) -> Inspect<I, fn(&I::Item)> {
    items.inspect(|_| step(1))
}

/// The steps the outline phase has taken on this thread so far. Only for
/// tests of its complexity: not part of the API, and the unit may change.
#[doc(hidden)]
pub fn outline_steps() -> u64 {
    STEPS.with(Cell::get)
}
