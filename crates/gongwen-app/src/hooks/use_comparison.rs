//! `use_comparison`: compares the loaded reports in the comparison worker
//! when the comparison view asks for it (or the page, for a small stack, once
//! it is analysed), shows the worker's progress, and
//! cancels by terminating the worker (the next request starts another).
//! Once a comparison has arrived, its worker is ended too: a wasm module's
//! memory never shrinks, and comparing a thousand reports grows it to
//! hundreds of megabytes that the tab would otherwise hold until closed.
//!
//! A comparison is asked for only while `active` (the view is open, or the
//! stack is small and analysed) and redone only when the reports, the
//! settings or the vocabulary change, so switching views never repeats the
//! work. One running while inactive is stopped when the reports change.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gongwen_core::compare::{CompareSettings, Passage};
use gongwen_core::vocabulary::UserVocabulary;
use yew::prelude::*;

use crate::compare_client::{CompareClient, CompareFailure};
use crate::compare_protocol::{CompareInput, FromCompareWorker, ToCompareWorker};
use crate::comparison::{ComparisonStatus, SetComparison, SharedComparison};
use crate::state::{AnalysedReports, SharedAnalysis};

/// What a comparison was asked on: reports, templates, vocabulary, settings
/// and the retry count.
type CompareInputs = (AnalysedReports, AnalysedReports, UserVocabulary, CompareSettings, u32);

/// The hook's handle: the status, and callbacks to cancel and to retry.
#[derive(Clone, PartialEq)]
pub struct ComparisonHandle {
    /// Where the comparison stands.
    pub status: ComparisonStatus,
    /// Stops a running comparison.
    pub cancel: Callback<()>,
    /// Compares again (after a cancel or a failure).
    pub retry: Callback<()>,
}

/// Starts a worker whose answers go to `status` while `request` is current
/// (a comparison of the reports `requested` holds then), and which ends
/// itself (by emptying `live`) once it has answered.
fn start_worker(
    status: UseStateHandle<ComparisonStatus>,
    current: Rc<Cell<u32>>,
    requested: Rc<RefCell<AnalysedReports>>,
    live: Weak<RefCell<Option<CompareClient>>>,
) -> Result<CompareClient, CompareFailure> {
    let failed = status.clone();
    // The passages of the current request received so far.
    let arrived: RefCell<(u32, Vec<Passage>)> = RefCell::default();
    CompareClient::start_with_failures(
        move |answer| match answer {
            FromCompareWorker::Passages { request, passages } if request == current.get() => {
                let mut arrived = arrived.borrow_mut();
                if arrived.0 != request {
                    *arrived = (request, Vec::new());
                }
                arrived.1.extend(passages);
            }
            FromCompareWorker::Progress { request, progress } if request == current.get() => {
                if let ComparisonStatus::Running { reports, .. } = &*status {
                    status.set(ComparisonStatus::Running { reports: *reports, progress: Some(progress) });
                }
            }
            FromCompareWorker::Compared { request, mut comparison, millis, memory_bytes }
                if request == current.get() =>
            {
                let (arrived_for, passages) = arrived.take();
                if arrived_for == request {
                    comparison.passages = passages;
                }
                let (ids, reports) = requested.borrow().iter().cloned().unzip();
                let result = SetComparison { ids, reports, comparison: *comparison, millis, memory_bytes };
                status.set(ComparisonStatus::Ready(SharedComparison::new(result)));
                // Dropping the client terminates the worker; not from inside
                // its own message handler, but once the handler has returned.
                let live = live.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(live) = live.upgrade() {
                        live.replace(None);
                    }
                });
            }
            _ => {}
        },
        move |failure| failed.set(ComparisonStatus::Failed(failure)),
    )
}

/// How many texts of a set request are encoded and posted in one task of
/// the page's thread: all of 600 reports in one took 121 ms.
const TEXTS_PER_TASK: usize = 100;

/// A set request: what to compare, how.
struct SetRequest {
    /// The page's number for it.
    number: u32,
    /// The reports.
    reports: AnalysedReports,
    /// The template files.
    templates: AnalysedReports,
    /// How to compare.
    settings: CompareSettings,
    /// The user's vocabulary.
    vocabulary: UserVocabulary,
}

