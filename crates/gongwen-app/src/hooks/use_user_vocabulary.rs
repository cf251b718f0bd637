//! `use_user_vocabulary`: keeps the user's vocabulary changes in the
//! browser's localStorage, restores them when the page opens, and hands every
//! change to the analysis pool (which analyses all files again).

use gongwen_core::vocabulary::UserVocabulary;
use yew::prelude::*;

use super::use_analysis_worker::AnalysisWorker;
use crate::local_storage::{local_storage, read};
use crate::state::{Action, AppState};

/// The localStorage key; the suffix versions the stored shape.
const STORAGE_KEY: &str = "gongwen-lens.vocabulary.v1";

/// The stored vocabulary, or none if nothing (or nothing readable) is stored.
fn load() -> Option<UserVocabulary> {
    let text = read(STORAGE_KEY)?;
    serde_json::from_str::<UserVocabulary>(&text).ok().map(|vocabulary| vocabulary.normalized())
}

fn save(vocabulary: &UserVocabulary) {
    let Some(storage) = local_storage() else { return };
    let result = if vocabulary.is_empty() {
        storage.remove_item(STORAGE_KEY)
    } else {
        match serde_json::to_string(vocabulary) {
            Ok(json) => storage.set_item(STORAGE_KEY, &json),
            Err(_) => return,
        }
    };
    if let Err(error) = result {
        web_sys::console::warn_2(&"gongwen: could not store the vocabulary".into(), &error);
    }
}

/// Restores the stored vocabulary once and returns the callback that changes it.
#[hook]
pub fn use_user_vocabulary(
    dispatch: UseReducerDispatcher<AppState>,
    worker: AnalysisWorker,
) -> Callback<UserVocabulary> {
    {
        let dispatch = dispatch.clone();
        let worker = worker.clone();
        use_effect_with((), move |_| {
            if let Some(vocabulary) = load().filter(|vocabulary| !vocabulary.is_empty()) {
                apply(&dispatch, &worker, vocabulary);
            }
        });
    }
    use_callback((dispatch, worker), |vocabulary: UserVocabulary, (dispatch, worker)| {
        let vocabulary = vocabulary.normalized();
        save(&vocabulary);
        apply(dispatch, worker, vocabulary);
    })
}

fn apply(dispatch: &UseReducerDispatcher<AppState>, worker: &AnalysisWorker, vocabulary: UserVocabulary) {
    dispatch.dispatch(Action::VocabularyChanged(vocabulary.clone()));
    worker.configure(vocabulary);
}
