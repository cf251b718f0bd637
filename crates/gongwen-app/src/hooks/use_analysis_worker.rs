//! `use_analysis_worker`: starts the analysis worker, forwards its messages to
//! the reducer, queues messages until its dictionary is ready, and replaces
//! the worker when it dies.
//!
//! Release builds abort on panic, so a bug the core hits on one file traps
//! the worker's wasm instance for good. `worker.js` reports the trap; the
//! connection then reports the file being analysed as failed, starts a new
//! worker, gives it the user's vocabulary and every file it held (read again
//! from the browser's `File`s: the page keeps no second copy of the bytes),
//! and the remaining files are analysed as if nothing had happened. A file
//! whose analysis outlives [`ANALYSIS_TIME_BUDGET`] is treated the same way.
//!
//! Two answers send work back to the page: a ZIP archive comes back as its
//! files ([`FromWorker::Unpacked`]), each then sent as a file of its own, and
//! a PDF comes back for its text ([`FromWorker::NeedsPdfText`]), which pdf.js
//! extracts on the page's side (its own worker does the parsing) before the
//! text items go to the worker.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

use std::time::Duration;

use gongwen_core::ReadLimits;
use gongwen_core::vocabulary::UserVocabulary;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use crate::incoming_file::IncomingFile;
use crate::pdf_reader::extract_pdf_pages;
use crate::protocol::{self, BootstrapMessage, FromWorker, ReportId, ToWorker, UnpackedEntry};
use crate::state::{Action, AddedFile, AppState};

/// The worker's bootstrap script, next to `index.html`.
const WORKER_SCRIPT: &str = "./worker.js";

/// What a file gets when the worker died analysing it.
pub const CRASH_MESSAGE: &str = "分析此文件时出错（程序异常），已跳过；其余文件继续分析";

/// How long one file's analysis may take before the worker is replaced and
/// the file reported as abandoned.
pub const ANALYSIS_TIME_BUDGET: Duration = Duration::from_secs(60);

/// What a file gets when its analysis took too long.
pub const TIMEOUT_MESSAGE: &str = "分析此文件超过 60 秒，已放弃；其余文件继续分析";

/// Crashes in a row that cannot be pinned on a file (say, while rebuilding
/// the dictionary with the user's words) before the page gives up instead of
/// restarting the worker for ever.
const MAX_UNEXPLAINED_CRASHES: u32 = 2;

/// The URL parameter that exposes the resilience test's hook.
const SELFTEST_PARAMETER: &str = "selftest";

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

/// One running worker and the handlers that must live as long as it.
struct LiveWorker {
    worker: Worker,
    _on_message: EventHandler,
    _on_error: EventHandler,
}

impl Drop for LiveWorker {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// A file the worker holds, as the page can give it again.
struct KeptFile {
    file: IncomingFile,
    /// Sent for analysis and not answered yet.
    pending: bool,
}

/// The page's side of the worker, which outlives any one worker.
struct Connection {
    dispatch: UseReducerDispatcher<AppState>,
    this: Weak<Connection>,
    live: RefCell<Option<LiveWorker>>,
    /// Counts workers started, so that events of a replaced one are ignored.
    generation: Cell<u32>,
    ready: Cell<bool>,
    queue: RefCell<Vec<ToWorker>>,
    /// What the worker holds, to give a replacement the same.
    files: RefCell<BTreeMap<ReportId, KeptFile>>,
    /// The file the worker said it is analysing.
    analysing: Cell<Option<ReportId>>,
    /// The vocabulary the worker was last configured with.
    vocabulary: RefCell<UserVocabulary>,
    /// Crashes in a row that no announced file explains.
    unexplained_crashes: Cell<u32>,
    /// The resilience test's request: crash instead of analysing the file of
    /// this name.
    crash_on: RefCell<Option<String>>,
    /// The last id given to a file.
    last_id: Cell<ReportId>,
    /// Counts analyses started, so that a time-out fires only for the one it
    /// was set for.
    analyses_started: Cell<u64>,
}

impl AnalysisWorker {
    /// A new id for a file.
    pub fn next_id(&self) -> ReportId {
        self.connection.next_id()
    }

