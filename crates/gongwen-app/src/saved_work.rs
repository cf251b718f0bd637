//! Saved work (opt-in, off by default): the report files the user loaded,
//! kept in this browser's IndexedDB (through `js/saved_work.js`) so that a
//! reload restores them. The choice itself is a localStorage flag. Nothing
//! leaves the machine; turning it off, or 「清空」, deletes what was kept.
//!
//! Each file is kept under a key made of the session's start time and a
//! sequence number, so keys sort in the order files were loaded and never
//! collide across sessions. A restored file keeps its key: the page maps
//! each report's id to its key, to delete the right record when the report
//! is removed.
//!
//! **API boundary:** records cross into JavaScript as plain objects built
//! with `js_sys` (the files themselves stay `File`/`Blob` handles: their
//! bytes are never copied through wasm); what comes back is read the same
//! way.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::i18n::Bilingual;
use crate::incoming_file::{IncomingFile, js_error_text};
use crate::local_storage;
use crate::protocol::ReportId;

#[wasm_bindgen(module = "/js/saved_work.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = putFiles)]
    async fn put_files(records: js_sys::Array) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = savedFiles)]
    async fn saved_files() -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = deleteFiles)]
    async fn delete_files(keys: js_sys::Array) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = clearFiles)]
    async fn clear_files() -> Result<JsValue, JsValue>;
}

/// The localStorage key of the choice; the suffix versions the store's shape.
const FLAG_KEY: &str = "gongwen.saved-work.v1";

/// Whether the page keeps the user's files, and how that went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedWorkStatus {
    /// Nothing is kept (the default).
    Off,
    /// The kept files are being read back after a reload.
    Restoring,
    /// Every loaded file is kept.
    On,
    /// Keeping or reading back failed; the message says why.
    Failed(Bilingual),
}

/// A failure of the store, with the browser's reason.
fn failure(chinese: &str, english: &str, error: &JsValue) -> SavedWorkStatus {
    SavedWorkStatus::Failed(Bilingual::with_reason(chinese, english, js_error_text(error)))
}

/// The page's saved work: its status for the view and the bookkeeping of
/// which record holds which report. Cheap to clone.
#[derive(Clone)]
pub struct SavedWork {
    status: UseStateHandle<SavedWorkStatus>,
    books: Rc<Books>,
}

impl PartialEq for SavedWork {
    fn eq(&self, other: &Self) -> bool {
        self.status == other.status && Rc::ptr_eq(&self.books, &other.books)
    }
}

/// Which record keeps which report.
struct Books {
    /// Whether files are being kept (the status may lag a render behind).
    on: Cell<bool>,
    /// The start of this session, in milliseconds: the keys' prefix.
    session: u64,
    /// The last sequence number given to a key.
    sequence: Cell<u64>,
    /// The record of each kept report.
    keys: RefCell<BTreeMap<ReportId, String>>,
    /// The keys of restored files, in the order they are handed to the
    /// loader, which takes one for each file.
    restored: RefCell<VecDeque<String>>,
}

impl Books {
    fn new_key(&self) -> String {
        let sequence = self.sequence.get() + 1;
        self.sequence.set(sequence);
        format!("{:013}-{sequence:07}", self.session)
    }
}

/// Restores the kept files through `load` once, when the page opens with
/// saving on.
#[hook]
pub fn use_restore_saved_work(saved: SavedWork, load: Callback<Vec<IncomingFile>>) {
    use_effect_with((), move |()| {
        if saved.books.on.get() {
            saved.restore(load);
        }
    });
}

/// The page's saved work, made before the loader that records into it.
#[hook]
pub fn use_saved_work() -> SavedWork {
    let on = use_memo((), |()| local_storage::read(FLAG_KEY).as_deref() == Some("on"));
    let status = use_state(|| if *on { SavedWorkStatus::On } else { SavedWorkStatus::Off });
    let books = use_memo((), |()| Books {
        on: Cell::new(*on),
        session: js_sys::Date::now().max(0.0) as u64,
        sequence: Cell::new(0),
        keys: RefCell::new(BTreeMap::new()),
        restored: RefCell::new(VecDeque::new()),
    });
    SavedWork { status, books: Rc::clone(&books) }
}

impl SavedWork {
    /// The status to show.
    pub fn status(&self) -> &SavedWorkStatus {
        &self.status
    }

