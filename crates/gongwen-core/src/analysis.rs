//! The whole per-report pipeline in one call: bytes → [`decode`] → [`source`]
//! and [`clean`] → [`outline`] ([`ReadReport`]: the document model) →
//! [`words`] → [`formulations`], [`themes`], figures, structure and lint.
//! Set-level analyses (distinctive words, TF-IDF) live in [`keyness`] and take
//! several reports.
//!
//! [`decode`]: crate::decode
//! [`source`]: crate::source
//! [`clean`]: crate::clean
//! [`outline`]: crate::outline
//! [`words`]: crate::words
//! [`formulations`]: crate::formulations
//! [`themes`]: crate::themes
//! [`keyness`]: crate::keyness

use serde::{Deserialize, Serialize};

use crate::clean::{CleanedText, clean_lines};
use crate::concordance::ConcordanceText;
use crate::decode::Encoding;
use crate::diagnostic::Diagnostic;
use crate::figures::{Figure, NumberedForms, extract_figures};
use crate::formulations::{FormulationCount, count_formulations};
use crate::keyness::{ScoredWord, TEXTRANK_KEYWORDS, WordSequence, textrank_keywords};
use crate::lint::{LintFinding, lint_report};
use crate::outline::{Outline, extract_outline};
use crate::segment::Segmenter;
use crate::source::pdf_text::{PdfPage, read_pdf_text};
use crate::source::{LineUnit, ReadError, ReadLimits, SourceDocument, SourceFormat, read_source};
use crate::structure::{Structure, analyze_structure};
use crate::themes::{ReportThemes, report_themes};
use crate::words::{Occurrence, PackedOccurrences, WordFrequencies, count_words};

/// Everything the core knows about one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportAnalysis {
    /// The file's name or path as the caller gave it.
    pub name: String,
    /// The encoding its bytes were decoded from.
    pub encoding: Encoding,
    /// The source format (plain text, Markdown, HTML, Word …).
    pub format: SourceFormat,
    /// How source positions count: lines, paragraphs or lines on pages.
    pub unit: LineUnit,
    /// The cleaned text, with the map to source lines and what was removed.
    pub cleaned: CleanedText,
    /// Characters of the cleaned text, whitespace not counted: the base of
    /// every density.
    pub chars: usize,
    /// The document model.
    pub outline: Outline,
    /// Word frequencies.
    pub words: WordFrequencies,
    /// Where each counted word occurs, in text order, packed (the page
    /// holds every report's): [`PackedOccurrences::unpack`] for a search.
    pub occurrences: PackedOccurrences,
    /// The lexicon entries the report uses.
    pub formulations: Vec<FormulationCount>,
    /// Its figures (实绩数据), redactions included, in text order.
    pub figures: Vec<Figure>,
    /// The year the report is for (title, date line, file name or opening
    /// words), which decides what wording was current.
    pub year: Option<u32>,
    /// Its 成效 / 问题 / 打算 parts and what a reviewer would flag about them.
    pub structure: Structure,
    /// Every flaw a reviewer marks, in text order.
    pub lint: Vec<LintFinding>,
    /// The report's genre and how its text divides among the themes of
    /// each genre's scheme.
    pub themes: ReportThemes,
    /// Findings about the file as a whole (the outline keeps its own).
    pub notes: Vec<Diagnostic>,
}

impl ReportAnalysis {
    /// Every diagnostic: the file's own notes, then the outline's.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.reading().diagnostics()
    }

    /// Its TextRank keywords, as many as the keyness panel lists
    /// ([`TEXTRANK_KEYWORDS`]).
    pub fn textrank_keywords(&self) -> Vec<ScoredWord> {
        textrank_keywords(&self.cleaned, &self.words, &self.occurrences.unpack(), TEXTRANK_KEYWORDS)
    }

    /// What TextRank reads of it: its counted words in text order with
    /// their paragraphs. The page sends it to the keyness worker when the
    /// report's TextRank list is asked for.
    pub fn word_sequence(&self) -> WordSequence {
        WordSequence::of(&self.cleaned, &self.occurrences.unpack())
    }
}

