//! `use_analysis_worker`: runs the pool of analysis workers, gives each file
//! to a worker as one becomes free, forwards their answers to the reducer (a
//! batch at a time), cancels, and replaces a worker that dies.
//!
//! The pool has [`pool_size`] workers, each with its own dictionary (loading
//! it takes half a second or more in wasm, always in the worker). The page
//! keeps the queue: a worker is given a few files at a time
//! ([`FILES_IN_FLIGHT`], [`BYTES_IN_FLIGHT`]), so a worker that is free takes
//! the next files and the pool stays busy until the queue is empty. Files
//! are read from the browser's `File`s only when they are given to a worker,
//! so the page holds no copy of a large drop's bytes. A worker keeps nothing
//! between files: a change of vocabulary reconfigures every worker and
//! queues every file again.
//!
//! Release builds abort on panic, so a bug the core hits on one file traps
//! that worker's wasm instance for good. `worker.js` reports the trap; the
//! pool reports the file the worker announced as failed, puts the worker's
//! other files back at the head of the queue and starts a new worker in its
//! place. A file whose analysis outlives [`ANALYSIS_TIME_BUDGET`] is treated
//! the same way; so is 「取消」, which empties the queue and replaces every
//! busy worker (terminating is the only way to stop one mid-file).
//!
//! Two answers send work back to the page: a ZIP archive comes back as its
//! files ([`FromWorker::Unpacked`]), each then queued as a file of its own,
//! and a PDF comes back for its text ([`FromWorker::NeedsPdfText`]), which
//! pdf.js extracts on the page's side (its own worker does the parsing)
//! before the text items are queued.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::rc::{Rc, Weak};
use std::time::Duration;

use gongwen_core::ReadLimits;
use gongwen_core::vocabulary::UserVocabulary;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use crate::i18n::Bilingual;
use crate::incoming_file::IncomingFile;
use crate::pdf_reader::extract_pdf_pages;
use crate::protocol::{self, BootstrapMessage, FromWorker, ReportId, ToWorker, UnpackedEntry};
use crate::state::{Action, AddedFile, AnalysisResult, AppState};

/// The worker's bootstrap script, next to `index.html`.
const WORKER_SCRIPT: &str = "./worker.js";

/// What a file gets when the worker died analysing it.
pub fn crash_message() -> Bilingual {
    Bilingual::new(
        "分析此文件时出错（程序异常），已跳过；其余文件继续分析",
        "The analysis of this file failed (a program error): skipped; the other files go on",
    )
}

/// How long one file's analysis may take before the worker is replaced and
/// the file reported as abandoned.
pub const ANALYSIS_TIME_BUDGET: Duration = Duration::from_secs(60);

/// What a file gets when its analysis took too long.
pub fn timeout_message() -> Bilingual {
    Bilingual::new(
        "分析此文件超过 60 秒，已放弃；其余文件继续分析",
        "The analysis of this file took over 60 seconds: abandoned; the other files go on",
    )
}

/// What a file gets when the user cancelled before it was analysed.
pub fn cancelled_message() -> Bilingual {
    Bilingual::new("已取消分析", "Analysis cancelled")
}

/// Crashes in a row that cannot be pinned on a file (say, while rebuilding
/// the dictionary with the user's words) before the page gives up instead of
/// restarting a worker for ever.
const MAX_UNEXPLAINED_CRASHES: u32 = 2;

/// The fewest workers of the pool, whatever the browser says of its cores.
const MIN_WORKERS: usize = 2;

/// The most workers of the pool: each holds a dictionary (tens of MB) and
/// loads it on start, and the page's thread needs a core too.
const MAX_WORKERS: usize = 4;

/// How many files a worker is given at a time: the next files are already
/// posted when one is done, so a worker does not wait while the page's
/// thread renders.
const FILES_IN_FLIGHT: usize = 8;

/// How many bytes a worker is given at a time, beyond its first file: a
/// large file is not queued behind another.
const BYTES_IN_FLIGHT: usize = 4 << 20;

/// How long answers are gathered before the page renders them, at least:
/// one render per batch, not per report, keeps a large drop from
/// re-rendering the list a thousand times.
const BATCH_DELAY: Duration = Duration::from_millis(50);