    /// The bytes of all files the worker holds or is being given.
    pub fn held_bytes(&self) -> u64 {
        self.connection.files.borrow().values().map(|kept| u64::try_from(kept.file.size()).unwrap_or(u64::MAX)).sum()
    }

    /// Sends a file for analysis. Returns an error message if it cannot be
    /// sent at all.
    pub fn analyze(&self, id: ReportId, file: IncomingFile, bytes: Vec<u8>) -> Result<(), String> {
        let connection = &self.connection;
        let name = file.name();
        let crash = connection.crash_on.borrow().as_deref() == Some(name.as_str());
        let message = if crash {
            connection.crash_on.replace(None);
            ToWorker::Crash { id }
        } else {
            ToWorker::Analyze { id, name, bytes }
        };
        connection.files.borrow_mut().insert(id, KeptFile { file, pending: true });
        connection.send(message)
    }

    /// The user removed a file: the worker drops its bytes.
    pub fn forget(&self, id: ReportId) {
        self.connection.files.borrow_mut().remove(&id);
        // A worker that cannot be reached holds no bytes to forget.
        let _ = self.connection.send(ToWorker::Forget { id });
    }

    /// Uses the user's vocabulary from now on; every file is analysed again.
    pub fn configure(&self, vocabulary: UserVocabulary) -> Result<(), String> {
        let connection = &self.connection;
        connection.vocabulary.replace(vocabulary.clone());
        for file in connection.files.borrow_mut().values_mut() {
            file.pending = true;
        }
        connection.send(ToWorker::Configure { vocabulary })
    }
}

/// The action for a message that could not be sent.
fn failed_message(message: &ToWorker, error: &str) -> Action {
    let error = format!("无法发送到分析线程：{error}");
    match message {
        ToWorker::Analyze { id, .. }
        | ToWorker::AnalyzePdf { id, .. }
        | ToWorker::Keep { id, .. }
        | ToWorker::Crash { id } => Action::Analyzed { id: *id, result: Err(error) },
        ToWorker::Configure { .. } | ToWorker::Forget { .. } => Action::DictionaryBroken(error),
    }
}

impl Connection {
    fn next_id(&self) -> ReportId {
        let id = self.last_id.get() + 1;
        self.last_id.set(id);
        id
    }

    /// Sends a message now, or as soon as the dictionary is ready (queued
    /// messages keep their order).
    fn send(&self, message: ToWorker) -> Result<(), String> {
        if self.ready.get() {
            self.post(&message)
        } else {
            self.queue.borrow_mut().push(message);
            Ok(())
        }
    }

    fn post(&self, message: &ToWorker) -> Result<(), String> {
        let live = self.live.borrow();
        let worker = &live.as_ref().ok_or("分析线程没有启动")?.worker;
        let bytes = protocol::encode(message)?;
        worker
            .post_message_with_transfer(&bytes, &protocol::transfer_list(&bytes))
            .map_err(|error| format!("{error:?}"))
    }

    fn flush(&self) {
        let queued: Vec<ToWorker> = self.queue.borrow_mut().drain(..).collect();
        for message in queued {
            if let Err(error) = self.post(&message) {
                self.dispatch.dispatch(failed_message(&message, &error));
            }
        }
    }

