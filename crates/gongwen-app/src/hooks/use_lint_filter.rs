//! `use_lint_filter`: the user's choice of 校对 findings (kinds switched
//! off, warnings only), restored from localStorage when the page opens and
//! stored on every change, so that it survives a reload.

use yew::prelude::*;

use crate::lint_filter::LintFilter;
use crate::local_storage::{local_storage, read};

/// The localStorage key; the suffix versions the stored shape.
const STORAGE_KEY: &str = "gongwen-lens.lint-filter.v1";

/// The stored choice, or none if nothing (or nothing readable) is stored.
fn load() -> Option<LintFilter> {
    read(STORAGE_KEY).and_then(|text| LintFilter::from_stored(&text))
}

fn save(filter: &LintFilter) {
    let Some(storage) = local_storage() else { return };
    let result = if *filter == LintFilter::default() {
        storage.remove_item(STORAGE_KEY)
    } else {
        storage.set_item(STORAGE_KEY, &filter.to_stored())
    };
    // A refused write (private mode, quota) only loses the preference.
    if let Err(error) = result {
        web_sys::console::warn_2(&"gongwen: could not store the lint filter".into(), &error);
    }
}

/// The current choice and the callback that changes (and stores) it.
#[hook]
pub fn use_lint_filter() -> (LintFilter, Callback<LintFilter>) {
    let filter = use_state(|| load().unwrap_or_default());
    let set = {
        let filter = filter.clone();
        Callback::from(move |next: LintFilter| {
            save(&next);
            filter.set(next);
        })
    };
    ((*filter).clone(), set)
}
