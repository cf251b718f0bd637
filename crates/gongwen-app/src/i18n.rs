//! The page's two languages: Chinese (zh-CN, the default) and English,
//! chosen by a toolbar toggle and remembered in localStorage. Every label,
//! message and chart title of the page's chrome is written in both, side by
//! side where it is used (`language.pick("清空", "Clear")`), so a label
//! cannot miss its translation. The reports' own text (and words, headings,
//! passages taken from it) stays as it is: an element that shows it carries
//! `lang="zh-CN"`, so that in English the browser and screen readers still
//! read it as Chinese, and the tests can tell content from chrome.
//!
//! The core names its kinds (parts, 校对 findings, genres, removed noise,
//! formats, places) and writes its messages in both languages; this module
//! picks the one the page speaks.

use gongwen_core::ReadError;
use gongwen_core::diagnostic::Diagnostic;
use gongwen_core::lint::{LintFinding, LintKind};
use gongwen_core::noise::NoiseKind;
use gongwen_core::source::{LineUnit, SourceFormat};
use gongwen_core::structure::PartKind;
use gongwen_core::themes::Genre;
use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::local_storage;

/// The localStorage key of the choice.
const STORAGE_KEY: &str = "gongwen.language.v1";

/// The language of the page's chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// 简体中文 (the default).
    #[default]
    Chinese,
    /// English.
    English,
}

/// The `lang` attribute of an element showing the reports' own text.
pub const CONTENT_LANG: &str = "zh-CN";

impl Language {
    /// The language chosen before, or Chinese.
    pub fn stored() -> Self {
        match local_storage::read(STORAGE_KEY).as_deref() {
            Some("en") => Self::English,
            _ => Self::Chinese,
        }
    }

    /// Remembers the choice and sets the document's `lang`.
    pub fn apply(self) {
        local_storage::write(STORAGE_KEY, self.code());
        if let Some(root) =
            web_sys::window().and_then(|window| window.document()).and_then(|doc| doc.document_element())
        {
            let _ = root.set_attribute("lang", self.code());
        }
    }

    /// The BCP 47 code of the language.
    pub fn code(self) -> &'static str {
        match self {
            Self::Chinese => "zh-CN",
            Self::English => "en",
        }
    }

    /// The other language (what the toggle switches to).
    pub fn other(self) -> Self {
        match self {
            Self::Chinese => Self::English,
            Self::English => Self::Chinese,
        }
    }

    /// The Chinese or the English of a text.
    pub fn pick<T>(self, chinese: T, english: T) -> T {
        match self {
            Self::Chinese => chinese,
            Self::English => english,
        }
    }

    /// Whether the page speaks English.
    pub fn is_english(self) -> bool {
        self == Self::English
    }

    /// A count as this language writes it: digits alone in Chinese (2526),
    /// grouped by thousands in English (2,526).
    pub fn count(self, count: usize) -> String {
        let digits = count.to_string();
        if self == Self::Chinese || digits.len() <= 3 {
            return digits;
        }
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        grouped
    }

    /// `count` things: `2 份报告` / `2 reports`, with the English noun in
    /// the singular for one.
    pub fn things(self, count: usize, chinese_unit: &str, english_one: &str, english_many: &str) -> String {
        match self {
            Self::Chinese => format!("{} {chinese_unit}", self.count(count)),
            Self::English => english_things(count, english_one, english_many),
        }
    }

    /// The name of a part of a report.
    pub fn part(self, part: PartKind) -> &'static str {
        self.pick(part.label(), part.label_en())
    }

    /// The name of a kind of 校对 finding.
    pub fn lint_kind(self, kind: LintKind) -> &'static str {
        self.pick(kind.label(), kind.label_en())
    }

    /// The name of a genre of report.
    pub fn genre(self, genre: Genre) -> &'static str {
        self.pick(genre.label(), genre.label_en())
    }

    /// The name of a kind of text removed by cleaning.
    pub fn noise(self, kind: NoiseKind) -> &'static str {
        self.pick(kind.label(), kind.label_en())
    }

    /// Position `line` of a report counted in `unit`: 「第 3 行」, `line 3`.
    pub fn place(self, unit: &LineUnit, line: u32) -> String {
        match self {
            Self::Chinese => unit.describe(line),
            Self::English => unit.describe_en(line),
        }
    }

    /// A diagnostic's message (the core writes both; the Chinese one stands
    /// in for an English one it lacks).
    pub fn diagnostic(self, diagnostic: &Diagnostic) -> &str {
        match self {
            Self::English if !diagnostic.message_en.is_empty() => &diagnostic.message_en,
            _ => &diagnostic.message,
        }
    }

    /// A 校对 finding's message (as [`diagnostic`](Self::diagnostic)).
    pub fn finding(self, finding: &LintFinding) -> &str {
        match self {
            Self::English if !finding.message_en.is_empty() => &finding.message_en,
            _ => &finding.message,
        }
    }

    /// The name of a file format.
    pub fn format(self, format: SourceFormat) -> &'static str {
        self.pick(format.display_name(), format.display_name_en())
    }
}

