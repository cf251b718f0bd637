//! `use_comparison`: compares the loaded reports in the comparison worker
//! when the comparison view asks for it, shows the worker's progress, and
//! cancels by terminating the worker (the next request starts another).
//!
//! A comparison is asked for only while `active` (the view is open) and
//! redone only when the reports, the settings or the vocabulary change, so
//! switching views never repeats the work.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gongwen_core::compare::CompareSettings;
use gongwen_core::vocabulary::UserVocabulary;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use crate::compare_protocol::{CompareInput, FromCompareWorker, ToCompareWorker};
use crate::comparison::{ComparisonStatus, SetComparison, SharedComparison};
use crate::protocol::{self, BootstrapMessage, ReportId};
use crate::state::AnalysedReports;

/// The worker's bootstrap script, next to `index.html`.
const WORKER_SCRIPT: &str = "./compare-worker.js";

type EventHandler = Closure<dyn FnMut(JsValue)>;

/// A started worker with its handlers (dropped with it).
struct LiveWorker {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    /// The request waiting for the worker to be ready.
    waiting: Rc<RefCell<Option<ToCompareWorker>>>,
    _on_message: EventHandler,
    _on_error: EventHandler,
}

impl Drop for LiveWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

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

/// Posts `message` to `worker` as postcard bytes.
fn post(worker: &Worker, message: &ToCompareWorker) -> Result<(), String> {
    let bytes = protocol::encode(message)?;
    worker.post_message_with_transfer(&bytes, &protocol::transfer_list(&bytes)).map_err(|error| format!("{error:?}"))
}

/// Starts a worker whose answers go to `status` while `request` is current.
fn start_worker(
    status: UseStateHandle<ComparisonStatus>,
    current: Rc<Cell<u32>>,
    ids: Rc<RefCell<Vec<ReportId>>>,
) -> Result<LiveWorker, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker =
        Worker::new_with_options(WORKER_SCRIPT, &options).map_err(|error| format!("无法启动比对线程：{error:?}"))?;
    let ready = Rc::new(Cell::new(false));
    let waiting: Rc<RefCell<Option<ToCompareWorker>>> = Rc::new(RefCell::new(None));
    let on_message = {
        let (status, ready, waiting, worker) = (status.clone(), ready.clone(), waiting.clone(), worker.clone());
        EventHandler::new(move |event: JsValue| {
            let data = event.unchecked_into::<MessageEvent>().data();
            let Some(decoded) = protocol::decode::<FromCompareWorker>(&data) else {
                if let Some(BootstrapMessage::Broken(message) | BootstrapMessage::Trap(message)) =
                    BootstrapMessage::from_js(&data)
                {
                    status.set(ComparisonStatus::Failed(format!("比对线程出错：{message}")));
                }
                return;
            };
            match decoded {
                Ok(FromCompareWorker::Ready) => {
                    ready.set(true);
                    if let Some(message) = waiting.borrow_mut().take()
                        && let Err(error) = post(&worker, &message)
                    {
                        status.set(ComparisonStatus::Failed(format!("无法把报告交给比对线程：{error}")));
                    }
                }
                Ok(FromCompareWorker::Progress { request, progress }) if request == current.get() => {
                    if let ComparisonStatus::Running { reports, .. } = &*status {
                        status.set(ComparisonStatus::Running { reports: *reports, progress: Some(progress) });
                    }
                }
                Ok(FromCompareWorker::Compared { request, comparison, millis }) if request == current.get() => {
                    let ids = ids.borrow().clone();
                    let result = SetComparison { ids, comparison: *comparison, millis };
                    status.set(ComparisonStatus::Ready(SharedComparison(Rc::new(result))));
                }
                Ok(_) => {}
                Err(error) => status.set(ComparisonStatus::Failed(format!("比对线程的回复无法读取：{error}"))),
            }
        })
    };
    let on_error = {
        let status = status.clone();
        EventHandler::new(move |event: JsValue| {
            event.unchecked_ref::<web_sys::Event>().prevent_default();
            status.set(ComparisonStatus::Failed("比对线程意外终止".to_owned()));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(LiveWorker { worker, ready, waiting, _on_message: on_message, _on_error: on_error })
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
    let live: Rc<RefCell<Option<LiveWorker>>> = use_mut_ref(|| None);
    let current = use_mut_ref(|| Rc::new(Cell::new(0u32))).borrow().clone();
    let ids: Rc<RefCell<Vec<ReportId>>> = use_mut_ref(Vec::new);
    let attempt = use_state(|| 0u32);
    let inputs = (reports.clone(), templates.clone(), vocabulary.clone(), settings, *attempt);
    // The inputs last compared; a view opened again on the same inputs keeps its result.
    let compared: Rc<RefCell<Option<CompareInputs>>> = use_mut_ref(|| None);
    {
        let (status, live, current, ids, compared) =
            (status.clone(), live.clone(), current.clone(), ids.clone(), compared.clone());
        use_effect_with((inputs, active), move |((reports, templates, vocabulary, settings, attempt), active)| {
            let inputs = (reports.clone(), templates.clone(), vocabulary.clone(), *settings, *attempt);
            if *active && compared.borrow().as_ref() != Some(&inputs) {
                if reports.len() < 2 {
                    status.set(ComparisonStatus::Idle);
                } else {
                    compared.replace(Some(inputs));
                    let request = current.get().wrapping_add(1);
                    current.set(request);
                    ids.replace(reports.iter().map(|(id, _)| *id).collect());
                    let message = ToCompareWorker::Compare {
                        request,
                        reports: reports.iter().map(|(_, analysis)| CompareInput::of(analysis)).collect(),
                        templates: templates.iter().map(|(_, analysis)| CompareInput::of(analysis)).collect(),
                        settings: *settings,
                        vocabulary: vocabulary.clone(),
                    };
                    status.set(ComparisonStatus::Running { reports: reports.len(), progress: None });
                    if live.borrow().is_none() {
                        match start_worker(status.clone(), current.clone(), ids.clone()) {
                            Ok(worker) => {
                                live.replace(Some(worker));
                            }
                            Err(message) => status.set(ComparisonStatus::Failed(message)),
                        }
                    }
                    if let Some(worker) = live.borrow().as_ref() {
                        if worker.ready.get() {
                            if let Err(error) = post(&worker.worker, &message) {
                                status.set(ComparisonStatus::Failed(format!("无法把报告交给比对线程：{error}")));
                            }
                        } else {
                            worker.waiting.replace(Some(message));
                        }
                    }
                }
            }
        });
    }
    let cancel = {
        let (status, live, current) = (status.clone(), live.clone(), current.clone());
        Callback::from(move |()| {
            if matches!(*status, ComparisonStatus::Running { .. }) {
                // Terminating is the only way to stop a worker mid-computation.
                live.replace(None);
                current.set(current.get().wrapping_add(1));
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
