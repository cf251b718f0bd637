//! The comparison worker: runs in a dedicated Web Worker of its own and
//! compares the reports the page sends ([`ToCompareWorker::Compare`]),
//! posting its progress step by step, or a report with an earlier year's
//! ([`ToCompareWorker::CompareYears`]), or keeps the reports' words and
//! answers the keyness panel ([`ToCompareWorker::Keyness`]) and the
//! overview's distinctive words ([`ToCompareWorker::DistinctiveTops`]). It needs no
//! dictionary, so it starts at once; the page terminates it to cancel a
//! comparison.

use gongwen_core::compare::year_over_year::compare_year_texts;
use gongwen_core::compare::{CompareSettings, CompareText, Passage, compare_texts};
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

/// The texts received for the latest set request, waiting for its
/// [`ToCompareWorker::Compare`].
#[derive(Default)]
struct PendingTexts {
    /// The request they are for.
    request: u32,
    /// Its reports, in the order sent.
    reports: Vec<ComparedInput>,
    /// Its template files, in the order sent.
    templates: Vec<ComparedInput>,
}

impl PendingTexts {
    /// Keeps a text of `request`, dropping those of an earlier one.
    fn add(&mut self, request: u32, template: bool, input: CompareInput<'_>) {
        if request != self.request {
            *self = Self { request, ..Self::default() };
        }
        let texts = if template { &mut self.templates } else { &mut self.reports };
        texts.push(input.into());
    }

    /// The reports and templates of `request` (none if its texts never
    /// came), leaving nothing pending.
    fn take(&mut self, request: u32) -> (Vec<ComparedInput>, Vec<ComparedInput>) {
        let Self { request: kept, reports, templates } = std::mem::take(self);
        if kept == request { (reports, templates) } else { (Vec::new(), Vec::new()) }
    }
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

/// What the worker keeps between messages.
#[derive(Default)]
struct WorkerState {
    /// Every report's words, for the keyness questions.
    words: SetWords,
    /// The texts of the set request under way.
    pending: PendingTexts,
}

/// Answers one request.
fn answer(scope: &DedicatedWorkerGlobalScope, state: &mut WorkerState, message: ToCompareWorker<'_>) {
    let WorkerState { words, pending } = state;
    match message {
        ToCompareWorker::SetWords { id, words: report } => words.set(id, report.into_owned()),
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
        ToCompareWorker::Text { request, template, input } => pending.add(request, template, input),
        ToCompareWorker::Compare { request, settings, vocabulary } => {
            let (reports, templates) = pending.take(request);
            compare_set(scope, request, reports, templates, &settings, &vocabulary)
        }
        ToCompareWorker::CompareYears { request, current, previous, min_chars } => {
            let (current, previous) = (ComparedInput::from(current), ComparedInput::from(previous));
            let comparison = compare_year_texts(current.text(), previous.text(), min_chars);
            post(scope, &FromCompareWorker::YearsCompared { request, comparison });
        }
    }
}

/// About how many passage occurrences one [`FromCompareWorker::Passages`]
/// message carries: some 300 KB, read by the page in a few milliseconds.
const OCCURRENCES_PER_MESSAGE: usize = 20_000;

/// `passages` in batches of about [`OCCURRENCES_PER_MESSAGE`] occurrences
/// (a passage is never split), in order.
fn passage_batches(passages: Vec<Passage>) -> impl Iterator<Item = Vec<Passage>> {
    let mut passages = passages.into_iter().peekable();
    std::iter::from_fn(move || {
        let mut batch = Vec::new();
        let mut occurrences = 0;
        while occurrences < OCCURRENCES_PER_MESSAGE {
            let Some(passage) = passages.next() else { break };
            occurrences += passage.occurrences.len();
            batch.push(passage);
        }
        (!batch.is_empty()).then_some(batch)
    })
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
    let mut comparison =
        compare_texts(&texts(&reports), &texts(&templates), &lexicon(vocabulary), settings, &mut |progress| {
            post(scope, &FromCompareWorker::Progress { request, progress })
        });
    // The page reads each passage's text from its report (`SetComparison::
    // passage_text`): over a thousand reports the texts were half the answer.
    for passage in &mut comparison.passages {
        passage.text = String::new();
    }
    for passages in passage_batches(std::mem::take(&mut comparison.passages)) {
        post(scope, &FromCompareWorker::Passages { request, passages });
    }
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
    let mut state = WorkerState::default();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        match protocol::decode::<ToCompareWorker<'static>>(&event.data()) {
            Some(Ok(message)) => answer(&handler_scope, &mut state, message),
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

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn input(name: &str) -> CompareInput<'_> {
        CompareInput {
            name: Cow::Borrowed(name),
            text: Cow::Borrowed("正文"),
            lines: Vec::new(),
            source_breaks: Cow::Borrowed(&[]),
            headings: Cow::Borrowed(&[]),
        }
    }

    fn names(texts: &[ComparedInput]) -> Vec<&str> {
        texts.iter().map(|text| text.name.as_str()).collect()
    }

    /// Passages go in batches of about OCCURRENCES_PER_MESSAGE occurrences,
    /// whole and in order.
    #[test]
    fn passages_go_in_batches_of_whole_passages() {
        let passage = |id: usize, occurrences: usize| Passage {
            chars: id,
            text: String::new(),
            template: false,
            reports: occurrences,
            near_copy: false,
            occurrences: vec![
                gongwen_core::compare::PassageOccurrence {
                    text: gongwen_core::compare::TextId::Report(0),
                    start: 0,
                    end: 1,
                    range: gongwen_core::text::TextRange::new(0, 3),
                    line: 1,
                    heading: None,
                    differences: Vec::new(),
                };
                occurrences
            ],
        };
        let passages: Vec<Passage> = (0..100).map(|id| passage(id, if id % 10 == 0 { 9_000 } else { 1_000 })).collect();
        let batches: Vec<Vec<Passage>> = passage_batches(passages.clone()).collect();
        assert!(batches.len() > 2, "{} batches", batches.len());
        for batch in &batches[..batches.len() - 1] {
            let occurrences: usize = batch.iter().map(|p| p.occurrences.len()).sum();
            assert!((OCCURRENCES_PER_MESSAGE..OCCURRENCES_PER_MESSAGE + 9_000).contains(&occurrences), "{occurrences}");
        }
        assert_eq!(batches.concat(), passages);
        assert_eq!(passage_batches(Vec::new()).count(), 0);
    }

    /// A set request's texts are kept in order, reports apart from
    /// templates; a newer request's first text drops an older one's, and
    /// a request is compared only on its own texts.
    #[test]
    fn texts_wait_for_their_own_request() {
        let mut pending = PendingTexts::default();
        pending.add(1, false, input("旧.txt"));
        pending.add(2, false, input("a.txt"));
        pending.add(2, true, input("模板.txt"));
        pending.add(2, false, input("b.txt"));
        assert_eq!(pending.take(1).0.len(), 0, "request 1's texts were dropped by request 2's");
        pending.add(3, false, input("c.txt"));
        pending.add(3, true, input("t.txt"));
        let (reports, templates) = pending.take(3);
        assert_eq!((names(&reports), names(&templates)), (vec!["c.txt"], vec!["t.txt"]));
        assert!(pending.take(3).0.is_empty(), "taken once");
        pending.add(4, false, input("a.txt"));
        pending.add(4, false, input("b.txt"));
        assert_eq!(names(&pending.take(4).0), ["a.txt", "b.txt"]);
    }
}