/// How much longer per loaded file: rendering the list costs more as it
/// grows, so a thousand files are rendered four times a second.
const BATCH_DELAY_PER_FILE: Duration = Duration::from_micros(200);

/// The URL parameter that exposes the resilience test's hook.
const SELFTEST_PARAMETER: &str = "selftest";

/// How many workers the pool runs: the browser's logical cores, within
/// [`MIN_WORKERS`] and [`MAX_WORKERS`].
pub fn pool_size() -> usize {
    pool_size_for(web_sys::window().map_or(0.0, |window| window.navigator().hardware_concurrency()))
}

/// The pool's size on a machine with `cores` logical cores.
fn pool_size_for(cores: f64) -> usize {
    // A core count is a small whole number (0 when the browser hides it).
    (cores.max(0.0) as usize).clamp(MIN_WORKERS, MAX_WORKERS)
}

/// A handle to post work to the pool.
#[derive(Clone)]
pub struct AnalysisWorker {
    connection: Rc<Connection>,
}

impl PartialEq for AnalysisWorker {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.connection, &other.connection)
    }
}

/// A handler a worker calls with an event.
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

/// A place in the pool, which outlives the workers that fill it.
#[derive(Default)]
struct Slot {
    live: Option<LiveWorker>,
    /// The generation of the worker in this slot: events of a replaced one
    /// are ignored.
    generation: u32,
    /// Whether its dictionary is loaded.
    ready: bool,
    /// Messages for the worker that wait for its dictionary (the user's
    /// vocabulary).
    held: Vec<ToWorker>,
    /// The files given to it and not answered yet, each with the vocabulary
    /// epoch it was given in.
    given: BTreeMap<ReportId, u32>,
    /// The file the worker said it is analysing.
    analysing: Option<ReportId>,
    /// Crashes in a row that no announced file explains.
    unexplained_crashes: u32,
}

/// Work waiting for a free worker.
enum Job {
    /// Analyse a file, read from the browser when it is given to a worker.
    File(ReportId),
    /// Analyse a PDF's text, extracted on the page.
    PdfText(ReportId, ToWorker),
}

impl Job {
    fn id(&self) -> ReportId {
        match self {
            Job::File(id) | Job::PdfText(id, _) => *id,
        }
    }
}

/// The page's side of the pool.
struct Connection {
    dispatch: UseReducerDispatcher<AppState>,
    this: Weak<Connection>,
    slots: RefCell<Vec<Slot>>,
    /// Counts workers started, so that every worker has its own generation.
    generations: Cell<u32>,
    /// Work for the next free worker, in order.
    queue: RefCell<VecDeque<Job>>,
    /// Every file the pool may have to analyse (again): pending or done.
    files: RefCell<BTreeMap<ReportId, IncomingFile>>,
    /// The PDFs whose text the page is extracting.
    reading: RefCell<BTreeSet<ReportId>>,
    /// The vocabulary the workers are configured with.
    vocabulary: RefCell<UserVocabulary>,
    /// Counts vocabulary changes: an answer for a file given before the last
    /// change is stale.
    epoch: Cell<u32>,
    /// Answers not yet handed to the reducer.
    batch: RefCell<Vec<AnalysisResult>>,
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

    /// How many workers the pool runs.
    pub fn workers(&self) -> usize {
        self.connection.slots.borrow().len()
    }

    /// The bytes of all files the pool holds or is being given.
    pub fn held_bytes(&self) -> u64 {
        self.connection.files.borrow().values().map(|file| u64::try_from(file.size()).unwrap_or(u64::MAX)).sum()
    }

    /// Every file the pool holds (pending or analysed), with its report's id.
    pub fn files(&self) -> Vec<(ReportId, IncomingFile)> {
        self.connection.files.borrow().iter().map(|(id, file)| (*id, file.clone())).collect()
    }

    /// Queues a file for analysis; it is read when a worker is free (by that
    /// worker, for a file the user picked or dropped).
    pub fn analyze(&self, id: ReportId, file: IncomingFile) {
        self.connection.files.borrow_mut().insert(id, file);
        self.connection.queue.borrow_mut().push_back(Job::File(id));
        self.connection.pump();
    }

