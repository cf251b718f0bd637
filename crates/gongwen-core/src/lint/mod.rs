//! What a reviewer marks in a report (校对), as one list of findings with
//! positions: careless writing ([`writing`]: doubled words and punctuation,
//! half-width punctuation, unmatched pairs, typos, number style), the
//! outline's numbering gaps and repeats, the site marks cleaning removed,
//! redacted figures, and formulations quoted wrong ([`canon`]: a counted
//! formulation whose members do not add up, a wrong or misordered member, a
//! near miss of a canonical phrase, wording outdated in the report's year).
//! Each finding has a kind users can switch off, a severity, a short Chinese
//! message and, where one is known, a suggestion.

pub mod canon;
mod writing;

use serde::{Deserialize, Serialize};

use crate::clean::CleanedText;
use crate::diagnostic::Severity;
use crate::figures::Figure;
use crate::noise::NoiseKind;
use crate::outline::Outline;
use crate::text::TextRange;
pub use writing::lint_text;

/// What kind of flaw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LintKind {
    /// A word or character written twice (围绕围绕).
    DoubledWord,
    /// A punctuation mark written twice (。。).
    DoubledPunctuation,
    /// Half-width punctuation between Chinese characters (要点, 明确).
    HalfWidthPunctuation,
    /// A quote or bracket without its partner.
    UnmatchedPair,
    /// A likely typo (新时达 for 新时代).
    Typo,
    /// A number written in mixed styles (二0二三年).
    NumberStyle,
    /// A heading number that skips, repeats, restarts or runs backwards.
    Numbering,
    /// A mark a document-sharing site left (`##paidbegin##`), removed by
    /// cleaning.
    SiteMark,
    /// A figure whose number is hidden (`**`, `××`).
    Redaction,
    /// A counted formulation whose listed members do not match its count
    /// (三个自信 with four members).
    FormulationCount,
    /// A listed member that is not one, or members out of order.
    FormulationMember,
    /// A canonical phrase with one character added, dropped, changed or
    /// swapped (社会主意思想).
    FormulationNearMiss,
    /// Wording replaced before the report's year (以习近平同志为总书记的党中央
    /// after 2016).
    FormulationOutdated,
}

impl LintKind {
    /// Every kind, in the order the page lists them.
    pub const ALL: [LintKind; 13] = [
        LintKind::FormulationCount,
        LintKind::FormulationMember,
        LintKind::FormulationNearMiss,
        LintKind::FormulationOutdated,
        LintKind::Typo,
        LintKind::DoubledWord,
        LintKind::DoubledPunctuation,
        LintKind::HalfWidthPunctuation,
        LintKind::UnmatchedPair,
        LintKind::NumberStyle,
        LintKind::Numbering,
        LintKind::SiteMark,
        LintKind::Redaction,
    ];

