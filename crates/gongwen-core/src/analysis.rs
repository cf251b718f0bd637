//! The whole per-report pipeline in one call: bytes → [`decode`] → [`source`]
//! and [`clean`] → [`outline`] → [`words`] → [`formulations`] and [`themes`].
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
use crate::decode::Encoding;
use crate::diagnostic::Diagnostic;
use crate::figures::{Figure, extract_figures};
use crate::formulations::{FormulationCount, count_formulations};
use crate::lint::{LintFinding, lint_report};
use crate::outline::{Outline, extract_outline};
use crate::segment::Segmenter;
use crate::source::pdf_text::{PdfPage, read_pdf_text};
use crate::source::{LineUnit, ReadError, ReadLimits, SourceDocument, SourceFormat, read_source};
use crate::structure::{Structure, analyze_structure};
use crate::themes::{ReportThemes, report_themes};
use crate::words::{Occurrence, WordFrequencies, count_words};

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
    /// Where each counted word occurs, in text order.
    pub occurrences: Vec<Occurrence>,
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
        self.notes.iter().chain(&self.outline.diagnostics)
    }
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
    analyze_document(name, read_source(name, bytes, limits)?, segmenter)
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
    analyze_document(name, read_pdf_text(pages, total_pages, limits)?, segmenter)
}

/// Runs every phase after reading.
fn analyze_document(name: &str, document: SourceDocument, segmenter: &Segmenter) -> Result<ReportAnalysis, ReadError> {
    let format = document.format;
    let encoding = document.encoding;
    let unit = document.unit;
    let mut notes = document.notes;
    let cleaned = clean_lines(document.lines, document.removed);
    let outline = extract_outline(&cleaned);
    let (words, occurrences) = count_words(segmenter, &cleaned, &outline);
    let chars = cleaned.text.chars().filter(|c| !c.is_whitespace()).count();
    let formulations = count_formulations(segmenter.lexicon(), &words, chars);
    let themes = report_themes(&cleaned, &outline);
    let figures = extract_figures(&cleaned, &outline, segmenter.numbered_forms());
    let year = report_year(name, &outline, &cleaned);
    let structure = analyze_structure(&cleaned, &outline);
    let lint = lint_report(&cleaned, &outline, &figures, year);
    if cleaned.text.trim().is_empty() {
        notes.push(Diagnostic::warning("empty", "文件没有正文内容", None));
    }
    Ok(ReportAnalysis {
        name: name.to_owned(),
        encoding,
        format,
        unit,
        cleaned,
        chars,
        outline,
        words,
        occurrences,
        formulations,
        figures,
        year,
        structure,
        lint,
        themes,
        notes,
    })
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