    /// Keeps newly loaded `files` (each with its report's id) when saving is
    /// on. A file read back from the store keeps its record.
    pub fn record<'a>(&self, files: impl IntoIterator<Item = (ReportId, &'a IncomingFile)>) {
        if !self.books.on.get() {
            return;
        }
        let records = js_sys::Array::new();
        for (id, file) in files {
            let restored = self.books.restored.borrow_mut().pop_front();
            let key = match restored {
                Some(key) => key,
                None => {
                    let key = self.books.new_key();
                    records.push(&record_of(&key, file));
                    key
                }
            };
            self.books.keys.borrow_mut().insert(id, key);
        }
        if records.length() > 0 {
            let status = self.status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(error) = put_files(records).await {
                    status.set(failure("本机保存失败", "Could not keep the files", &error));
                }
            });
        }
    }

    /// The user removed report `id`: its record goes too.
    pub fn forget(&self, id: ReportId) {
        let Some(key) = self.books.keys.borrow_mut().remove(&id) else { return };
        if self.books.on.get() {
            self.run(delete_files(js_sys::Array::of1(&key.into())));
        }
    }

    /// Turns saving on and keeps every file loaded so far.
    pub fn turn_on<'a>(&self, files: impl IntoIterator<Item = (ReportId, &'a IncomingFile)>) {
        local_storage::write(FLAG_KEY, "on");
        self.books.on.set(true);
        self.status.set(SavedWorkStatus::On);
        self.record(files);
    }

    /// Turns saving off and deletes everything kept.
    pub fn turn_off(&self) {
        local_storage::write(FLAG_KEY, "off");
        self.books.on.set(false);
        self.books.keys.borrow_mut().clear();
        self.books.restored.borrow_mut().clear();
        self.status.set(SavedWorkStatus::Off);
        self.run(clear_files());
    }

    /// Reads the kept files back and hands them to `load`.
    fn restore(&self, load: Callback<Vec<IncomingFile>>) {
        self.status.set(SavedWorkStatus::Restoring);
        let (status, books) = (self.status.clone(), Rc::clone(&self.books));
        wasm_bindgen_futures::spawn_local(async move {
            match saved_files().await {
                Ok(records) => {
                    let (keys, files) = read_records(&records);
                    *books.restored.borrow_mut() = keys.into();
                    status.set(SavedWorkStatus::On);
                    if !files.is_empty() {
                        load.emit(files);
                    }
                }
                Err(error) => status.set(failure("无法读取本机保存的报告", "Could not read the kept reports", &error)),
            }
        });
    }

    /// Runs a store operation, showing its failure.
    fn run(&self, operation: impl std::future::Future<Output = Result<JsValue, JsValue>> + 'static) {
        let status = self.status.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(error) = operation.await {
                status.set(failure("本机保存的数据无法更新", "Could not update the kept files", &error));
            }
        });
    }
}

/// The record `{ key, name, data }` of `file`: its `File` handle, or its
/// bytes when the page holds them (a sample, a file from an archive).
fn record_of(key: &str, file: &IncomingFile) -> js_sys::Object {
    let record = js_sys::Object::new();
    let set = |field: &str, value: &JsValue| {
        // Setting a field of a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&record, &field.into(), value);
    };
    set("key", &key.into());
    set("name", &file.name().into());
    let data: JsValue = match file {
        IncomingFile::Browser { file, .. } | IncomingFile::Dropped { file, .. } => file.into(),
        IncomingFile::Unpacked { bytes, .. } => js_sys::Uint8Array::from(&bytes[..]).into(),
        IncomingFile::Sample { bytes, .. } => js_sys::Uint8Array::from(*bytes).into(),
    };
    set("data", &data);
    record
}

/// The keys and files of the records `savedFiles` resolved to; a record
/// without a key, a name or a file is skipped.
fn read_records(records: &JsValue) -> (Vec<String>, Vec<IncomingFile>) {
    let field = |record: &JsValue, name: &str| js_sys::Reflect::get(record, &name.into()).ok();
    js_sys::Array::from(records)
        .iter()
        .filter_map(|record| {
            let key = field(&record, "key")?.as_string()?;
            let name = field(&record, "name")?.as_string()?;
            let file = field(&record, "file")?.dyn_into::<web_sys::File>().ok()?;
            Some((key, IncomingFile::dropped(file, name)))
        })
        .unzip()
}