    /// The kind's English name.
    pub fn label_en(self) -> &'static str {
        match self {
            LintKind::DoubledWord => "Doubled word",
            LintKind::DoubledPunctuation => "Doubled punctuation",
            LintKind::HalfWidthPunctuation => "Half-width punctuation",
            LintKind::UnmatchedPair => "Unmatched quote or bracket",
            LintKind::Typo => "Likely typo",
            LintKind::NumberStyle => "Number style",
            LintKind::Numbering => "Numbering gap",
            LintKind::SiteMark => "Website mark",
            LintKind::Redaction => "Redacted figure",
            LintKind::FormulationCount => "Formulation count mismatch",
            LintKind::FormulationMember => "Formulation member or order wrong",
            LintKind::FormulationNearMiss => "Formulation wording wrong",
            LintKind::FormulationOutdated => "Formulation superseded",
        }
    }

    /// The kind's Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            LintKind::DoubledWord => "重复字词",
            LintKind::DoubledPunctuation => "重复标点",
            LintKind::HalfWidthPunctuation => "半角标点",
            LintKind::UnmatchedPair => "引号括号不配对",
            LintKind::Typo => "疑似错别字",
            LintKind::NumberStyle => "数字写法",
            LintKind::Numbering => "编号不连续",
            LintKind::SiteMark => "网站标记",
            LintKind::Redaction => "数字隐去",
            LintKind::FormulationCount => "提法数目不符",
            LintKind::FormulationMember => "提法内容或顺序有误",
            LintKind::FormulationNearMiss => "提法字词有误",
            LintKind::FormulationOutdated => "提法已更新",
        }
    }

    /// What a finding of this kind means, in English. It quotes nothing from
    /// the report: the text as written and the suggestion stand beside it.
    pub fn english_message(self) -> &'static str {
        match self {
            LintKind::DoubledWord => "Written twice",
            LintKind::DoubledPunctuation => "A punctuation mark doubled",
            LintKind::HalfWidthPunctuation => "A half-width mark between Chinese characters",
            LintKind::UnmatchedPair => "A quote or bracket without its partner",
            LintKind::Typo => "Probably a typo",
            LintKind::NumberStyle => "Chinese and Arabic numerals mixed in one number",
            LintKind::Numbering => "The numbering is not continuous",
            LintKind::SiteMark => "A website's mark, removed",
            LintKind::Redaction => "The value is hidden and cannot be checked",
            LintKind::FormulationCount => "The count in the formulation's name is wrong",
            LintKind::FormulationMember => "An item, the count or the order differs from the standard formulation",
            LintKind::FormulationNearMiss => "Close to a standard formulation but worded differently",
            LintKind::FormulationOutdated => "This wording has since been changed",
        }
    }

    /// Whether the kind is about formulations quoted wrong (the errors a
    /// document must never contain).
    pub fn is_formulation(self) -> bool {
        matches!(
            self,
            LintKind::FormulationCount
                | LintKind::FormulationMember
                | LintKind::FormulationNearMiss
                | LintKind::FormulationOutdated
        )
    }
}

/// One flaw found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LintFinding {
    /// What kind of flaw.
    pub kind: LintKind,
    /// How much it matters.
    pub severity: Severity,
    /// A short Chinese message.
    pub message: String,
    /// The message in English; it quotes nothing from the report (added
    /// field).
    #[serde(default)]
    pub message_en: String,
    /// Where, in the cleaned text (empty for a removed site mark: where it
    /// stood).
    pub range: TextRange,
    /// The source line (or paragraph).
    pub line: u32,
    /// The text as written.
    pub text: String,
    /// What it should probably read, if known.
    pub suggestion: Option<String>,
}

impl LintFinding {
    /// A finding on `range` of `cleaned`, its line and text read from there.
    pub(crate) fn in_text(
        cleaned: &CleanedText,
        kind: LintKind,
        severity: Severity,
        message: String,
        range: TextRange,
        suggestion: Option<String>,
    ) -> Self {
        LintFinding {
            kind,
            severity,
            message,
            message_en: kind.english_message().to_owned(),
            range,
            line: cleaned.source_line_at(range.start),
            text: range.slice(&cleaned.text).to_owned(),
            suggestion,
        }
    }
}

/// Every flaw of one report, in text order: the writing checks, the
/// outline's numbering findings, removed site marks, redacted figures and
/// formulations quoted wrong (judged for the report's `year` where wording
/// changed over time).
pub fn lint_report(
    cleaned: &CleanedText,
    outline: &Outline,
    figures: &[Figure],
    year: Option<u32>,
) -> Vec<LintFinding> {
    let mut findings = lint_text(cleaned);
    findings.extend(numbering_findings(cleaned, outline));
    findings.extend(site_mark_findings(cleaned));
    findings.extend(figures.iter().filter(|figure| figure.redacted).map(|figure| LintFinding {
        kind: LintKind::Redaction,
        severity: Severity::Info,
        message: "数字被隐去，无法核实".to_owned(),
        message_en: LintKind::Redaction.english_message().to_owned(),
        range: figure.range,
        line: figure.line,
        text: figure.text.clone(),
        suggestion: None,
    }));
    let formulations = canon::check_formulations(cleaned, canon::builtin(), year);
    // A misquoted formulation is one finding, not also a typo inside it.
    findings.retain(|f| {
        f.kind != LintKind::Typo
            || !formulations.iter().any(|q| q.range.start < f.range.end && f.range.start < q.range.end)
    });
    findings.extend(formulations);
    findings.sort_by_key(|f| (f.range.start, f.range.end, f.kind));
    findings
}