    /// The user removed a file: it leaves the queue, and an answer still
    /// coming for it is ignored.
    pub fn forget(&self, id: ReportId) {
        self.connection.files.borrow_mut().remove(&id);
        self.connection.queue.borrow_mut().retain(|job| job.id() != id);
    }

    /// Uses the user's vocabulary from now on; every file is analysed again.
    pub fn configure(&self, vocabulary: UserVocabulary) {
        self.connection.configure(vocabulary);
    }

    /// Stops every analysis: the queue is emptied and every busy worker
    /// replaced; the files not analysed are reported as cancelled.
    pub fn cancel(&self) {
        self.connection.cancel();
    }
}

impl Connection {
    fn next_id(&self) -> ReportId {
        let id = self.last_id.get() + 1;
        self.last_id.set(id);
        id
    }

    /// Starts a worker in slot `index` and installs its handlers; it is given
    /// the user's vocabulary once its dictionary is loaded.
    fn start(&self, index: usize) {
        let generation = self.generations.get().wrapping_add(1);
        self.generations.set(generation);
        let vocabulary = self.vocabulary.borrow().clone();
        let held = if vocabulary.is_empty() { Vec::new() } else { vec![ToWorker::Configure { vocabulary }] };
        let live = self.spawn(index, generation);
        let mut slots = self.slots.borrow_mut();
        let Some(slot) = slots.get_mut(index) else { return };
        slot.generation = generation;
        slot.ready = false;
        slot.held = held;
        slot.analysing = None;
        // Dropping the old worker terminates it.
        slot.live = live;
    }

    fn spawn(&self, index: usize, generation: u32) -> Option<LiveWorker> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = match Worker::new_with_options(WORKER_SCRIPT, &options) {
            Ok(worker) => worker,
            Err(error) => {
                let failure = Bilingual::with_reason(
                    "无法启动分析线程",
                    "Could not start an analysis worker",
                    format!("{error:?}"),
                );
                self.dispatch.dispatch(Action::DictionaryBroken(failure));
                return None;
            }
        };
        let this = self.this.clone();
        let on_message = EventHandler::new(move |event: JsValue| {
            let event: MessageEvent = event.unchecked_into();
            if let Some(connection) = this.upgrade() {
                connection.on_message(index, generation, &event.data());
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
                connection.on_crash(index, generation, detail);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(LiveWorker { worker, _on_message: on_message, _on_error: on_error })
    }

    /// Whether `generation` is the worker now in slot `index`.
    fn is_current(&self, index: usize, generation: u32) -> bool {
        self.slots.borrow().get(index).is_some_and(|slot| slot.generation == generation)
    }

    /// Posts `message` to the worker in slot `index`.
    fn post(&self, index: usize, message: &ToWorker) -> Result<(), String> {
        let bytes = protocol::encode(message)?;
        self.post_encoded(index, &bytes, &bytes)
    }

    /// Posts `message` to the worker in slot `index` with `file` beside it
    /// ([`protocol::encode_with_file`]).
    fn post_with_file(&self, index: usize, message: &ToWorker, file: &web_sys::File) -> Result<(), String> {
        let pair = protocol::encode_with_file(message, file)?;
        self.post_encoded(index, &pair, &pair.get(0).unchecked_into())
    }

    /// Posts `data` to the worker in slot `index`, moving the buffer of
    /// `bytes`, the encoded message inside it.
    fn post_encoded(&self, index: usize, data: &JsValue, bytes: &js_sys::Uint8Array) -> Result<(), String> {
        let slots = self.slots.borrow();
        let worker = &slots.get(index).and_then(|slot| slot.live.as_ref()).ok_or("分析线程没有启动")?.worker;
        worker.post_message_with_transfer(data, &protocol::transfer_list(bytes)).map_err(|error| format!("{error:?}"))
    }

    /// Gives queued work to every worker that has room for it, the least
    /// busy first.
    fn pump(&self) {
        loop {
            let free = {
                let slots = self.slots.borrow();
                let files = self.files.borrow();
                let bytes = |slot: &Slot| -> usize {
                    slot.given.keys().filter_map(|id| files.get(id)).map(IncomingFile::size).sum()
                };
                slots
                    .iter()
                    .enumerate()
                    .filter(|(_, slot)| {
                        slot.ready
                            && slot.live.is_some()
                            && (slot.given.is_empty()
                                || (slot.given.len() < FILES_IN_FLIGHT && bytes(slot) < BYTES_IN_FLIGHT))
                    })
                    .min_by_key(|(_, slot)| slot.given.len())
                    .map(|(index, slot)| (index, slot.generation))
            };
            let Some((index, generation)) = free else { return };
            let Some(job) = self.queue.borrow_mut().pop_front() else { return };
            let id = job.id();
            if !self.files.borrow().contains_key(&id) {
                // Removed by the user while it waited.
                continue;
            }
            let epoch = self.epoch.get();
            if let Some(slot) = self.slots.borrow_mut().get_mut(index) {
                slot.given.insert(id, epoch);
            }
            match job {
                Job::PdfText(_, message) => self.give(index, id, &message),
                Job::File(_) => self.give_file(index, generation, id),
            }
        }
    }

    /// Posts file `id` to the worker in slot `index`: a file the user picked
    /// or dropped as the browser's `File`, which the worker reads (the
    /// page's thread neither waits for its bytes nor copies them); other
    /// files read here, unless that worker was replaced meanwhile (which
    /// queued the file again).
    fn give_file(&self, index: usize, generation: u32, id: ReportId) {
        let Some(file) = self.files.borrow().get(&id).cloned() else { return };
        let name = file.name();
        if self.crash_on.borrow().as_deref() == Some(name.as_str()) {
            self.crash_on.replace(None);
            self.give(index, id, &ToWorker::Crash { id });
            return;
        }
        if let Some(browser_file) = file.browser_file() {
            let posted = self.post_with_file(index, &ToWorker::AnalyzeFile { id, name }, browser_file);
            if let Err(error) = posted {
                self.fail_given(
                    index,
                    id,
                    Bilingual::with_reason("无法发送到分析线程", "Could not send to an analysis worker", error),
                );
            }
            return;
        }
        let this = self.this.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let read = file.read().await;
            let Some(connection) = this.upgrade() else { return };
            if !connection.is_current(index, generation) {
                return;
            }
            match read {
                Ok(bytes) => connection.give(index, id, &ToWorker::Analyze { id, name, bytes }),
                Err(message) => connection.fail_given(index, id, message),
            }
        });
    }

