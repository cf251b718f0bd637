//! The comparison worker: runs in a dedicated Web Worker of its own and
//! compares the reports the page sends ([`ToCompareWorker::Compare`]),
//! posting its progress step by step, or a report with an earlier year's
//! ([`ToCompareWorker::CompareYears`]), or keeps the reports' words and
//! answers the keyness panel ([`ToCompareWorker::Keyness`]) and the
//! overview's distinctive words ([`ToCompareWorker::DistinctiveTops`]). It needs no
//! dictionary, so it starts at once; the page terminates it to cancel a
//! comparison.

use gongwen_core::compare::year_over_year::compare_year_texts;
use gongwen_core::compare::{CompareSettings, CompareText, compare_texts};
use gongwen_core::lexicon::Lexicon;
use gongwen_core::vocabulary::UserVocabulary;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::compare_protocol::{CompareInput, ComparedInput, FromCompareWorker, ToCompareWorker};
use crate::protocol;
use crate::set_analyses::SetWords;

/// Posts a message to the page, moving its bytes.
fn post(scope: &DedicatedWorkerGlobalScope, message: &FromCompareWorker) {
    protocol::post_to_page(scope, "gongwen compare worker", message);
}

/// The lexicon whose formulations alone never make a shared passage.
fn lexicon(vocabulary: &UserVocabulary) -> Lexicon {
    vocabulary.apply_to_lexicon(Lexicon::builtin().unwrap_or_default())
}

/// The inputs as compared, their texts moved.
fn compared(inputs: Vec<CompareInput>) -> Vec<ComparedInput> {
    inputs.into_iter().map(ComparedInput::from).collect()
}

/// What the core's comparison reads of each.
fn texts(inputs: &[ComparedInput]) -> Vec<CompareText<'_>> {
    inputs.iter().map(ComparedInput::text).collect()
}

/// The size of this module's linear memory, in bytes.
fn memory_bytes() -> u64 {
    #[cfg(target_arch = "wasm32")]
    let pages = core::arch::wasm32::memory_size(0) as u64;
    #[cfg(not(target_arch = "wasm32"))]
    let pages = 0u64;
    pages * 65_536
}

/// Answers one request.
fn answer(scope: &DedicatedWorkerGlobalScope, words: &mut SetWords, message: ToCompareWorker) {
    match message {
        ToCompareWorker::SetWords { id, words: report } => words.set(id, report),
        ToCompareWorker::ForgetWords { ids } => {
            for id in ids {
                words.forget(id);
            }
        }
        ToCompareWorker::Keyness { request, id, sequence } => {
            post(scope, &FromCompareWorker::Keyness { request, lists: words.keyness(id, &sequence) });
        }
        ToCompareWorker::DistinctiveTops { request } => {
            post(scope, &FromCompareWorker::DistinctiveTops { request, tops: words.distinctive_tops() });
        }
        ToCompareWorker::Compare { request, reports, templates, settings, vocabulary } => {
            compare_set(scope, request, compared(reports), compared(templates), &settings, &vocabulary)
        }
        ToCompareWorker::CompareYears { request, current, previous, min_chars } => {
            let (current, previous) = (ComparedInput::from(current), ComparedInput::from(previous));
            let comparison = compare_year_texts(current.text(), previous.text(), min_chars);
            post(scope, &FromCompareWorker::YearsCompared { request, comparison });
        }
    }
}

/// Compares a set of reports with each other.
fn compare_set(
    scope: &DedicatedWorkerGlobalScope,
    request: u32,
    reports: Vec<ComparedInput>,
    templates: Vec<ComparedInput>,
    settings: &CompareSettings,
    vocabulary: &UserVocabulary,
) {
    let started = scope.performance().map_or(0.0, |performance| performance.now());
    let comparison =
        compare_texts(&texts(&reports), &texts(&templates), &lexicon(vocabulary), settings, &mut |progress| {
            post(scope, &FromCompareWorker::Progress { request, progress })
        });
    let millis = scope.performance().map_or(0.0, |performance| performance.now()) - started;
    post(
        scope,
        &FromCompareWorker::Compared {
            request,
            comparison: Box::new(comparison),
            millis,
            memory_bytes: memory_bytes(),
        },
    );
}

/// Installs the message handler and announces readiness. Called once when
/// the worker's module starts.
pub fn run_compare_worker() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let handler_scope = scope.clone();
    let mut words = SetWords::default();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        match protocol::decode::<ToCompareWorker>(&event.data()) {
            Some(Ok(message)) => answer(&handler_scope, &mut words, message),
            Some(Err(error)) => {
                web_sys::console::error_2(&"gongwen compare worker: unreadable message".into(), &error.into())
            }
            None => web_sys::console::error_1(&"gongwen compare worker: unreadable message".into()),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &FromCompareWorker::Ready);
}