/// The outline's numbering findings (gaps, repeats, restarts, reversals,
/// mixed forms), placed on the heading's marker.
fn numbering_findings<'a>(cleaned: &'a CleanedText, outline: &'a Outline) -> impl Iterator<Item = LintFinding> + 'a {
    outline.diagnostics.iter().filter(|d| d.code.starts_with("numbering")).filter_map(move |diagnostic| {
        let heading = &outline.headings[diagnostic.heading?];
        let range = heading.marker_range;
        Some(LintFinding {
            kind: LintKind::Numbering,
            severity: diagnostic.severity,
            message: diagnostic.message.clone(),
            message_en: diagnostic.message_en.clone(),
            range,
            line: heading.line,
            text: range.slice(&cleaned.text).to_owned(),
            suggestion: None,
        })
    })
}

/// The site marks cleaning removed (paywall markers, adverts, invisible
/// characters), each placed where it stood: an empty range in the cleaned
/// text at its source column.
fn site_mark_findings(cleaned: &CleanedText) -> impl Iterator<Item = LintFinding> + '_ {
    cleaned
        .removed
        .iter()
        .filter(|noise| {
            matches!(noise.kind, NoiseKind::PaywallMarker | NoiseKind::SiteAdvert | NoiseKind::InvisibleCharacter)
        })
        .map(|noise| {
            let at =
                cleaned.lines.iter().find(|line| line.source_line >= noise.line).map_or(cleaned.text.len(), |line| {
                    if line.source_line > noise.line {
                        return line.range.start;
                    }
                    let text = line.range.slice(&cleaned.text);
                    let column = noise.column.saturating_sub(1) as usize;
                    line.range.start + text.char_indices().nth(column).map_or(text.len(), |(at, _)| at)
                });
            LintFinding {
                kind: LintKind::SiteMark,
                severity: Severity::Info,
                message: format!("已删除{}", noise.kind.label()),
                message_en: format!("Removed: {}", noise.kind.label_en()),
                range: TextRange::new(at, at),
                line: noise.line,
                text: noise.text.clone(),
                suggestion: None,
            }
        })
}

/// One file's flaws, as `gongwen lint --json` prints them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LintRecord {
    /// The file's path as given.
    pub file: String,
    /// Every flaw, in text order.
    pub diagnostics: Vec<LintRecordEntry>,
}

/// One flaw in a [`LintRecord`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LintRecordEntry {
    /// What kind of flaw.
    pub kind: LintKind,
    /// How much it matters.
    pub severity: Severity,
    /// A short Chinese message.
    pub message: String,
    /// The message in English (added field).
    pub message_en: String,
    /// The source line (or paragraph).
    pub line: u32,
    /// The text as written.
    pub text: String,
    /// What it should probably read, if known.
    pub suggestion: Option<String>,
}

impl LintRecord {
    /// The record of the report named `file`, whose findings these are.
    pub fn of(file: &str, lint: &[LintFinding]) -> Self {
        Self {
            file: file.to_owned(),
            diagnostics: lint
                .iter()
                .map(|f| LintRecordEntry {
                    kind: f.kind,
                    severity: f.severity,
                    message: f.message.clone(),
                    message_en: f.message_en.clone(),
                    line: f.line,
                    text: f.text.clone(),
                    suggestion: f.suggestion.clone(),
                })
                .collect(),
        }
    }
}