    /// Posts file `id`'s `message` to the worker in slot `index`.
    fn give(&self, index: usize, id: ReportId, message: &ToWorker) {
        if let Err(error) = self.post(index, message) {
            self.fail_given(
                index,
                id,
                Bilingual::with_reason("无法发送到分析线程", "Could not send to an analysis worker", error),
            );
        }
    }

    /// File `id`, given to slot `index`, could not reach its worker.
    fn fail_given(&self, index: usize, id: ReportId, message: Bilingual) {
        if let Some(slot) = self.slots.borrow_mut().get_mut(index) {
            slot.given.remove(&id);
        }
        self.fail(id, message);
        self.pump();
    }

    /// Reports file `id` as failed with `message`; it is never analysed again.
    fn fail(&self, id: ReportId, message: Bilingual) {
        self.files.borrow_mut().remove(&id);
        self.answer(AnalysisResult { id, result: Err(message), worker: None });
    }

    /// Adds an answer to the batch, and schedules the batch's render if it
    /// is the first.
    fn answer(&self, result: AnalysisResult) {
        let first = {
            let mut batch = self.batch.borrow_mut();
            batch.push(result);
            batch.len() == 1
        };
        if first {
            let this = self.this.clone();
            let files = u32::try_from(self.files.borrow().len()).unwrap_or(u32::MAX);
            let delay = BATCH_DELAY + BATCH_DELAY_PER_FILE * files;
            wasm_bindgen_futures::spawn_local(async move {
                yew::platform::time::sleep(delay).await;
                if let Some(connection) = this.upgrade() {
                    let batch = connection.batch.take();
                    connection.dispatch.dispatch(Action::AnalyzedBatch(batch));
                }
            });
        }
    }

