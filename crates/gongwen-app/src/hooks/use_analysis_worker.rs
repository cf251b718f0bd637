//! `use_analysis_worker`: starts the analysis worker once, forwards its
//! messages to the reducer, and queues files until its dictionary is ready.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use crate::protocol::{FromWorker, ToWorker};
use crate::state::{Action, AppState};

/// The worker's bootstrap script, next to `index.html`.
const WORKER_SCRIPT: &str = "./worker.js";

/// A handle to post work to the analysis worker.
#[derive(Clone)]
pub struct AnalysisWorker {
    connection: Rc<Connection>,
}

impl PartialEq for AnalysisWorker {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.connection, &other.connection)
    }
}

/// A handler the worker calls with an event.
type EventHandler = Closure<dyn FnMut(JsValue)>;

struct Connection {
    worker: Option<Worker>,
    ready: Cell<bool>,
    queue: RefCell<Vec<ToWorker>>,
    /// Keeps the message and error handlers alive as long as the worker.
    _handlers: RefCell<Vec<EventHandler>>,
}

impl Connection {
    fn post(&self, message: &ToWorker) -> Result<(), String> {
        let worker = self.worker.as_ref().ok_or("分析线程没有启动")?;
        let value = serde_wasm_bindgen::to_value(message).map_err(|error| error.to_string())?;
        worker.post_message(&value).map_err(|error| format!("{error:?}"))
    }

    fn flush(&self) -> Vec<(ToWorker, String)> {
        let queued: Vec<ToWorker> = self.queue.borrow_mut().drain(..).collect();
        queued.into_iter().filter_map(|message| self.post(&message).err().map(|error| (message, error))).collect()
    }
}

impl AnalysisWorker {
    /// Sends a message now, or as soon as the dictionary is ready (queued
    /// messages keep their order). Returns an error message if it cannot be
    /// sent at all.
    pub fn send(&self, message: ToWorker) -> Result<(), String> {
        if self.connection.ready.get() {
            self.connection.post(&message)
        } else {
            self.connection.queue.borrow_mut().push(message);
            Ok(())
        }
    }
}

/// The action for a queued message that could not be sent.
fn failed_message(message: &ToWorker, error: &str) -> Action {
    let error = format!("无法发送到分析线程：{error}");
    match message {
        ToWorker::Analyze { id, .. } => Action::Analyzed { id: *id, result: Err(error) },
        ToWorker::Configure { .. } | ToWorker::Forget { .. } => Action::DictionaryBroken(error),
    }
}

/// Starts the worker on first render and returns the handle to it.
#[hook]
pub fn use_analysis_worker(dispatch: UseReducerDispatcher<AppState>) -> AnalysisWorker {
    let connection = use_memo((), move |_| start_worker(dispatch));
    AnalysisWorker { connection: Rc::clone(&connection) }
}

fn start_worker(dispatch: UseReducerDispatcher<AppState>) -> Rc<Connection> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(WORKER_SCRIPT, &options);
    let connection = Rc::new(Connection {
        worker: worker.as_ref().ok().cloned(),
        ready: Cell::new(false),
        queue: RefCell::new(Vec::new()),
        _handlers: RefCell::new(Vec::new()),
    });
    let worker = match worker {
        Ok(worker) => worker,
        Err(error) => {
            dispatch.dispatch(Action::DictionaryBroken(format!("无法启动分析线程：{error:?}")));
            return connection;
        }
    };
    let weak = Rc::downgrade(&connection);
    let on_message_dispatch = dispatch.clone();
    let on_message = EventHandler::new(move |event: JsValue| {
        let dispatch = &on_message_dispatch;
        let event: MessageEvent = event.unchecked_into();
        match serde_wasm_bindgen::from_value::<FromWorker>(event.data()) {
            Ok(FromWorker::Ready { load_millis }) => {
                dispatch.dispatch(Action::DictionaryReady { load_millis });
                if let Some(connection) = weak.upgrade() {
                    connection.ready.set(true);
                    for (message, error) in connection.flush() {
                        dispatch.dispatch(failed_message(&message, &error));
                    }
                }
            }
            Ok(FromWorker::Broken { message }) => dispatch.dispatch(Action::DictionaryBroken(message)),
            Ok(FromWorker::Analyzed { id, result, .. }) => dispatch.dispatch(Action::Analyzed { id, result }),
            Err(error) => {
                web_sys::console::error_2(&"gongwen: unreadable worker message".into(), &error.into());
            }
        }
    });
    let on_error = EventHandler::new(move |_event: JsValue| {
        dispatch.dispatch(Action::DictionaryBroken("分析线程加载失败：worker.js 或其 wasm 文件无法加载".to_owned()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    connection._handlers.borrow_mut().extend([on_message, on_error]);
    connection
}
