//! Searching every loaded report (搜索): plain text, as Ctrl-F finds it, or a
//! regular expression (the browser's own, with the `u` flag: no engine of our
//! own in the page), the hits of each report with their section, line and
//! context (the core's concordance lines). Plain data except the regular
//! expression, which `js_sys::RegExp` runs; a bad pattern is told in either
//! of the page's languages.

use gongwen_core::ReportAnalysis;
use gongwen_core::concordance::{ConcordanceLine, lines_at, text_matches};
use gongwen_core::text::TextRange;
use wasm_bindgen::JsCast;

use crate::i18n::Language;

/// Characters of context on each side of a hit.
pub const SEARCH_CONTEXT: usize = 20;

/// The most hits kept for a search; the counts go on.
pub const MAX_HITS: usize = 2_000;

/// What to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// The text or pattern.
    pub text: String,
    /// Whether `text` is a regular expression.
    pub regex: bool,
}

/// Why a search cannot run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchError {
    /// The pattern is not a regular expression, with the browser's reason.
    BadPattern(String),
}

impl SearchError {
    /// What is wrong, in `language`, without the browser's reason.
    pub fn summary(&self, language: Language) -> &'static str {
        match self {
            SearchError::BadPattern(_) => language.pick("正则表达式有误", "Not a valid pattern"),
        }
    }

    /// The browser's reason (in the browser's language, quoting the
    /// pattern), empty when it gave none.
    pub fn reason(&self) -> &str {
        match self {
            SearchError::BadPattern(reason) => reason,
        }
    }
}

/// The browser's regular expression of `pattern` (flags `gu`), or why it is
/// not one. Built through `Reflect.construct`, which returns the
/// constructor's exception instead of throwing it through the wasm.
pub fn compile(pattern: &str) -> Result<js_sys::RegExp, SearchError> {
    let reason = |error: wasm_bindgen::JsValue| {
        SearchError::BadPattern(
            js_sys::Reflect::get(&error, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default(),
        )
    };
    let constructor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"RegExp".into())
        .map_err(reason)?
        .dyn_into()
        .map_err(|_| SearchError::BadPattern("RegExp".to_owned()))?;
    let arguments = js_sys::Array::of2(&pattern.into(), &"gu".into());
    js_sys::Reflect::construct(&constructor, &arguments)
        .map_err(reason)?
        .dyn_into()
        .map_err(|_| SearchError::BadPattern("RegExp".to_owned()))
}

/// The byte ranges `query` finds in `text`, in order, none empty; `regex`
/// is `query`'s compiled pattern when it is a regular expression.
pub fn find(text: &str, query: &SearchQuery, regex: Option<&js_sys::RegExp>) -> Vec<TextRange> {
    if query.text.is_empty() {
        return Vec::new();
    }
    let Some(regex) = regex.filter(|_| query.regex) else { return text_matches(text, &query.text) };
    regex.set_last_index(0);
    let haystack = js_sys::JsString::from(text);
    let mut utf16_matches: Vec<(u32, u32)> = Vec::new();
    for found in haystack.match_all(regex).into_iter().flatten() {
        let found: js_sys::Array = found.unchecked_into();
        let length = js_sys::JsString::from(found.get(0)).length();
        let start = js_sys::Reflect::get(&found, &"index".into()).ok().and_then(|index| index.as_f64()).unwrap_or(0.0);
        if length > 0 {
            let start = start as u32;
            utf16_matches.push((start, start + length));
        }
    }
    // UTF-16 positions to byte offsets, in one walk over the text.
    let mut ranges = Vec::with_capacity(utf16_matches.len());
    let mut pending = utf16_matches.into_iter().peekable();
    let mut open: Option<(usize, u32)> = None;
    let mut utf16 = 0u32;
    for (byte, c) in text.char_indices().chain(std::iter::once((text.len(), '\0'))) {
        loop {
            match (open, pending.peek()) {
                (Some((start, end)), _) if end <= utf16 => {
                    ranges.push(TextRange::new(start, byte));
                    open = None;
                }
                (None, Some(&(start, end))) if start <= utf16 => {
                    pending.next();
                    open = Some((byte, end));
                }
                _ => break,
            }
        }
        utf16 += c.len_utf16() as u32;
    }
    ranges
}

/// A report's hits: its concordance lines, and how many hits in all.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportHits {
    /// The hits kept.
    pub lines: Vec<ConcordanceLine>,
    /// Every hit, kept or not.
    pub total: usize,
}

/// The hits of `ranges` in `analysis`, at most `room` of them kept.
pub fn report_hits(analysis: &ReportAnalysis, ranges: &[TextRange], room: usize) -> ReportHits {
    let kept = &ranges[..ranges.len().min(room)];
    ReportHits { lines: lines_at(&analysis.cleaned, &analysis.outline, kept, SEARCH_CONTEXT), total: ranges.len() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_pattern_is_told_in_either_language() {
        let error = SearchError::BadPattern("Unterminated group".to_owned());
        assert_eq!(error.summary(Language::Chinese), "正则表达式有误");
        assert_eq!(error.summary(Language::English), "Not a valid pattern");
        assert_eq!(error.reason(), "Unterminated group");
    }
}
