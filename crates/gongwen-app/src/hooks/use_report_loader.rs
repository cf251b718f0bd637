//! `use_report_loader`: takes files from the drop zone, the file picker or the
//! samples, registers them in the state at once, keeps them in the saved
//! work when that is on, and queues them for the analysis pool, which reads
//! their bytes when a worker is free.

use gongwen_core::{ReadError, ReadLimits};
use yew::prelude::*;

use super::use_analysis_worker::AnalysisWorker;
use crate::incoming_file::IncomingFile;
use crate::saved_work::SavedWork;
use crate::state::{Action, AddedFile, AppState};

/// Returns the callback that loads files.
#[hook]
pub fn use_report_loader(
    dispatch: UseReducerDispatcher<AppState>,
    worker: AnalysisWorker,
    saved: SavedWork,
) -> Callback<Vec<IncomingFile>> {
    use_callback((dispatch, worker, saved), move |files: Vec<IncomingFile>, (dispatch, worker, saved)| {
        let limits = ReadLimits::default();
        let added: Vec<AddedFile> =
            files.iter().map(|file| AddedFile { id: worker.next_id(), name: file.name(), size: file.size() }).collect();
        dispatch.dispatch(Action::FilesAdded(added.clone()));
        // Kept even when refused below: a reload shows the same refusal.
        saved.record(added.iter().map(|added| added.id).zip(&files));
        let mut loaded = worker.held_bytes();
        for (file, added) in files.into_iter().zip(added) {
            // A file over a limit is refused before its bytes are read.
            let size = u64::try_from(added.size).unwrap_or(u64::MAX);
            let within = limits.check_file_size(added.size).and_then(|()| {
                if loaded.saturating_add(size) > limits.max_total_bytes {
                    Err(ReadError::TotalTooLarge { loaded, limit: limits.max_total_bytes })
                } else {
                    Ok(())
                }
            });
            if let Err(error) = within {
                dispatch.dispatch(Action::FileUnreadable { file: added, message: error.into() });
                continue;
            }
            loaded = loaded.saturating_add(size);
            // It is read when a worker of the pool is free for it.
            worker.analyze(added.id, file);
        }
    })
}