    fn on_message(&self, index: usize, generation: u32, data: &JsValue) {
        if !self.is_current(index, generation) {
            return;
        }
        let Some(decoded) = protocol::decode::<FromWorker>(data) else {
            match BootstrapMessage::from_js(data) {
                Some(BootstrapMessage::Trap(detail)) => self.on_crash(index, generation, detail),
                Some(BootstrapMessage::Broken(message)) => self.dispatch.dispatch(Action::DictionaryBroken(
                    Bilingual::with_reason("分析线程出错", "The analysis worker failed", message),
                )),
                None => web_sys::console::error_2(&"gongwen: unreadable worker message".into(), data),
            }
            return;
        };
        match decoded {
            Ok(FromWorker::Ready { load_millis }) => self.on_ready(index, load_millis),
            Ok(FromWorker::Broken { message }) => self.dispatch.dispatch(Action::DictionaryBroken(
                Bilingual::with_reason("分析线程出错", "The analysis worker failed", message),
            )),
            Ok(FromWorker::Analyzing { id }) => {
                if let Some(slot) = self.slots.borrow_mut().get_mut(index) {
                    slot.analysing = Some(id);
                }
                self.watch_time_budget(index, generation, id);
            }
            Ok(FromWorker::Unpacked { id, entries }) => {
                if self.take_answer(index, id) {
                    self.on_unpacked(id, entries);
                }
                self.pump();
            }
            Ok(FromWorker::NeedsPdfText { id }) => {
                if self.take_answer(index, id) {
                    self.read_pdf(id);
                }
                self.pump();
            }
            Ok(FromWorker::Analyzed { id, result, .. }) => {
                if self.take_answer(index, id) {
                    if result.is_err() {
                        self.files.borrow_mut().remove(&id);
                    }
                    let worker = u32::try_from(index + 1).ok();
                    self.answer(AnalysisResult { id, result: result.map(|wire| Box::new((*wire).into())), worker });
                }
                self.pump();
            }
            Err(error) => {
                web_sys::console::error_2(&"gongwen: unreadable worker message".into(), &error.into());
            }
        }
    }

    /// The worker in slot `index` answered file `id`: whether the answer
    /// counts (the file is still loaded and was given after the last change
    /// of vocabulary).
    fn take_answer(&self, index: usize, id: ReportId) -> bool {
        let epoch = {
            let mut slots = self.slots.borrow_mut();
            let Some(slot) = slots.get_mut(index) else { return false };
            slot.analysing = None;
            slot.unexplained_crashes = 0;
            slot.given.remove(&id)
        };
        epoch == Some(self.epoch.get()) && self.files.borrow().contains_key(&id)
    }

    fn on_ready(&self, index: usize, load_millis: f64) {
        let (held, workers) = {
            let mut slots = self.slots.borrow_mut();
            let Some(slot) = slots.get_mut(index) else { return };
            slot.ready = true;
            let held = std::mem::take(&mut slot.held);
            (held, slots.iter().filter(|slot| slot.ready).count())
        };
        for message in held {
            if let Err(error) = self.post(index, &message) {
                let failure =
                    Bilingual::with_reason("无法发送到分析线程", "Could not send to an analysis worker", error);
                self.dispatch.dispatch(Action::DictionaryBroken(failure));
            }
        }
        self.dispatch.dispatch(Action::DictionaryReady { load_millis, workers });
        self.pump();
    }

    fn configure(&self, vocabulary: UserVocabulary) {
        self.vocabulary.replace(vocabulary.clone());
        self.epoch.set(self.epoch.get().wrapping_add(1));
        let ready: Vec<usize> = {
            let mut slots = self.slots.borrow_mut();
            for slot in slots.iter_mut().filter(|slot| !slot.ready) {
                slot.held = vec![ToWorker::Configure { vocabulary: vocabulary.clone() }];
            }
            slots.iter().enumerate().filter(|(_, slot)| slot.ready).map(|(index, _)| index).collect()
        };
        for index in ready {
            if let Err(error) = self.post(index, &ToWorker::Configure { vocabulary: vocabulary.clone() }) {
                let failure =
                    Bilingual::with_reason("无法发送到分析线程", "Could not send to an analysis worker", error);
                self.dispatch.dispatch(Action::DictionaryBroken(failure));
            }
        }
        let ids: Vec<ReportId> = self.files.borrow().keys().copied().collect();
        self.queue.replace(ids.into_iter().map(Job::File).collect());
        self.pump();
    }