    /// Starts a worker and installs its handlers.
    fn start(&self) {
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        self.ready.set(false);
        self.analysing.set(None);
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = match Worker::new_with_options(WORKER_SCRIPT, &options) {
            Ok(worker) => worker,
            Err(error) => {
                self.live.replace(None);
                self.dispatch.dispatch(Action::DictionaryBroken(format!("无法启动分析线程：{error:?}")));
                return;
            }
        };
        let this = self.this.clone();
        let on_message = EventHandler::new(move |event: JsValue| {
            let event: MessageEvent = event.unchecked_into();
            if let Some(connection) = this.upgrade() {
                connection.on_message(generation, &event.data());
            }
        });
        let this = self.this.clone();
        let on_error = EventHandler::new(move |event: JsValue| {
            // Handled here: the page reports it in Chinese, not as an
            // uncaught error on the console.
            event.unchecked_ref::<web_sys::Event>().prevent_default();
            if let Some(connection) = this.upgrade() {
                let detail = js_sys::Reflect::get(&event, &"message".into())
                    .ok()
                    .and_then(|message| message.as_string())
                    .unwrap_or_default();
                connection.on_crash(generation, detail);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.live.replace(Some(LiveWorker { worker, _on_message: on_message, _on_error: on_error }));
    }

    fn on_message(&self, generation: u32, data: &JsValue) {
        if generation != self.generation.get() {
            return;
        }
        let Some(decoded) = protocol::decode::<FromWorker>(data) else {
            match BootstrapMessage::from_js(data) {
                Some(BootstrapMessage::Trap(detail)) => self.on_crash(generation, detail),
                Some(BootstrapMessage::Broken(message)) => self.dispatch.dispatch(Action::DictionaryBroken(message)),
                None => web_sys::console::error_2(&"gongwen: unreadable worker message".into(), data),
            }
            return;
        };
        match decoded {
            Ok(FromWorker::Ready { load_millis }) => {
                self.dispatch.dispatch(Action::DictionaryReady { load_millis });
                self.ready.set(true);
                self.flush();
            }
            Ok(FromWorker::Broken { message }) => self.dispatch.dispatch(Action::DictionaryBroken(message)),
            Ok(FromWorker::Analyzing { id }) => {
                self.analysing.set(Some(id));
                self.watch_time_budget(generation, id);
            }
            Ok(FromWorker::Unpacked { id, entries }) => {
                self.analysing.set(None);
                self.on_unpacked(id, entries);
            }
            Ok(FromWorker::NeedsPdfText { id }) => {
                self.analysing.set(None);
                self.read_pdf(id);
            }
            Ok(FromWorker::Analyzed { id, result, .. }) => {
                self.analysing.set(None);
                self.unexplained_crashes.set(0);
                if let Some(file) = self.files.borrow_mut().get_mut(&id) {
                    file.pending = false;
                }
                let result = result.map(|wire| Box::new((*wire).into()));
                self.dispatch.dispatch(Action::Analyzed { id, result });
            }
            Err(error) => {
                web_sys::console::error_2(&"gongwen: unreadable worker message".into(), &error.into());
            }
        }
    }

    /// Abandons the analysis of `id` if it is still running when the time
    /// budget is spent: the worker is replaced as if it had crashed.
    fn watch_time_budget(&self, generation: u32, id: ReportId) {
        let started = self.analyses_started.get() + 1;
        self.analyses_started.set(started);
        let this = self.this.clone();
        wasm_bindgen_futures::spawn_local(async move {
            yew::platform::time::sleep(ANALYSIS_TIME_BUDGET).await;
            let Some(connection) = this.upgrade() else { return };
            let still_running = connection.generation.get() == generation
                && connection.analysing.get() == Some(id)
                && connection.analyses_started.get() == started;
            if still_running {
                connection.recover_with(generation, "time budget spent", TIMEOUT_MESSAGE);
            }
        });
    }

    /// An archive came back as its files: each becomes a file of its own,
    /// named `archive.zip/path`, in place of the archive.
    fn on_unpacked(&self, id: ReportId, entries: Vec<UnpackedEntry>) {
        let Some(archive) = self.files.borrow_mut().remove(&id) else { return };
        let archive_name = archive.file.name();
        let mut added = Vec::with_capacity(entries.len());
        let mut unreadable = Vec::new();
        let mut to_send = Vec::new();
        for entry in entries {
            let name = format!("{archive_name}/{}", entry.path);
            let new_id = self.next_id();
            match entry.bytes {
                Ok(bytes) => {
                    let bytes: Rc<[u8]> = bytes.into_vec().into();
                    added.push(AddedFile { id: new_id, name: name.clone(), size: bytes.len() });
                    to_send.push((new_id, IncomingFile::Unpacked { name, bytes }));
                }
                Err(message) => {
                    let file = AddedFile { id: new_id, name, size: 0 };
                    added.push(file.clone());
                    unreadable.push((file, message));
                }
            }
        }
        if added.is_empty() {
            self.dispatch
                .dispatch(Action::Analyzed { id, result: Err("压缩包中没有可读取的文件".to_owned()) });
            return;
        }
        self.dispatch.dispatch(Action::FilesAdded(added));
        self.dispatch.dispatch(Action::Remove(id));
        for (file, message) in unreadable {
            self.dispatch.dispatch(Action::FileUnreadable { file, message });
        }
        for (new_id, file) in to_send {
            let IncomingFile::Unpacked { name, bytes } = &file else { continue };
            let message = ToWorker::Analyze { id: new_id, name: name.clone(), bytes: bytes.to_vec() };
            self.files.borrow_mut().insert(new_id, KeptFile { file, pending: true });
            if let Err(error) = self.send(message) {
                self.files.borrow_mut().remove(&new_id);
                self.dispatch.dispatch(Action::Analyzed { id: new_id, result: Err(error) });
            }
        }
    }

    /// A PDF came back for its text: pdf.js reads it (showing progress page by
    /// page), then its text items go to the worker.
    fn read_pdf(&self, id: ReportId) {
        let Some(file) = self.files.borrow().get(&id).map(|kept| kept.file.clone()) else { return };
        self.dispatch.dispatch(Action::Reading { id, done: 0, total: 0 });
        let this = self.this.clone();
        let dispatch = self.dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let limits = ReadLimits::default();
            let extracted = match file.read().await {
                Ok(bytes) => {
                    let dispatch = dispatch.clone();
                    extract_pdf_pages(&bytes, &limits, move |done, total| {
                        dispatch.dispatch(Action::Reading { id, done, total });
                    })
                    .await
                }
                Err(message) => Err(message),
            };
            let Some(connection) = this.upgrade() else { return };
            // The user may have removed it meanwhile.
            if !connection.files.borrow().contains_key(&id) {
                return;
            }
            let sent = extracted.and_then(|(pages, total_pages)| {
                connection.send(ToWorker::AnalyzePdf { id, name: file.name(), pages, total_pages })
            });
            if let Err(message) = sent {
                connection.files.borrow_mut().remove(&id);
                dispatch.dispatch(Action::Analyzed { id, result: Err(message) });
            }
        });
    }

    /// The worker `generation` died. Runs after the current event handler
    /// returns, since replacing the worker drops that handler.
    fn on_crash(&self, generation: u32, detail: String) {
        let this = self.this.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(connection) = this.upgrade() {
                connection.recover(generation, &detail);
            }
        });
    }