/// A report read, cleaned and outlined: the document model every analysis
/// starts from. [`analyze`](Self::analyze) runs them all; a caller that
/// needs one analysis (the CLI's `outline`, `figures`, `lint` …) runs just
/// that one with the method of the same name, which `analyze` uses too.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadReport {
    /// The file's name or path as the caller gave it.
    pub name: String,
    /// The encoding its bytes were decoded from.
    pub encoding: Encoding,
    /// The source format.
    pub format: SourceFormat,
    /// How source positions count.
    pub unit: LineUnit,
    /// The cleaned text.
    pub cleaned: CleanedText,
    /// Characters of the cleaned text, whitespace not counted.
    pub chars: usize,
    /// The document model.
    pub outline: Outline,
    /// The year the report is for.
    pub year: Option<u32>,
    /// Findings about the file as a whole.
    pub notes: Vec<Diagnostic>,
}

/// A report as read, before its analyses: what the outline's record and
/// rendering and the word-list counts read of it, whether it was read alone
/// ([`ReadReport::reading`]) or analysed ([`ReportAnalysis::reading`]).
#[derive(Debug, Clone, Copy)]
pub struct Reading<'a> {
    /// The file's name or path.
    pub name: &'a str,
    /// The encoding its bytes were decoded from.
    pub encoding: Encoding,
    /// The source format.
    pub format: SourceFormat,
    /// The cleaned text.
    pub cleaned: &'a CleanedText,
    /// The document model.
    pub outline: &'a Outline,
    /// Characters of the cleaned text, whitespace not counted.
    pub chars: usize,
    /// The year the report is for, if found.
    pub year: Option<u32>,
    /// Findings about the file as a whole.
    pub notes: &'a [Diagnostic],
}

impl<'a> Reading<'a> {
    /// Every diagnostic: the file's own notes, then the outline's.
    pub fn diagnostics(&self) -> impl Iterator<Item = &'a Diagnostic> + use<'a> {
        let outline: &'a Outline = self.outline;
        self.notes.iter().chain(&outline.diagnostics)
    }
}

/// The [`Reading`] of a [`ReadReport`] or a [`ReportAnalysis`], which name
/// its fields alike.
macro_rules! reading_of {
    ($report:expr) => {
        Reading {
            name: &$report.name,
            encoding: $report.encoding,
            format: $report.format,
            cleaned: &$report.cleaned,
            outline: &$report.outline,
            chars: $report.chars,
            year: $report.year,
            notes: &$report.notes,
        }
    };
}

impl ReportAnalysis {
    /// The report as read, before its analyses.
    pub fn reading(&self) -> Reading<'_> {
        reading_of!(self)
    }
}

impl ReadReport {
    /// Cleans and outlines a document read from a file.
    fn of_document(name: &str, document: SourceDocument) -> Self {
        let mut notes = document.notes;
        let cleaned = clean_lines(document.lines, document.removed);
        let outline = extract_outline(&cleaned);
        let chars = crate::text::visible_chars(&cleaned.text);
        let year = report_year(name, &outline, &cleaned);
        if cleaned.text.trim().is_empty() {
            notes.push(Diagnostic::warning("empty", "文件没有正文内容", "The file has no text", None));
        }
        Self {
            name: name.to_owned(),
            encoding: document.encoding,
            format: document.format,
            unit: document.unit,
            cleaned,
            chars,
            outline,
            year,
            notes,
        }
    }

