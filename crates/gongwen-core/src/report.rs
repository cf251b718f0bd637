//! The machine-readable report records the CLI prints and the wasm API
//! returns: `gongwen outline --json`, `words --json`, `kwic --json` and
//! `themes --json`.
//!
//! **API boundary:** these shapes are contracts other tools rely on. Fields may
//! be added; none is ever renamed or removed. Both the CLI and the wasm crate
//! serialise these same structs, which is what makes their output identical.

use serde::{Deserialize, Serialize};

use crate::analysis::{Reading, ReportAnalysis};
use crate::concordance::{ConcordanceText, concordance};
use crate::decode::Encoding;
use crate::diagnostic::Diagnostic;
use crate::formulations::FormulationCount;
use crate::keyness::{SetTotals, Significance, distinctive_words_against};
use crate::lexicon::LexiconCategory;
use crate::noise::RemovedNoise;
use crate::outline::{DocumentTitle, HeadingKind, Outline};
use crate::source::SourceFormat;
use crate::themes::{CueHit, Genre, ReportThemes, ThemeBasis, ThemePortion, ThemeShare, UnitPart};
use crate::words::{WordCount, WordFrequencies};

/// The default number of words in [`WordsRecord::top`].
pub const DEFAULT_TOP_WORDS: usize = 100;

/// The default characters of context on each side of a concordance line.
pub const DEFAULT_KWIC_WIDTH: usize = 20;

/// One file's outline, as `gongwen outline --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineRecord {
    /// The file's path as given.
    pub file: String,
    /// The detected encoding.
    pub encoding: Encoding,
    /// The document title line, if any.
    pub title: Option<String>,
    /// The source format: `"plain_text"`, `"markdown"` or `"html"` (added field).
    pub format: SourceFormat,
    /// The title block's subtitle line, if any (added field).
    pub subtitle: Option<String>,
    /// The title block's speaker or author line, if any (added field).
    pub author: Option<String>,
    /// The title block's date line, if any (added field).
    pub date: Option<String>,
    /// The headings in document order.
    pub headings: Vec<HeadingRecord>,
    /// Site marks and invisible characters removed by cleaning (added field).
    pub noise: Vec<RemovedNoise>,
    /// What the analysis found odd (added field).
    pub diagnostics: Vec<Diagnostic>,
}

/// One heading in an [`OutlineRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadingRecord {
    /// Depth in the tree, from 1.
    pub level: u32,
    /// Marker family.
    pub kind: HeadingKind,
    /// The marker as written; `""` for a closing part.
    pub marker: String,
    /// The marker's number, if it has one.
    pub number: Option<u32>,
    /// The title.
    pub title: String,
    /// 1-based source line.
    pub line: u32,
    /// Whether body text follows on the same line.
    pub inline: bool,
    /// Index of the parent heading.
    pub parent: Option<usize>,
    /// Characters in the section, whitespace not counted (added field).
    pub chars: usize,
    /// Points (`一是` …) among the section's descendants (added field).
    pub points: usize,
}

/// One file's word frequencies, as `gongwen words --json` prints them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordsRecord {
    /// The file's path as given.
    pub file: String,
    /// Number of counted words.
    pub tokens: usize,
    /// The most frequent words, most frequent first.
    pub top: Vec<WordCount>,
    /// Words the report overuses against the other files of the same call,
    /// by log-likelihood G², highest first (added field).
    pub distinctive: Vec<DistinctiveRecord>,
    /// The lexicon entries the report uses, most frequent first (added field).
    pub formulations: Vec<FormulationRecord>,
}

/// One distinctive word in a [`WordsRecord`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistinctiveRecord {
    /// The word.
    pub word: String,
    /// Its log-likelihood G² against the rest of the set, rounded to 0.01;
    /// always at least 3.84 (p < 0.05).
    pub g2: f64,
    /// Its count in the report.
    pub count: usize,
    /// Its effect size, log₂ of its rate in the report over its rate in the
    /// other files, rounded to 0.01 (added field).
    pub log_ratio: f64,
    /// Every occurrence of the word's string in the file's cleaned text,
    /// inside longer words included (added field).
    pub text_count: usize,
}

