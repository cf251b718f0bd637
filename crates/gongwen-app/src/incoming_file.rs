//! A file handed to the page — one the user dropped or picked, or an embedded
//! sample — and how to read its bytes, as often as needed: a file is read
//! again rather than a second copy of its bytes kept when a crashed analysis
//! worker has to be given its files anew. The analysis workers read the
//! user's files themselves (they are given the `File`); the page reads one
//! only for what it does with the bytes itself (a PDF's text, a word list).

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;

use crate::i18n::Bilingual;
use crate::tasks::in_tasks;

/// A file to load.
#[derive(Debug, Clone)]
pub enum IncomingFile {
    /// A file the user picked, or dropped on its own.
    Browser {
        /// The file.
        file: web_sys::File,
        /// Its size, read once: for a file on disk, each read of
        /// `File.size` asks the file system, on the page's thread.
        size: usize,
    },
    /// A file inside a folder the user dropped.
    Dropped {
        /// The file.
        file: web_sys::File,
        /// Its path inside the drop, `folder/sub/name.docx`.
        path: String,
        /// Its size, read once.
        size: usize,
    },
    /// A file unpacked from a ZIP archive, kept so that a replacement worker
    /// can be given it again.
    Unpacked {
        /// `archive.zip/path/in/archive`.
        name: String,
        /// Its bytes.
        bytes: Rc<[u8]>,
    },
    /// A sample report embedded in the page.
    Sample {
        /// The sample's file name.
        name: &'static str,
        /// Its bytes.
        bytes: &'static [u8],
    },
}

/// How many of the user's files are registered at once (one update of the
/// page's state for each group).
pub const FILES_PER_GROUP: usize = 100;

/// How many files' sizes are read in one task of the page's thread: each
/// read asks the file system, and while the analysis workers read files
/// too, a hundred of them took up to 150 ms; twenty stay well under the
/// 50 ms of a long task.
pub const SIZES_PER_TASK: usize = 20;

/// File sizes are whole numbers well inside f64's exact range.
fn file_size(file: &web_sys::File) -> usize {
    file.size().max(0.0) as usize
}

impl IncomingFile {
    /// A file the user picked, or dropped on its own.
    pub fn browser(file: web_sys::File) -> Self {
        let size = file_size(&file);
        IncomingFile::Browser { file, size }
    }

    /// A file dropped inside a folder, at `path` in the drop; a file
    /// dropped on its own (its path is its name) is [`browser`](Self::browser).
    pub fn dropped(file: web_sys::File, path: String) -> Self {
        if path == file.name() {
            return Self::browser(file);
        }
        let size = file_size(&file);
        IncomingFile::Dropped { file, path, size }
    }

    /// The file's name as the browser gave it.
    pub fn name(&self) -> String {
        match self {
            IncomingFile::Browser { file, .. } => file.name(),
            IncomingFile::Dropped { path, .. } => path.clone(),
            IncomingFile::Unpacked { name, .. } => name.clone(),
            IncomingFile::Sample { name, .. } => (*name).to_owned(),
        }
    }

    /// The file's size in bytes.
    pub fn size(&self) -> usize {
        match self {
            IncomingFile::Browser { size, .. } | IncomingFile::Dropped { size, .. } => *size,
            IncomingFile::Unpacked { bytes, .. } => bytes.len(),
            IncomingFile::Sample { bytes, .. } => bytes.len(),
        }
    }

    /// The browser's file, for a file the user picked or dropped: an analysis
    /// worker is given it to read ([`crate::protocol::ToWorker::AnalyzeFile`]).
    pub fn browser_file(&self) -> Option<&web_sys::File> {
        match self {
            IncomingFile::Browser { file, .. } | IncomingFile::Dropped { file, .. } => Some(file),
            IncomingFile::Unpacked { .. } | IncomingFile::Sample { .. } => None,
        }
    }

    /// Reads the file's bytes.
    pub async fn read(&self) -> Result<Vec<u8>, Bilingual> {
        match self {
            IncomingFile::Sample { bytes, .. } => Ok(bytes.to_vec()),
            IncomingFile::Unpacked { bytes, .. } => Ok(bytes.to_vec()),
            IncomingFile::Browser { file, .. } | IncomingFile::Dropped { file, .. } => {
                let buffer = JsFuture::from(file.array_buffer()).await.map_err(|error| unreadable_file(&error))?;
                Ok(js_sys::Uint8Array::new(&buffer).to_vec())
            }
        }
    }
}

/// Hands the user's files (each with its path in a dropped folder, if
/// any) to `load` [`FILES_PER_GROUP`] at a time, their sizes read
/// [`SIZES_PER_TASK`] per task of the page's thread, so that the page stays
/// responsive while a large pick is taken in.
pub fn load_in_batches(files: Vec<(web_sys::File, Option<String>)>, load: yew::Callback<Vec<IncomingFile>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut group: Vec<IncomingFile> = Vec::with_capacity(FILES_PER_GROUP);
        let take = |chunk: &[(web_sys::File, Option<String>)]| {
            group.extend(chunk.iter().map(|(file, path)| match path {
                Some(path) => IncomingFile::dropped(file.clone(), path.clone()),
                None => IncomingFile::browser(file.clone()),
            }));
            if group.len() >= FILES_PER_GROUP {
                load.emit(std::mem::take(&mut group));
            }
        };
        in_tasks(&files, SIZES_PER_TASK, || true, |_| {}, take).await;
        if !group.is_empty() {
            load.emit(group);
        }
    });
}

/// Why the browser could not read a file the user picked, from the error it
/// gave: in words for the two cases users meet (the file was deleted or moved
/// after it was picked; it was changed, or may not be read), else with the
/// browser's own message.
pub fn unreadable_file(error: &wasm_bindgen::JsValue) -> Bilingual {
    let name = js_sys::Reflect::get(error, &"name".into()).ok().and_then(|name| name.as_string());
    match name.as_deref() {
        Some("NotFoundError") => Bilingual::new(
            "浏览器无法读取该文件：选择之后它已被删除或移走，请重新选择",
            "The browser could not read the file: it was deleted or moved after it was picked; pick it again",
        ),
        Some("NotReadableError") => Bilingual::new(
            "浏览器无法读取该文件：选择之后它已被修改，或没有读取权限，请重新选择",
            "The browser could not read the file: it was changed after it was picked, or may not be read; pick it again",
        ),
        _ => {
            let reason = js_error_text(error);
            Bilingual::new(
                format!("浏览器无法读取该文件：{reason}"),
                format!("The browser could not read the file: {reason}"),
            )
        }
    }
}

/// The message of a JavaScript error (or the value itself, as text).
pub fn js_error_text(error: &wasm_bindgen::JsValue) -> String {
    error
        .as_string()
        .or_else(|| js_sys::Error::from(error.clone()).message().as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