    /// The report as read.
    pub fn reading(&self) -> Reading<'_> {
        reading_of!(self)
    }

    /// Its word frequencies and every counted occurrence.
    pub fn words(&self, segmenter: &Segmenter) -> (WordFrequencies, Vec<Occurrence>) {
        count_words(segmenter, &self.cleaned, &self.outline)
    }

    /// What a concordance reads of it, with its [`words`](Self::words):
    /// no other analysis is needed.
    pub fn concordance_text<'a>(
        &'a self,
        words: &'a WordFrequencies,
        occurrences: &'a [Occurrence],
    ) -> ConcordanceText<'a> {
        ConcordanceText { cleaned: &self.cleaned, outline: &self.outline, words, occurrences: occurrences.into() }
    }

    /// The lexicon entries among its `words`.
    pub fn formulations(&self, segmenter: &Segmenter, words: &WordFrequencies) -> Vec<FormulationCount> {
        count_formulations(segmenter.lexicon(), words, self.chars)
    }

    /// Its genre and theme coverage.
    pub fn themes(&self) -> ReportThemes {
        report_themes(&self.cleaned, &self.outline)
    }

    /// Its figures; none starts in the lexicon's `numbered_forms`
    /// ([`Segmenter::numbered_forms`], or [`NumberedForms::of`] a lexicon
    /// when nothing is segmented).
    pub fn figures(&self, numbered_forms: &NumberedForms) -> Vec<Figure> {
        extract_figures(&self.cleaned, &self.outline, numbered_forms)
    }

    /// Its 成效 / 问题 / 打算 parts.
    pub fn structure(&self) -> Structure {
        analyze_structure(&self.cleaned, &self.outline)
    }

    /// Its flaws; `figures` are its [`figures`](Self::figures), whose
    /// redactions are findings too.
    pub fn lint(&self, figures: &[Figure]) -> Vec<LintFinding> {
        lint_report(&self.cleaned, &self.outline, figures, self.year)
    }

    /// Every analysis.
    pub fn analyze(self, segmenter: &Segmenter) -> ReportAnalysis {
        let (words, occurrences) = self.words(segmenter);
        let formulations = self.formulations(segmenter, &words);
        let themes = self.themes();
        let figures = self.figures(segmenter.numbered_forms());
        let structure = self.structure();
        let lint = self.lint(&figures);
        let Self { name, encoding, format, unit, cleaned, chars, outline, year, notes } = self;
        ReportAnalysis {
            name,
            encoding,
            format,
            unit,
            cleaned,
            chars,
            outline,
            words,
            occurrences: occurrences.into(),
            formulations,
            figures,
            year,
            structure,
            lint,
            themes,
            notes,
        }
    }
}

/// Reads, cleans and outlines one report's bytes within `limits`. Fails
/// only when the file cannot be read.
pub fn read_report(name: &str, bytes: &[u8], limits: &ReadLimits) -> Result<ReadReport, ReadError> {
    Ok(ReadReport::of_document(name, read_source(name, bytes, limits)?))
}

/// Analyses one report's bytes with the default limits. Fails only when the
/// file cannot be read.
pub fn analyze_report(name: &str, bytes: &[u8], segmenter: &Segmenter) -> Result<ReportAnalysis, ReadError> {
    analyze_report_within(name, bytes, segmenter, &ReadLimits::default())
}

/// Analyses one report's bytes within `limits`.
pub fn analyze_report_within(
    name: &str,
    bytes: &[u8],
    segmenter: &Segmenter,
    limits: &ReadLimits,
) -> Result<ReportAnalysis, ReadError> {
    Ok(read_report(name, bytes, limits)?.analyze(segmenter))
}

/// Analyses a PDF from the text items its pages hold (extracted by the
/// page's PDF reader, which stops at the page limit of its `total_pages`).
pub fn analyze_pdf_report(
    name: &str,
    pages: &[PdfPage],
    total_pages: usize,
    segmenter: &Segmenter,
    limits: &ReadLimits,
) -> Result<ReportAnalysis, ReadError> {
    Ok(ReadReport::of_document(name, read_pdf_text(pages, total_pages, limits)?).analyze(segmenter))
}

/// The year a report is for: the first 19xx/20xx year in its title, date
/// line or file name, else in its first 40 characters (`2023年，在市委…`).
fn report_year(name: &str, outline: &Outline, cleaned: &CleanedText) -> Option<u32> {
    use crate::compare::year_over_year::{file_stem, first_year};
    let block = [&outline.title, &outline.subtitle, &outline.date];
    block
        .iter()
        .find_map(|part| part.as_ref().and_then(|p| first_year(&p.text)))
        .or_else(|| first_year(file_stem(name)))
        .or_else(|| first_year(&cleaned.text.chars().take(40).collect::<String>()))
}
