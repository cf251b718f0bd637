//! Work over many reports or files done a chunk per task of the page's
//! thread, yielding to the browser between chunks (a timer, not a
//! microtask: the page paints and answers in between), and given up as soon
//! as a newer run has started: the 词表 counts, the search of every report
//! and the taking in of a large pick all work this way.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// Counts the runs of one kind of work; a run is still wanted while no
/// later one has started. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Runs(Rc<Cell<u64>>);

impl Runs {
    /// Starts a run: every earlier one is no longer wanted.
    pub fn start(&self) -> u64 {
        let run = self.0.get() + 1;
        self.0.set(run);
        run
    }

    /// Whether `run` is the latest run.
    pub fn is_current(&self, run: u64) -> bool {
        self.0.get() == run
    }
}

/// Hands `items` to `work` `per_task` at a time, one task each. Before each
/// later chunk `progress` is told how many items are done; the run stops,
/// returning `false`, once `wanted` says it is no longer wanted.
pub async fn in_tasks<T>(
    items: &[T],
    per_task: usize,
    wanted: impl Fn() -> bool,
    mut progress: impl FnMut(usize),
    mut work: impl FnMut(&[T]),
) -> bool {
    for (index, chunk) in items.chunks(per_task.max(1)).enumerate() {
        if index > 0 {
            progress(index * per_task);
            yew::platform::time::sleep(Duration::ZERO).await;
            if !wanted() {
                return false;
            }
        }
        work(chunk);
    }
    true
}