    fn recover(&self, generation: u32, detail: &str) {
        self.recover_with(generation, detail, CRASH_MESSAGE);
    }

    /// Replaces the worker `generation`, failing the file it was analysing
    /// with `message`.
    fn recover_with(&self, generation: u32, detail: &str, message: &str) {
        if generation != self.generation.get() {
            return;
        }
        web_sys::console::warn_2(&"gongwen: the analysis worker crashed; starting a new one".into(), &detail.into());
        if !self.ready.get() {
            // It died loading the dictionary: a new one would too.
            self.live.replace(None);
            let message = format!(
                "分析线程加载失败：{}",
                if detail.is_empty() { "worker.js 或其 wasm 文件无法加载" } else { detail }
            );
            self.dispatch.dispatch(Action::DictionaryBroken(message));
            return;
        }
        // Only a file the worker announced is blamed: a crash elsewhere (say,
        // building the dictionary with the user's words) says nothing about
        // the files waiting.
        match self.analysing.take() {
            Some(id) => {
                self.files.borrow_mut().remove(&id);
                self.dispatch.dispatch(Action::Analyzed { id, result: Err(message.to_owned()) });
            }
            None => {
                let crashes = self.unexplained_crashes.get() + 1;
                self.unexplained_crashes.set(crashes);
                if crashes > MAX_UNEXPLAINED_CRASHES {
                    self.live.replace(None);
                    self.dispatch.dispatch(Action::DictionaryBroken(format!("分析线程反复出错，已停止：{detail}")));
                    return;
                }
            }
        }
        self.queue.borrow_mut().clear();
        self.start();
        let vocabulary = self.vocabulary.borrow().clone();
        if !vocabulary.is_empty() {
            self.queue.borrow_mut().push(ToWorker::Configure { vocabulary });
        }
        let files: Vec<(ReportId, IncomingFile, bool)> =
            self.files.borrow().iter().map(|(id, kept)| (*id, kept.file.clone(), kept.pending)).collect();
        for (id, file, pending) in files {
            let this = self.this.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = file.read().await;
                let Some(connection) = this.upgrade() else { return };
                // The user may have removed it meanwhile.
                if !connection.files.borrow().contains_key(&id) {
                    return;
                }
                let sent = read.and_then(|bytes| {
                    let name = file.name();
                    connection.send(if pending {
                        ToWorker::Analyze { id, name, bytes }
                    } else {
                        ToWorker::Keep { id, name, bytes }
                    })
                });
                if let Err(message) = sent {
                    connection.files.borrow_mut().remove(&id);
                    connection.dispatch.dispatch(Action::Analyzed { id, result: Err(message) });
                }
            });
        }
    }
}

