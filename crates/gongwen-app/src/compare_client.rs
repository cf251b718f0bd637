//! The page's end of a comparison worker: starts one (`compare-worker.js`),
//! holds a request until the worker says it is ready, hands every answer and
//! every failure (the module did not start, a trap, an unreadable reply) to
//! the caller, and terminates the worker when dropped — the only way to stop
//! it mid-computation. `use_comparison` and `use_year_comparison` each keep
//! one, so a set comparison and a year-over-year one never wait for each
//! other and are cancelled separately.
//!
//! A failure is a [`CompareFailure`], told in the page's language where it
//! is shown ([`CompareFailure::describe`]).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::compare_protocol::{FromCompareWorker, ToCompareWorker};
use crate::i18n::{Bilingual, Language};
use crate::protocol::{self, BootstrapMessage};

/// The worker's bootstrap script, next to `index.html`.
const WORKER_SCRIPT: &str = "./compare-worker.js";

type EventHandler = Closure<dyn FnMut(JsValue)>;

/// Why a comparison worker failed, with the browser's or the decoder's own
/// words (in English) where there are any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareFailure {
    /// The worker could not be started.
    Start(String),
    /// The worker's module broke or trapped.
    Broken(String),
    /// A request could not be posted to the worker.
    Post(String),
    /// The worker's reply could not be decoded.
    Reply(String),
    /// The worker died.
    Died,
}

impl CompareFailure {
    /// The failure in both languages.
    pub fn message(&self) -> Bilingual {
        match self {
            Self::Start(error) => {
                Bilingual::with_reason("无法启动比对线程", "Could not start the comparison worker", error)
            }
            Self::Broken(error) => Bilingual::with_reason("比对线程出错", "The comparison worker failed", error),
            Self::Post(error) => Bilingual::with_reason(
                "无法把报告交给比对线程",
                "Could not hand the reports to the comparison worker",
                error,
            ),
            Self::Reply(error) => {
                Bilingual::with_reason("比对线程的回复无法读取", "Could not read the comparison worker's reply", error)
            }
            Self::Died => Bilingual::new("比对线程意外终止", "The comparison worker stopped unexpectedly"),
        }
    }

    /// The failure as the page tells it in `language`.
    pub fn describe(&self, language: Language) -> String {
        self.message().text(language).to_owned()
    }
}

/// A started comparison worker with its handlers (dropped with it).
pub struct CompareClient {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    /// The messages waiting for the worker to be ready, in order, encoded
    /// (a comparison's texts are borrowed from the page's reports while
    /// they are encoded, not copied to wait).
    waiting: Rc<RefCell<Vec<js_sys::Uint8Array>>>,
    _on_message: EventHandler,
    _on_error: EventHandler,
}

impl Drop for CompareClient {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// Posts a message's postcard `bytes` to `worker`, moving them.
fn post(worker: &Worker, bytes: &js_sys::Uint8Array) -> Result<(), String> {
    worker.post_message_with_transfer(bytes, &protocol::transfer_list(bytes)).map_err(|error| format!("{error:?}"))
}

impl CompareClient {
    /// Starts a worker whose answers (other than its readiness) go to
    /// `on_answer` and whose failures to `on_failure`, to be told in the
    /// page's language where they are shown.
    pub fn start_with_failures(
        on_answer: impl Fn(FromCompareWorker) + 'static,
        on_failure: impl Fn(CompareFailure) + 'static,
    ) -> Result<Self, CompareFailure> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(WORKER_SCRIPT, &options)
            .map_err(|error| CompareFailure::Start(format!("{error:?}")))?;
        let ready = Rc::new(Cell::new(false));
        let waiting: Rc<RefCell<Vec<js_sys::Uint8Array>>> = Rc::new(RefCell::new(Vec::new()));
        let on_failure = Rc::new(on_failure);
        let on_message = {
            let (ready, waiting, worker, on_failure) =
                (ready.clone(), waiting.clone(), worker.clone(), on_failure.clone());
            EventHandler::new(move |event: JsValue| {
                let data = event.unchecked_into::<MessageEvent>().data();
                let Some(decoded) = protocol::decode::<FromCompareWorker>(&data) else {
                    if let Some(BootstrapMessage::Broken(message) | BootstrapMessage::Trap(message)) =
                        BootstrapMessage::from_js(&data)
                    {
                        on_failure(CompareFailure::Broken(message));
                    }
                    return;
                };
                match decoded {
                    Ok(FromCompareWorker::Ready) => {
                        ready.set(true);
                        let waiting: Vec<js_sys::Uint8Array> = waiting.take();
                        if let Some(error) = waiting.iter().find_map(|bytes| post(&worker, bytes).err()) {
                            on_failure(CompareFailure::Post(error));
                        }
                    }
                    Ok(answer) => on_answer(answer),
                    Err(error) => on_failure(CompareFailure::Reply(error)),
                }
            })
        };
        let on_error = EventHandler::new(move |event: JsValue| {
            event.unchecked_ref::<web_sys::Event>().prevent_default();
            on_failure(CompareFailure::Died);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self { worker, ready, waiting, _on_message: on_message, _on_error: on_error })
    }

    /// Sends `message` now, or once the worker is ready (replacing every
    /// message that was still waiting: a newer request supersedes them).
    pub fn send(&self, message: &ToCompareWorker<'_>) -> Result<(), CompareFailure> {
        self.forget_waiting();
        self.queue(message)
    }

    /// Drops every message still waiting for the worker to be ready: a
    /// newer request, queued next, supersedes them.
    pub fn forget_waiting(&self) {
        self.waiting.borrow_mut().clear();
    }

    /// Sends `message` now, or once the worker is ready, after every message
    /// waiting before it.
    pub fn queue(&self, message: &ToCompareWorker<'_>) -> Result<(), CompareFailure> {
        let bytes = protocol::encode(message).map_err(CompareFailure::Post)?;
        if self.ready.get() {
            post(&self.worker, &bytes).map_err(CompareFailure::Post)
        } else {
            self.waiting.borrow_mut().push(bytes);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_told_in_either_language() {
        let failure = CompareFailure::Post("DataCloneError".to_owned());
        assert_eq!(failure.describe(Language::Chinese), "无法把报告交给比对线程：DataCloneError");
        assert_eq!(
            failure.describe(Language::English),
            "Could not hand the reports to the comparison worker: DataCloneError"
        );
        assert_eq!(CompareFailure::Died.describe(Language::Chinese), "比对线程意外终止");
        assert_eq!(CompareFailure::Died.describe(Language::English), "The comparison worker stopped unexpectedly");
    }
}