/// Sends `request` to the worker `live` holds: each text a message
/// ([`ToCompareWorker::Text`]), [`TEXTS_PER_TASK`] in a task of the page's
/// thread, then the [`ToCompareWorker::Compare`]; given up once `current`
/// is another request (stopped, or superseded).
fn send_request(
    request: SetRequest,
    live: Rc<RefCell<Option<CompareClient>>>,
    current: Rc<Cell<u32>>,
    status: UseStateHandle<ComparisonStatus>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let SetRequest { number, reports, templates, settings, vocabulary } = request;
        let texts: Vec<(bool, &SharedAnalysis)> = (reports.iter().map(|(_, analysis)| (false, analysis)))
            .chain(templates.iter().map(|(_, analysis)| (true, analysis)))
            .collect();
        let send = |message: ToCompareWorker<'_>| -> Result<(), ()> {
            if current.get() != number {
                return Err(());
            }
            let live = live.borrow();
            let client = live.as_ref().ok_or(())?;
            client.queue(&message).map_err(|failure| status.set(ComparisonStatus::Failed(failure)))
        };
        for (index, batch) in texts.chunks(TEXTS_PER_TASK).enumerate() {
            if index > 0 {
                yew::platform::time::sleep(std::time::Duration::ZERO).await;
            }
            for &(template, analysis) in batch {
                let input = CompareInput::of(analysis);
                if send(ToCompareWorker::Text { request: number, template, input }).is_err() {
                    return;
                }
            }
        }
        let _ = send(ToCompareWorker::Compare { request: number, settings, vocabulary });
    });
}

/// Stops the comparison running, if any: its worker is terminated (the only
/// way to stop one mid-computation) and an answer still on its way is
/// ignored, as it no longer answers the current request.
fn stop_running(live: &RefCell<Option<CompareClient>>, current: &Cell<u32>) {
    live.replace(None);
    current.set(current.get().wrapping_add(1));
}

/// Compares `reports` under `settings` while `active`.
#[hook]
pub fn use_comparison(
    reports: &AnalysedReports,
    templates: &AnalysedReports,
    vocabulary: &UserVocabulary,
    settings: CompareSettings,
    active: bool,
) -> ComparisonHandle {
    let status = use_state(ComparisonStatus::default);
    let live: Rc<RefCell<Option<CompareClient>>> = use_mut_ref(|| None);
    let current = use_mut_ref(|| Rc::new(Cell::new(0u32))).borrow().clone();
    // The reports of the latest request, which its answer describes.
    let requested: Rc<RefCell<AnalysedReports>> = use_mut_ref(Vec::new);
    let attempt = use_state(|| 0u32);
    let inputs = (reports.clone(), templates.clone(), vocabulary.clone(), settings, *attempt);
    // The inputs last compared; a view opened again on the same inputs keeps its result.
    let compared: Rc<RefCell<Option<CompareInputs>>> = use_mut_ref(|| None);
    {
        let (status, live, current, requested, compared) =
            (status.clone(), live.clone(), current.clone(), requested.clone(), compared.clone());
        use_effect_with((inputs, active), move |((reports, templates, vocabulary, settings, attempt), active)| {
            let inputs = (reports.clone(), templates.clone(), vocabulary.clone(), *settings, *attempt);
            if *active && compared.borrow().as_ref() != Some(&inputs) {
                if reports.len() < 2 {
                    // A comparison still running (of reports since removed)
                    // is stopped: its answer would describe them.
                    stop_running(&live, &current);
                    status.set(ComparisonStatus::Idle);
                } else {
                    compared.replace(Some(inputs));
                    let request = current.get().wrapping_add(1);
                    current.set(request);
                    requested.replace(reports.clone());
                    if matches!(*status, ComparisonStatus::Failed(_)) {
                        // A failed worker answers nothing more.
                        live.replace(None);
                    }
                    status.set(ComparisonStatus::Running { reports: reports.len(), progress: None });
                    if live.borrow().is_none() {
                        match start_worker(status.clone(), current.clone(), requested.clone(), Rc::downgrade(&live)) {
                            Ok(worker) => {
                                live.replace(Some(worker));
                            }
                            Err(failure) => status.set(ComparisonStatus::Failed(failure)),
                        }
                    }
                    if let Some(worker) = live.borrow().as_ref() {
                        worker.forget_waiting();
                    }
                    let request = SetRequest {
                        number: request,
                        reports: reports.clone(),
                        templates: templates.clone(),
                        settings: *settings,
                        vocabulary: vocabulary.clone(),
                    };
                    send_request(request, live.clone(), current.clone(), status.clone());
                }
            } else if !*active && live.borrow().is_some() && compared.borrow().as_ref() != Some(&inputs) {
                // The reports changed under a comparison no view waits for
                // (one started in the background, and more files dropped):
                // it would describe the reports as they were, and stopped it
                // leaves the cores to their analysis. It starts again once
                // they are analysed.
                stop_running(&live, &current);
                compared.replace(None);
                status.set(ComparisonStatus::Idle);
            }
        });
    }
    let cancel = {
        let (status, live, current) = (status.clone(), live.clone(), current.clone());
        Callback::from(move |()| {
            if matches!(*status, ComparisonStatus::Running { .. }) {
                stop_running(&live, &current);
                status.set(ComparisonStatus::Cancelled);
            }
        })
    };
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    ComparisonHandle { status: (*status).clone(), cancel, retry }
}
