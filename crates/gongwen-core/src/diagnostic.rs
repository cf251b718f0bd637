//! Diagnostics: what an analysis noticed about a report that the user should
//! know, with a position. Analyses return these next to their results instead
//! of failing on an odd report.

use serde::{Deserialize, Serialize};

/// How much a diagnostic matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing, nothing wrong.
    Info,
    /// Probably a flaw in the report or something the analysis could not read.
    Warning,
}

/// One finding, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How much it matters.
    pub severity: Severity,
    /// A stable identifier for tools, e.g. `"no-headings"`.
    pub code: String,
    /// The message shown to users, in Chinese.
    pub message: String,
    /// The same message in English; it quotes nothing from the report (the
    /// place it concerns says where) (added field).
    #[serde(default)]
    pub message_en: String,
    /// 1-based source line it concerns, if it concerns one.
    pub line: Option<u32>,
    /// Index of the outline heading it concerns, if it concerns one.
    pub heading: Option<usize>,
}

impl Diagnostic {
    /// A warning with a code, a message in Chinese and in English, and an
    /// optional source line.
    pub fn warning(code: &str, message: impl Into<String>, message_en: impl Into<String>, line: Option<u32>) -> Self {
        Self::new(Severity::Warning, code, message.into(), message_en.into(), line)
    }

    /// An informational note with a code, a message in Chinese and in
    /// English, and an optional source line.
    pub fn info(code: &str, message: impl Into<String>, message_en: impl Into<String>, line: Option<u32>) -> Self {
        Self::new(Severity::Info, code, message.into(), message_en.into(), line)
    }

    fn new(severity: Severity, code: &str, message: String, message_en: String, line: Option<u32>) -> Self {
        Self { severity, code: code.to_owned(), message, message_en, line, heading: None }
    }

    /// The same diagnostic, attached to outline heading `index`.
    pub fn on_heading(mut self, index: usize) -> Self {
        self.heading = Some(index);
        self
    }
}
