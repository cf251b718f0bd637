//! `use_report_loader`: takes files from the drop zone, the file picker or the
//! samples, registers them in the state at once, reads their bytes and hands
//! them to the analysis worker.

use yew::prelude::*;

use super::use_analysis_worker::AnalysisWorker;
use crate::incoming_file::IncomingFile;
use crate::protocol::ReportId;
use crate::state::{Action, AddedFile, AppState};

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
            let dispatch = dispatch.clone();
            // Samples are read at once; a browser file's bytes arrive later.
            wasm_bindgen_futures::spawn_local(async move {
                let sent = match file.read().await {
                    Ok(bytes) => worker.analyze(added.id, file, bytes),
                    Err(message) => Err(message),
                };
                if let Err(message) = sent {
                    dispatch.dispatch(Action::FileUnreadable { file: added, message });
                }
            });
        }
    })
}