/// One lexicon entry in a [`WordsRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormulationRecord {
    /// The entry's term.
    pub term: String,
    /// Its category: `formulation`, `body`, `activity`, `system`, `slogan`, `user`.
    pub category: LexiconCategory,
    /// Its count in the report.
    pub count: usize,
}

/// One concordance line, as `gongwen kwic --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KwicRecord {
    /// The file's path as given.
    pub file: String,
    /// 1-based source line of the match.
    pub line: u32,
    /// Context before the match, within its paragraph.
    pub left: String,
    /// The match as written.
    #[serde(rename = "match")]
    pub matched: String,
    /// Context after the match, within its paragraph.
    pub right: String,
    /// The innermost heading holding the match (marker and title), if any.
    pub section: Option<String>,
    /// The longer counted word the match is part of, if any (added field).
    pub inside_word: Option<String>,
}

/// One file's theme coverage, as `gongwen themes --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemesRecord {
    /// The file's path as given.
    pub file: String,
    /// Every theme of the scheme with its characters and share, in the
    /// scheme's order.
    pub themes: Vec<ThemeShare>,
    /// The scheme the shares are under: the detected genre's unless chosen.
    pub scheme: Genre,
    /// The genre detected from the report.
    pub detected_genre: Genre,
    /// The cues of the detected genre found in the report.
    pub genre_evidence: Vec<CueHit>,
    /// The Party-building themes' share together, 0–1.
    pub party_building_share: f64,
    /// Each attributed part of the report, in document order.
    pub sections: Vec<ThemeSectionRecord>,
}

/// One attributed part of a report in a [`ThemesRecord`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeSectionRecord {
    /// The part's heading as written (marker and title); `None` for the
    /// preamble and a report without headings.
    pub heading: Option<String>,
    /// The heading's line (or paragraph) in the source.
    pub line: Option<u32>,
    /// What part of the report it is.
    pub part: UnitPart,
    /// Its characters, whitespace not counted.
    pub chars: usize,
    /// How its themes were decided.
    pub basis: ThemeBasis,
    /// Its themes, most characters first.
    pub themes: Vec<ThemePortion>,
}

impl OutlineRecord {
    /// The record of a report read ([`ReportAnalysis::reading`],
    /// [`ReadReport::reading`](crate::ReadReport::reading)).
    pub fn of(reading: Reading<'_>) -> Self {
        Self {
            file: reading.name.to_owned(),
            encoding: reading.encoding,
            title: text_of(&reading.outline.title),
            format: reading.format,
            subtitle: text_of(&reading.outline.subtitle),
            author: text_of(&reading.outline.author),
            date: text_of(&reading.outline.date),
            headings: reading
                .outline
                .headings
                .iter()
                .map(|heading| HeadingRecord {
                    level: heading.level,
                    kind: heading.kind,
                    marker: heading.marker.clone(),
                    number: heading.number,
                    title: heading.title.clone(),
                    line: heading.line,
                    inline: heading.inline,
                    parent: heading.parent,
                    chars: heading.chars,
                    points: heading.points,
                })
                .collect(),
            noise: reading.cleaned.removed.clone(),
            diagnostics: reading.diagnostics().cloned().collect(),
        }
    }
}

/// What `words` needs of one analysed report: its name, word frequencies and
/// formulations. A caller with thousands of reports keeps these and drops
/// the rest of each analysis (texts, occurrences, outline).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportWords {
    /// The file's name or path.
    pub file: String,
    /// Its word frequencies.
    pub words: WordFrequencies,
    /// The lexicon entries it uses, most frequent first.
    pub formulations: Vec<FormulationRecord>,
}

