//! Which findings of 校对 (the core's `lint`) the user wants to see: the
//! kinds switched off and whether only warnings show. The one choice rules
//! both the 校对 list and the reader's marks, and is kept in localStorage
//! as [`LintFilter::to_stored`] writes it. Also the counts per kind that the
//! kind toggles show, and the names of the severities in the page's
//! language. Plain data, no web types.

use std::collections::BTreeSet;

use gongwen_core::diagnostic::Severity;
use gongwen_core::lint::{LintFinding, LintKind};
use serde::{Deserialize, Serialize};

use crate::i18n::Language;
use crate::state::AnalysedReports;

/// The findings the user wants to see.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LintFilter {
    /// The kinds switched off.
    pub hidden: BTreeSet<LintKind>,
    /// Only warnings show (notes are hidden).
    pub warnings_only: bool,
}

/// A [`LintFilter`] as stored: kinds by their ids, so that a kind a later
/// version renames or drops is skipped instead of spoiling the whole choice.
#[derive(Serialize, Deserialize)]
struct StoredLintFilter {
    #[serde(default)]
    hidden: Vec<String>,
    #[serde(default)]
    warnings_only: bool,
}

impl LintFilter {
    /// Whether `finding` shows.
    pub fn shows(&self, finding: &LintFinding) -> bool {
        !self.hidden.contains(&finding.kind) && (!self.warnings_only || finding.severity == Severity::Warning)
    }

    /// Whether findings of `kind` show (whatever their severity).
    pub fn shows_kind(&self, kind: LintKind) -> bool {
        !self.hidden.contains(&kind)
    }

    /// The same choice with `kind` switched on or off.
    pub fn with_kind(&self, kind: LintKind, shown: bool) -> Self {
        let mut next = self.clone();
        if shown {
            next.hidden.remove(&kind);
        } else {
            next.hidden.insert(kind);
        }
        next
    }

    /// The choice as localStorage keeps it (JSON).
    pub fn to_stored(&self) -> String {
        let stored = StoredLintFilter {
            hidden: self.hidden.iter().map(|&kind| lint_kind_id(kind)).collect(),
            warnings_only: self.warnings_only,
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// A choice [`to_stored`](Self::to_stored) wrote; `None` if `text` is
    /// not one. Unknown kinds are skipped.
    pub fn from_stored(text: &str) -> Option<Self> {
        let stored: StoredLintFilter = serde_json::from_str(text).ok()?;
        let hidden = stored.hidden.iter().filter_map(|id| lint_kind_of_id(id)).collect();
        Some(Self { hidden, warnings_only: stored.warnings_only })
    }
}

/// A kind's stable id, as the CLI's JSON names it (`doubled_word`).
pub fn lint_kind_id(kind: LintKind) -> String {
    serde_json::to_value(kind).ok().and_then(|value| value.as_str().map(str::to_owned)).unwrap_or_default()
}

/// The kind with this id, if there is one.
pub fn lint_kind_of_id(id: &str) -> Option<LintKind> {
    LintKind::ALL.into_iter().find(|&kind| lint_kind_id(kind) == id)
}

/// A severity as users read it, in `language`.
pub fn severity_label(severity: Severity, language: Language) -> &'static str {
    match severity {
        Severity::Warning => language.pick("警告", "Warning"),
        Severity::Info => language.pick("提示", "Note"),
    }
}

/// How many findings of each kind the reports hold, whatever the filter, in
/// the order of [`LintKind::ALL`].
pub fn kind_counts(reports: &AnalysedReports) -> Vec<(LintKind, usize)> {
    LintKind::ALL
        .into_iter()
        .map(|kind| {
            let count =
                reports.iter().map(|(_, analysis)| analysis.lint.iter().filter(|f| f.kind == kind).count()).sum();
            (kind, count)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use gongwen_core::text::TextRange;

    use super::*;

    fn finding(kind: LintKind, severity: Severity) -> LintFinding {
        LintFinding {
            kind,
            severity,
            message: String::new(),
            message_en: String::new(),
            range: TextRange::new(0, 3),
            line: 1,
            text: String::new(),
            suggestion: None,
        }
    }

    #[test]
    fn switched_off_kinds_and_notes_are_hidden() {
        let typo = finding(LintKind::Typo, Severity::Warning);
        let comma = finding(LintKind::HalfWidthPunctuation, Severity::Info);
        let filter = LintFilter::default();
        assert!(filter.shows(&typo) && filter.shows(&comma));
        let no_typos = filter.with_kind(LintKind::Typo, false);
        assert!(!no_typos.shows(&typo) && no_typos.shows(&comma));
        assert!(!no_typos.shows_kind(LintKind::Typo));
        assert_eq!(no_typos.with_kind(LintKind::Typo, true), filter);
        let warnings = LintFilter { warnings_only: true, ..LintFilter::default() };
        assert!(warnings.shows(&typo) && !warnings.shows(&comma));
    }

    #[test]
    fn the_choice_survives_storage_and_unknown_kinds_are_skipped() {
        let filter = LintFilter {
            hidden: [LintKind::DoubledPunctuation, LintKind::FormulationOutdated].into_iter().collect(),
            warnings_only: true,
        };
        let stored = filter.to_stored();
        assert_eq!(stored, r#"{"hidden":["doubled_punctuation","formulation_outdated"],"warnings_only":true}"#);
        assert_eq!(LintFilter::from_stored(&stored), Some(filter));
        let older = r#"{"hidden":["typo","no_such_kind"]}"#;
        let read = LintFilter::from_stored(older).expect("readable");
        assert_eq!(read.hidden.into_iter().collect::<Vec<_>>(), [LintKind::Typo]);
        assert!(!read.warnings_only);
        assert_eq!(LintFilter::from_stored("not json"), None);
    }

    #[test]
    fn severities_are_named_in_either_language() {
        assert_eq!(severity_label(Severity::Warning, Language::Chinese), "警告");
        assert_eq!(severity_label(Severity::Info, Language::Chinese), "提示");
        assert_eq!(severity_label(Severity::Warning, Language::English), "Warning");
        assert_eq!(severity_label(Severity::Info, Language::English), "Note");
    }

    #[test]
    fn every_kind_has_an_id_that_names_it_back() {
        for kind in LintKind::ALL {
            let id = lint_kind_id(kind);
            assert!(!id.is_empty());
            assert_eq!(lint_kind_of_id(&id), Some(kind));
        }
    }
}