    fn cancel(&self) {
        let queued: Vec<ReportId> = self.queue.take().iter().map(Job::id).chain(self.reading.take()).collect();
        let busy: Vec<(usize, Vec<ReportId>)> = self
            .slots
            .borrow_mut()
            .iter_mut()
            .enumerate()
            .filter(|(_, slot)| !slot.given.is_empty())
            .map(|(index, slot)| (index, std::mem::take(&mut slot.given).into_keys().collect()))
            .collect();
        for (index, _) in &busy {
            self.start(*index);
        }
        let current = |id: &ReportId| self.files.borrow().contains_key(id);
        let stopped: Vec<ReportId> =
            queued.into_iter().chain(busy.into_iter().flat_map(|(_, ids)| ids)).filter(current).collect();
        for id in stopped {
            self.fail(id, cancelled_message());
        }
    }

    /// Abandons the analysis of `id` if it is still running when the time
    /// budget is spent: the worker is replaced as if it had crashed.
    fn watch_time_budget(&self, index: usize, generation: u32, id: ReportId) {
        let started = self.analyses_started.get() + 1;
        self.analyses_started.set(started);
        let this = self.this.clone();
        wasm_bindgen_futures::spawn_local(async move {
            yew::platform::time::sleep(ANALYSIS_TIME_BUDGET).await;
            let Some(connection) = this.upgrade() else { return };
            let still_running = connection.is_current(index, generation)
                && connection.slots.borrow().get(index).is_some_and(|slot| slot.analysing == Some(id))
                && connection.analyses_started.get() == started;
            if still_running {
                connection.recover_with(index, generation, "time budget spent", timeout_message());
            }
        });
    }

    /// An archive came back as its files: each becomes a file of its own,
    /// named `archive.zip/path`, in place of the archive.
    fn on_unpacked(&self, id: ReportId, entries: Vec<UnpackedEntry>) {
        let Some(archive) = self.files.borrow_mut().remove(&id) else { return };
        let archive_name = archive.name();
        let mut added = Vec::with_capacity(entries.len());
        let mut unreadable = Vec::new();
        let mut to_queue = Vec::new();
        for entry in entries {
            let name = format!("{archive_name}/{}", entry.path);
            let new_id = self.next_id();
            match entry.bytes {
                Ok(bytes) => {
                    let bytes: Rc<[u8]> = bytes.into_vec().into();
                    added.push(AddedFile { id: new_id, name: name.clone(), size: bytes.len() });
                    to_queue.push((new_id, IncomingFile::Unpacked { name, bytes }));
                }
                Err(message) => {
                    let file = AddedFile { id: new_id, name, size: 0 };
                    added.push(file.clone());
                    unreadable.push((file, message));
                }
            }
        }
        if added.is_empty() {
            self.answer(AnalysisResult {
                id,
                result: Err(Bilingual::new("压缩包中没有可读取的文件", "The archive holds no readable file")),
                worker: None,
            });
            return;
        }
        self.dispatch.dispatch(Action::FilesAdded(added));
        self.dispatch.dispatch(Action::Remove(id));
        for (file, message) in unreadable {
            self.dispatch.dispatch(Action::FileUnreadable { file, message });
        }
        for (new_id, file) in to_queue {
            self.files.borrow_mut().insert(new_id, file);
            self.queue.borrow_mut().push_back(Job::File(new_id));
        }
    }

