//! A file handed to the page — one the user dropped or picked, or an embedded
//! sample — and how to read its bytes, as often as needed: the page reads a
//! file again rather than keeping a second copy of its bytes when a crashed
//! analysis worker has to be given its files anew.

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;

/// A file to load.
#[derive(Debug, Clone)]
pub enum IncomingFile {
    /// A file the user picked, or dropped on its own.
    Browser(web_sys::File),
    /// A file inside a folder the user dropped.
    Dropped {
        /// The file.
        file: web_sys::File,
        /// Its path inside the drop, `folder/sub/name.docx`.
        path: String,
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

impl IncomingFile {
    /// The file's name as the browser gave it.
    pub fn name(&self) -> String {
        match self {
            IncomingFile::Browser(file) => file.name(),
            IncomingFile::Dropped { path, .. } => path.clone(),
            IncomingFile::Unpacked { name, .. } => name.clone(),
            IncomingFile::Sample { name, .. } => (*name).to_owned(),
        }
    }

    /// The file's size in bytes.
    pub fn size(&self) -> usize {
        match self {
            // File sizes are whole numbers well inside f64's exact range.
            IncomingFile::Browser(file) | IncomingFile::Dropped { file, .. } => file.size().max(0.0) as usize,
            IncomingFile::Unpacked { bytes, .. } => bytes.len(),
            IncomingFile::Sample { bytes, .. } => bytes.len(),
        }
    }

    /// Reads the file's bytes; the error is a Chinese message.
    pub async fn read(&self) -> Result<Vec<u8>, String> {
        match self {
            IncomingFile::Sample { bytes, .. } => Ok(bytes.to_vec()),
            IncomingFile::Unpacked { bytes, .. } => Ok(bytes.to_vec()),
            IncomingFile::Browser(file) | IncomingFile::Dropped { file, .. } => {
                let buffer = JsFuture::from(file.array_buffer())
                    .await
                    .map_err(|error| format!("浏览器无法读取该文件：{}", js_error_text(&error)))?;
                Ok(js_sys::Uint8Array::new(&buffer).to_vec())
            }
        }
    }
}

fn js_error_text(error: &wasm_bindgen::JsValue) -> String {
    error
        .as_string()
        .or_else(|| js_sys::Error::from(error.clone()).message().as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