/// Whether the page was opened with `?selftest`.
fn selftest_requested() -> bool {
    let search = web_sys::window().and_then(|window| window.location().search().ok()).unwrap_or_default();
    search.trim_start_matches('?').split('&').any(|pair| pair.split('=').next() == Some(SELFTEST_PARAMETER))
}

/// With `?selftest`, exposes `window.__gongwenSelftest.crashWhileAnalyzing(name)`:
/// the next file of that name makes the worker panic instead of being
/// analysed. Nothing in the page's interface reaches it.
fn install_selftest_hook(connection: &Rc<Connection>) {
    let Some(window) = web_sys::window() else { return };
    let this = Rc::downgrade(connection);
    let crash = Closure::<dyn Fn(String)>::new(move |name: String| {
        if let Some(connection) = this.upgrade() {
            connection.crash_on.replace(Some(name));
        }
    });
    let hook = js_sys::Object::new();
    let installed = js_sys::Reflect::set(&hook, &"crashWhileAnalyzing".into(), crash.as_ref())
        .and_then(|_| js_sys::Reflect::set(&window, &"__gongwenSelftest".into(), &hook));
    if installed.is_ok() {
        // The hook lives as long as the page.
        crash.forget();
    }
}

/// Starts the worker on first render and returns the handle to it.
#[hook]
pub fn use_analysis_worker(dispatch: UseReducerDispatcher<AppState>) -> AnalysisWorker {
    let connection = use_memo((), move |_| {
        let connection = Rc::new_cyclic(|this| Connection {
            dispatch,
            this: this.clone(),
            live: RefCell::new(None),
            generation: Cell::new(0),
            ready: Cell::new(false),
            queue: RefCell::new(Vec::new()),
            files: RefCell::new(BTreeMap::new()),
            analysing: Cell::new(None),
            vocabulary: RefCell::new(UserVocabulary::default()),
            unexplained_crashes: Cell::new(0),
            crash_on: RefCell::new(None),
            last_id: Cell::new(0),
            analyses_started: Cell::new(0),
        });
        connection.start();
        if selftest_requested() {
            install_selftest_hook(&connection);
        }
        connection
    });
    AnalysisWorker { connection: Rc::clone(&*connection) }
}