impl ReportWords {
    /// The words part of an analysis.
    pub fn from_analysis(analysis: &ReportAnalysis) -> Self {
        Self::of(&analysis.name, analysis.words.clone(), &analysis.formulations)
    }

    /// The words part of a report named `file`.
    pub fn of(file: &str, words: WordFrequencies, formulations: &[FormulationCount]) -> Self {
        Self {
            file: file.to_owned(),
            words,
            formulations: formulations
                .iter()
                .map(|f| FormulationRecord { term: f.term.clone(), category: f.category, count: f.count })
                .collect(),
        }
    }
}

impl WordsRecord {
    /// The records of a set of analysed reports, each with its `top` most
    /// frequent words and at most `top` distinctive words against the rest of
    /// the set.
    pub fn for_set(analyses: &[ReportAnalysis], top: usize) -> Vec<Self> {
        let reports: Vec<ReportWords> = analyses.iter().map(ReportWords::from_analysis).collect();
        let totals = Self::set_totals(&reports);
        reports.iter().map(|report| Self::against(report, &totals, top)).collect()
    }

    /// The summed counts of a set of reports, which [`against`](Self::against)
    /// compares each report with.
    pub fn set_totals(reports: &[ReportWords]) -> SetTotals {
        let frequencies: Vec<&WordFrequencies> = reports.iter().map(|report| &report.words).collect();
        SetTotals::of(&frequencies)
    }

    /// The record of one report of a set whose counts are `totals`: its
    /// `top` most frequent words and at most `top` distinctive words against
    /// the rest of the set.
    pub fn against(report: &ReportWords, totals: &SetTotals, top: usize) -> Self {
        Self {
            file: report.file.clone(),
            tokens: report.words.tokens,
            top: report.words.top(top).to_vec(),
            distinctive: distinctive_words_against(&report.words, totals, top, Significance::default())
                .into_iter()
                .map(|word| DistinctiveRecord {
                    word: word.word,
                    g2: (word.g2 * 100.0).round() / 100.0,
                    count: word.count,
                    log_ratio: (word.log_ratio * 100.0).round() / 100.0,
                    text_count: word.text_count,
                })
                .collect(),
            formulations: report.formulations.clone(),
        }
    }
}

impl KwicRecord {
    /// The concordance of `word` in the report named `file`, `width`
    /// characters of context on each side.
    pub fn for_word<'a>(file: &str, report: impl Into<ConcordanceText<'a>>, word: &str, width: usize) -> Vec<Self> {
        concordance(report, word, width)
            .into_iter()
            .map(|line| Self {
                file: file.to_owned(),
                line: line.line,
                left: line.left,
                matched: line.matched,
                right: line.right,
                section: line.section,
                inside_word: line.inside_word,
            })
            .collect()
    }
}

impl ThemesRecord {
    /// The theme coverage of the report named `file`, whose `themes` and
    /// `outline` these are, under `scheme`, or under its detected genre's
    /// scheme.
    pub fn of(file: &str, themes: &ReportThemes, outline: &Outline, scheme: Option<Genre>) -> Self {
        let coverage = scheme.map_or_else(|| themes.detected(), |genre| themes.coverage(genre));
        let headings = &outline.headings;
        Self {
            file: file.to_owned(),
            themes: coverage.totals.clone(),
            scheme: coverage.scheme,
            detected_genre: themes.detection.genre,
            genre_evidence: themes.detection.evidence.clone(),
            party_building_share: (coverage.party_building_share() * 1000.0).round() / 1000.0,
            sections: coverage
                .sections
                .iter()
                .map(|section| ThemeSectionRecord {
                    heading: section.heading.map(|i| format!("{}{}", headings[i].marker, headings[i].title)),
                    line: section.heading.map(|i| headings[i].line),
                    part: section.part,
                    chars: section.chars,
                    basis: section.basis,
                    themes: section.themes.clone(),
                })
                .collect(),
        }
    }
}

fn text_of(line: &Option<DocumentTitle>) -> Option<String> {
    line.as_ref().map(|line| line.text.clone())
}
