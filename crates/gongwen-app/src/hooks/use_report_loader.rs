//! `use_report_loader`: takes files from the drop zone, the file picker or the
//! samples, registers them in the state at once, reads their bytes and hands
//! them to the analysis worker.

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::use_analysis_worker::AnalysisWorker;
use crate::protocol::{ReportId, ToWorker};
use crate::state::{Action, AddedFile, AppState};

/// A file to load.
#[derive(Debug, Clone)]
pub enum IncomingFile {
    /// A file the user dropped or picked.
    Browser(web_sys::File),
    /// A sample report embedded in the page.
    Sample {
        /// The sample's file name.
        name: &'static str,
        /// Its bytes.
        bytes: &'static [u8],
    },
}

impl IncomingFile {
    fn name(&self) -> String {
        match self {
            IncomingFile::Browser(file) => file.name(),
            IncomingFile::Sample { name, .. } => (*name).to_owned(),
        }
    }

    fn size(&self) -> usize {
        match self {
            // File sizes are whole numbers well inside f64's exact range.
            IncomingFile::Browser(file) => file.size().max(0.0) as usize,
            IncomingFile::Sample { bytes, .. } => bytes.len(),
        }
    }
}

/// Reads a browser file's bytes.
async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|error| format!("浏览器无法读取该文件：{}", js_error_text(&error)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn js_error_text(error: &wasm_bindgen::JsValue) -> String {
    error
        .as_string()
        .or_else(|| js_sys::Error::from(error.clone()).message().as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Returns the callback that loads files.
#[hook]
pub fn use_report_loader(
    dispatch: UseReducerDispatcher<AppState>,
    worker: AnalysisWorker,
) -> Callback<Vec<IncomingFile>> {
    let next_id = use_mut_ref(|| 0 as ReportId);
    use_callback((dispatch, worker), move |files: Vec<IncomingFile>, (dispatch, worker)| {
        let added: Vec<AddedFile> = files
            .iter()
            .map(|file| {
                let mut next = next_id.borrow_mut();
                *next += 1;
                AddedFile { id: *next, name: file.name(), size: file.size() }
            })
            .collect();
        dispatch.dispatch(Action::FilesAdded(added.clone()));
        for (file, added) in files.into_iter().zip(added) {
            let worker = worker.clone();
            let on_failure = dispatch.clone();
            let send = move |added: AddedFile, bytes: Vec<u8>| {
                let message = ToWorker::Analyze { id: added.id, name: added.name.clone(), bytes };
                if let Err(message) = worker.send(message) {
                    on_failure.dispatch(Action::FileUnreadable { file: added, message });
                }
            };
            match file {
                IncomingFile::Sample { bytes, .. } => send(added, bytes.to_vec()),
                IncomingFile::Browser(file) => {
                    let dispatch = dispatch.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        match read_bytes(&file).await {
                            Ok(bytes) => send(added, bytes),
                            Err(message) => dispatch.dispatch(Action::FileUnreadable { file: added, message }),
                        }
                    });
                }
            }
        }
    })
}
