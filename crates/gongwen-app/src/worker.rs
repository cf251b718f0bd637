//! An analysis worker: runs in a dedicated Web Worker, owns a segmenter, and
//! analyses each file the page posts. The page runs a pool of them
//! (`hooks/use_analysis_worker.rs`) and gives each file to one that is free.
//!
//! The page stays interactive while the worker loads jieba's dictionary (half a
//! second in wasm) and while it analyses. A file the user picked or dropped
//! comes as a `File` handle ([`ToWorker::AnalyzeFile`]) and is read here, so
//! that its reading never waits on the page's thread; samples and files
//! unpacked from an archive come as bytes. The page posts nothing until the
//! worker says [`FromWorker::Ready`], so no message can arrive before the
//! handler is installed. The worker keeps nothing between files: after a
//! change of vocabulary ([`ToWorker::Configure`]) the page sends every file
//! again, spread over the pool like the first time.
//!
//! Release builds abort on panic: a bug in the core traps this module
//! instance for good. The worker announces each file before analysing it
//! ([`FromWorker::Analyzing`]) so that the page, told of the trap by
//! `worker.js`, knows which file to report and replaces the worker.

use gongwen_core::source::archive::unpack_reports;
use gongwen_core::source::pdf_text::PdfPage;
use gongwen_core::vocabulary::UserVocabulary;
use gongwen_core::{ReadError, ReadLimits, Segmenter, analyze_pdf_report, analyze_report};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::i18n::Bilingual;
use crate::incoming_file::unreadable_file;
use crate::protocol::{self, FromWorker, ReportId, ToWorker, UnpackedEntry};

/// Milliseconds since the worker started, for timings.
fn now_millis(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map_or(0.0, |performance| performance.now())
}

/// Posts a message to the page, moving its bytes.
fn post(scope: &DedicatedWorkerGlobalScope, message: &FromWorker) {
    protocol::post_to_page(scope, "gongwen worker", message);
}

/// What the worker holds between messages.
struct WorkerState {
    scope: DedicatedWorkerGlobalScope,
    segmenter: Segmenter,
}

/// A file to analyse.
enum FileToAnalyse {
    /// A file's bytes.
    Bytes { name: String, bytes: Vec<u8> },
    /// A PDF's text items, as the page extracted them.
    PdfText { name: String, pages: Vec<PdfPage>, total_pages: u32 },
}

impl WorkerState {
    fn analyze(&self, id: ReportId, file: FileToAnalyse) {
        post(&self.scope, &FromWorker::Analyzing { id });
        let started = now_millis(&self.scope);
        let limits = ReadLimits::default();
        let analysed = match file {
            FileToAnalyse::Bytes { name, bytes } => match analyze_report(&name, &bytes, &self.segmenter) {
                Err(ReadError::Archive) => {
                    let unpacked = unpack_reports(&bytes, &limits);
                    match unpacked {
                        Ok(entries) => {
                            let entries = entries
                                .into_iter()
                                .map(|entry| UnpackedEntry {
                                    path: entry.path,
                                    bytes: entry.content.map(serde_bytes::ByteBuf::from).map_err(Bilingual::from),
                                })
                                .collect();
                            post(&self.scope, &FromWorker::Unpacked { id, entries });
                            return;
                        }
                        Err(error) => Err(error),
                    }
                }
                Err(ReadError::PdfNeedsPage) => {
                    post(&self.scope, &FromWorker::NeedsPdfText { id });
                    return;
                }
                analysed => analysed,
            },
            FileToAnalyse::PdfText { name, pages, total_pages } => {
                let total = usize::try_from(total_pages).unwrap_or(usize::MAX);
                analyze_pdf_report(&name, &pages, total, &self.segmenter, &limits)
            }
        };
        let result = analysed.map(|analysis| Box::new(analysis.into())).map_err(Bilingual::from);
        post(&self.scope, &FromWorker::Analyzed { id, result, millis: now_millis(&self.scope) - started });
    }

    fn handle(&mut self, message: ToWorker, file: Option<web_sys::File>) {
        match message {
            ToWorker::Analyze { id, name, bytes } => self.analyze(id, FileToAnalyse::Bytes { name, bytes }),
            ToWorker::AnalyzeFile { id, name } => match read_file(file.as_ref()) {
                Ok(bytes) => self.analyze(id, FileToAnalyse::Bytes { name, bytes }),
                Err(message) => post(&self.scope, &FromWorker::Analyzed { id, result: Err(message), millis: 0.0 }),
            },
            ToWorker::AnalyzePdf { id, name, pages, total_pages } => {
                self.analyze(id, FileToAnalyse::PdfText { name, pages, total_pages })
            }
            ToWorker::Configure { vocabulary } => match build_segmenter(&vocabulary) {
                Ok(segmenter) => self.segmenter = segmenter,
                Err(message) => post(&self.scope, &FromWorker::Broken { message }),
            },
            ToWorker::Crash { id } => {
                post(&self.scope, &FromWorker::Analyzing { id });
                panic!("gongwen worker: the crash the resilience test asked for (file {id})");
            }
        }
    }
}

/// The bytes of the file posted with a message, read here rather than on the
/// page's thread: a worker may block on the file system.
fn read_file(file: Option<&web_sys::File>) -> Result<Vec<u8>, Bilingual> {
    let file =
        file.ok_or_else(|| Bilingual::new("分析线程没有收到该文件", "The analysis worker was not given the file"))?;
    let buffer = web_sys::FileReaderSync::new()
        .and_then(|reader| reader.read_as_array_buffer(file))
        .map_err(|error| unreadable_file(&error))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn build_segmenter(vocabulary: &UserVocabulary) -> Result<Segmenter, String> {
    Segmenter::with_user_vocabulary(vocabulary).map_err(|error| error.to_string())
}

/// Loads the dictionary, installs the message handler and announces
/// readiness. Called once when the worker's module starts.
pub fn run_worker() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let started = now_millis(&scope);
    let segmenter = match build_segmenter(&UserVocabulary::default()) {
        Ok(segmenter) => segmenter,
        Err(message) => {
            post(&scope, &FromWorker::Broken { message });
            return;
        }
    };
    let load_millis = now_millis(&scope) - started;
    let mut state = WorkerState { scope: scope.clone(), segmenter };
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            match protocol::decode_with_file::<ToWorker>(&event.data()) {
                Some(Ok((message, file))) => state.handle(message, file),
                Some(Err(error)) => {
                    post(&state.scope, &FromWorker::Broken { message: format!("分析线程收到无法识别的消息：{error}") })
                }
                None => post(&state.scope, &FromWorker::Broken { message: "分析线程收到无法识别的消息".to_owned() }),
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &FromWorker::Ready { load_millis });
}
