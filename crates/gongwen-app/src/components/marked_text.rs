//! A report's cleaned text as paragraphs of marked runs: the common ground of
//! the views that read two reports in parallel columns (并排对照's shared
//! passages in matching colours, 对照's kept, edited, new and dropped text).
//! The caller says what each byte is (a key) and how to show a run of bytes
//! with one key; the paragraphs are the cleaned lines, marked as the
//! report's (Chinese) text. [`jump_to`] scrolls a column to a mark.

use gongwen_core::ReportAnalysis;
use gongwen_core::text::TextRange;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::i18n::CONTENT_LANG;

/// Scrolls the first element matching `selector` into the middle of its
/// column, smoothly, and marks it (class `jumped`) as the one just jumped
/// to, unmarking the one before. Does nothing if there is no such element.
pub fn jump_to(selector: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(element) = document.query_selector(selector).ok().flatten() else { return };
    let options = ScrollIntoViewOptions::new();
    options.set_behavior(ScrollBehavior::Smooth);
    options.set_block(ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(previous) = document.query_selector(".jumped").ok().flatten() {
        let _ = previous.class_list().remove_1("jumped");
    }
    let _ = element.class_list().add_1("jumped");
}

/// The runs of `range` in `text` whose characters share a key, in order.
pub fn runs_of<K: Copy + PartialEq>(text: &str, range: TextRange, key_at: impl Fn(usize) -> K) -> Vec<(K, TextRange)> {
    let mut runs: Vec<(K, TextRange)> = Vec::new();
    for (offset, c) in range.slice(text).char_indices() {
        let byte = range.start + offset;
        let key = key_at(byte);
        match runs.last_mut() {
            Some((last, run)) if *last == key => run.end = byte + c.len_utf8(),
            _ => runs.push((key, TextRange::new(byte, byte + c.len_utf8()))),
        }
    }
    runs
}

/// The report's paragraphs (`<p class="{class}" lang="zh-CN">` with the
/// source line in `data-line`), each a sequence of runs shown by `show_run`; `anchor_of`
/// may give a paragraph an id, from its range.
pub fn marked_paragraphs<K: Copy + PartialEq>(
    analysis: &ReportAnalysis,
    class: &'static str,
    key_at: impl Fn(usize) -> K,
    show_run: impl Fn(K, TextRange, &str) -> Html,
    anchor_of: impl Fn(TextRange) -> Option<String>,
) -> Html {
    let text = &analysis.cleaned.text;
    analysis
        .cleaned
        .lines
        .iter()
        .filter(|line| !line.range.is_empty())
        .map(|line| {
            let runs = runs_of(text, line.range, &key_at);
            html! {
                <p {class} lang={CONTENT_LANG} id={anchor_of(line.range)} data-line={line.source_line.to_string()}>
                    { for runs.into_iter().map(|(key, run)| show_run(key, run, run.slice(text))) }
                </p>
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_follow_the_keys_character_by_character() {
        let text = "一二三四五";
        // Bytes 3..9 (二三) are marked.
        let runs = runs_of(text, TextRange::new(0, text.len()), |byte| (3..9).contains(&byte));
        assert_eq!(
            runs,
            vec![(false, TextRange::new(0, 3)), (true, TextRange::new(3, 9)), (false, TextRange::new(9, 15))]
        );
        assert!(runs_of(text, TextRange::new(6, 6), |_| 0).is_empty());
    }
}