/// A message made before the language it is shown in is known (a file's
/// failure, made in the worker): both texts travel with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    /// The Chinese text.
    pub chinese: String,
    /// The English text.
    pub english: String,
}

impl Bilingual {
    /// A message in both languages.
    pub fn new(chinese: impl Into<String>, english: impl Into<String>) -> Self {
        Self { chinese: chinese.into(), english: english.into() }
    }

    /// A failure and its reason (the browser's or a worker's own words,
    /// untranslated): 「{chinese}：{reason}」, `{english}: {reason}`.
    pub fn with_reason(chinese: &str, english: &str, reason: impl std::fmt::Display) -> Self {
        Self::new(format!("{chinese}：{reason}"), format!("{english}: {reason}"))
    }

    /// The text in `language`.
    pub fn text(&self, language: Language) -> &str {
        language.pick(&self.chinese, &self.english)
    }
}

impl From<&ReadError> for Bilingual {
    fn from(error: &ReadError) -> Self {
        Self::new(error.to_string(), error.english())
    }
}

impl From<ReadError> for Bilingual {
    fn from(error: ReadError) -> Self {
        Self::from(&error)
    }
}

/// The language of the page, from the app's context (Chinese outside it).
#[hook]
pub fn use_language() -> Language {
    use_context::<Language>().unwrap_or_default()
}

/// `count` things in English, for the English half of a text written in
/// both languages: `1 section`, `2,526 sections`.
pub fn english_things(count: usize, one: &str, many: &str) -> String {
    format!("{} {}", Language::English.count(count), if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_in_english_only() {
        assert_eq!(Language::Chinese.count(1_234_567), "1234567");
        assert_eq!(Language::English.count(1_234_567), "1,234,567");
        assert_eq!(Language::English.count(999), "999");
        assert_eq!(Language::English.count(1000), "1,000");
        assert_eq!(Language::English.things(1, "份", "report", "reports"), "1 report");
        assert_eq!(Language::English.things(2, "份", "report", "reports"), "2 reports");
        assert_eq!(Language::Chinese.things(2, "份", "report", "reports"), "2 份");
        assert_eq!(english_things(1, "section", "sections"), "1 section");
        assert_eq!(english_things(2526, "section", "sections"), "2,526 sections");
    }

    #[test]
    fn places_are_named_in_either_language() {
        let pages = LineUnit::PageLine { page_starts: vec![1, 40] };
        assert_eq!(Language::Chinese.place(&pages, 45), "第 2 页第 6 行");
        assert_eq!(Language::English.place(&pages, 45), "page 2, line 6");
        assert_eq!(Language::English.place(&LineUnit::Paragraph, 7), "paragraph 7");
        assert_eq!(Language::English.place(&LineUnit::Line, 3), "line 3");
    }

    #[test]
    fn every_kind_has_an_english_name_without_chinese() {
        let chinese = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for kind in LintKind::ALL {
            assert!(!chinese(Language::English.lint_kind(kind)), "{kind:?}");
        }
        for part in [PartKind::Achievements, PartKind::Problems, PartKind::Plans] {
            assert!(!chinese(Language::English.part(part)));
            assert_eq!(Language::Chinese.part(part), part.label());
        }
    }
}