    /// A PDF came back for its text: pdf.js reads it (showing progress page by
    /// page), then its text items are queued for a worker.
    fn read_pdf(&self, id: ReportId) {
        let Some(file) = self.files.borrow().get(&id).cloned() else { return };
        self.reading.borrow_mut().insert(id);
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
            connection.reading.borrow_mut().remove(&id);
            // The user may have removed it, or cancelled, meanwhile.
            if !connection.files.borrow().contains_key(&id) {
                return;
            }
            match extracted {
                Ok((pages, total_pages)) => {
                    let message = ToWorker::AnalyzePdf { id, name: file.name(), pages, total_pages };
                    connection.queue.borrow_mut().push_front(Job::PdfText(id, message));
                    connection.pump();
                }
                Err(message) => connection.fail(id, message),
            }
        });
    }

    /// The worker `generation` of slot `index` died. Runs after the current
    /// event handler returns, since replacing the worker drops that handler.
    fn on_crash(&self, index: usize, generation: u32, detail: String) {
        let this = self.this.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(connection) = this.upgrade() {
                connection.recover_with(index, generation, &detail, crash_message());
            }
        });
    }

    /// Replaces the worker `generation` of slot `index`, failing the file it
    /// was analysing with `message` and queuing its other files again.
    fn recover_with(&self, index: usize, generation: u32, detail: &str, message: Bilingual) {
        if !self.is_current(index, generation) {
            return;
        }
        web_sys::console::warn_2(&"gongwen: an analysis worker crashed; starting a new one".into(), &detail.into());
        let (ready, analysing, given, crashes) = {
            let mut slots = self.slots.borrow_mut();
            let Some(slot) = slots.get_mut(index) else { return };
            let analysing = slot.analysing.take();
            if analysing.is_none() {
                slot.unexplained_crashes += 1;
            }
            (slot.ready, analysing, std::mem::take(&mut slot.given), slot.unexplained_crashes)
        };
        if !ready {
            // It died loading the dictionary: a new one would too.
            self.slots.borrow_mut()[index].live = None;
            let message = if detail.is_empty() {
                Bilingual::new(
                    "分析线程加载失败：worker.js 或其 wasm 文件无法加载",
                    "The analysis worker did not load: worker.js or its wasm file could not be loaded",
                )
            } else {
                Bilingual::with_reason("分析线程加载失败", "The analysis worker did not load", detail)
            };
            self.dispatch.dispatch(Action::DictionaryBroken(message));
            return;
        }
        // Only a file the worker announced is blamed: a crash elsewhere (say,
        // building the dictionary with the user's words) says nothing about
        // the files waiting.
        if crashes > MAX_UNEXPLAINED_CRASHES {
            self.slots.borrow_mut()[index].live = None;
            self.dispatch.dispatch(Action::DictionaryBroken(Bilingual::with_reason(
                "分析线程反复出错，已停止",
                "The analysis worker failed again and again: stopped",
                detail,
            )));
            return;
        }
        if let Some(id) = analysing {
            self.fail(id, message);
        }
        let epoch = self.epoch.get();
        let mut queue = self.queue.borrow_mut();
        for (id, _) in given.into_iter().rev().filter(|(id, given_in)| Some(*id) != analysing && *given_in == epoch) {
            queue.push_front(Job::File(id));
        }
        drop(queue);
        self.start(index);
    }
}

/// Whether the page was opened with `?selftest`.
fn selftest_requested() -> bool {
    let search = web_sys::window().and_then(|window| window.location().search().ok()).unwrap_or_default();
    search.trim_start_matches('?').split('&').any(|pair| pair.split('=').next() == Some(SELFTEST_PARAMETER))
}

/// With `?selftest`, exposes `window.__gongwenSelftest.crashWhileAnalyzing(name)`:
/// the next file of that name makes its worker panic instead of being
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

/// Starts the pool on first render and returns the handle to it.
#[hook]
pub fn use_analysis_worker(dispatch: UseReducerDispatcher<AppState>) -> AnalysisWorker {
    let connection = use_memo((), move |_| {
        let slots = (0..pool_size()).map(|_| Slot::default()).collect::<Vec<_>>();
        let count = slots.len();
        let connection = Rc::new_cyclic(|this| Connection {
            dispatch,
            this: this.clone(),
            slots: RefCell::new(slots),
            generations: Cell::new(0),
            queue: RefCell::new(VecDeque::new()),
            files: RefCell::new(BTreeMap::new()),
            reading: RefCell::new(BTreeSet::new()),
            vocabulary: RefCell::new(UserVocabulary::default()),
            epoch: Cell::new(0),
            batch: RefCell::new(Vec::new()),
            crash_on: RefCell::new(None),
            last_id: Cell::new(0),
            analyses_started: Cell::new(0),
        });
        for index in 0..count {
            connection.start(index);
        }
        if selftest_requested() {
            install_selftest_hook(&connection);
        }
        connection
    });
    AnalysisWorker { connection: Rc::clone(&*connection) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pool_has_two_to_four_workers_whatever_the_cores() {
        let sizes: Vec<usize> = [0.0, 1.0, 2.0, 3.0, 8.0, 64.0].into_iter().map(pool_size_for).collect();
        assert_eq!(sizes, [2, 2, 2, 3, 4, 4]);
    }
}
