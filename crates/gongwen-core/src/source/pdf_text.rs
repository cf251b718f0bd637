//! The text layer of a PDF → paragraphs as lines.
//!
//! A PDF has no paragraphs, only glyph runs placed on pages. The page's PDF
//! reader (pdf.js) hands over each page's text items with their positions
//! ([`PdfPage`]); this reader, pure and testable natively, rebuilds the text:
//!
//! 1. items on one baseline form a physical line, ordered left to right and
//!    joined without spurious spaces between Chinese characters;
//! 2. running headers and footers (the same text near the top or bottom of
//!    several pages) and page numbers (`- 3 -`, `第 3 页`, `3/12`) are removed
//!    and reported as [`RemovedNoise`];
//! 3. physical lines join into paragraphs: a paragraph ends at a vertical gap
//!    wider than the page's usual line spacing, before a first-line indent, or
//!    after a line that stops well short of the right margin.
//!
//! A paragraph's position is its first physical line, counted through the
//! whole document ([`LineUnit::PageLine`] turns it into 「第 P 页第 L 行」);
//! where it continues on later lines is kept in [`SourceLine::breaks`].

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::limits::{ReadError, ReadLimits};
use super::{LineHint, LineUnit, SourceDocument, SourceFormat, SourceLine, is_cjk};
use crate::decode::Encoding;
use crate::diagnostic::Diagnostic;
use crate::noise::{NoiseKind, RemovedNoise};

/// One page's text items, as the PDF reader extracted them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PdfPage {
    /// Page width, in PDF units.
    pub width: f64,
    /// Page height, in PDF units.
    pub height: f64,
    /// The page's text items, in content order.
    pub items: Vec<PdfTextItem>,
}

/// One run of text on a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PdfTextItem {
    /// The run's text.
    pub text: String,
    /// Left edge, from the page's left.
    pub x: f64,
    /// Baseline, from the page's bottom (PDF's own direction).
    pub y: f64,
    /// Advance width of the run.
    pub width: f64,
    /// Font size (the run's height).
    pub size: f64,
}

/// A physical line of one page.
#[derive(Debug, Clone)]
struct PhysicalLine {
    text: String,
    left: f64,
    right: f64,
    /// Baseline from the page's top.
    top: f64,
    size: f64,
}

/// Share of the page height, at the top and the bottom, where running
/// headers, footers and page numbers stand.
const MARGIN_ZONE: f64 = 0.1;

/// Reads the extracted text of a PDF's pages. `total_pages` is the PDF's
/// page count, which is more than `pages.len()` when the extractor stopped at
/// the page limit; either way, pages past the limit are reported unread.
pub fn read_pdf_text(pages: &[PdfPage], total_pages: usize, limits: &ReadLimits) -> Result<SourceDocument, ReadError> {
    let read_pages = pages.len().min(usize::try_from(limits.max_pdf_pages).unwrap_or(usize::MAX));
    let total_pages = total_pages.max(pages.len());
    let mut notes = Vec::new();
    if read_pages < total_pages {
        notes.push(Diagnostic::warning(
            "pdf-pages-truncated",
            format!("PDF 共 {total_pages} 页，只读取了前 {read_pages} 页"),
            format!("The PDF has {total_pages} pages; only the first {read_pages} were read"),
            None,
        ));
    }
    let page_lines: Vec<Vec<PhysicalLine>> = pages[..read_pages].iter().map(physical_lines).collect();
    if page_lines.iter().all(|lines| lines.iter().all(|line| line.text.trim().is_empty())) {
        return Err(ReadError::NoTextLayer);
    }
    let repeated = repeated_margin_texts(&pages[..read_pages], &page_lines);
    let mut lines = Vec::new();
    let mut removed = Vec::new();
    let mut page_starts = Vec::with_capacity(read_pages);
    let mut number = 1u32;
    // The paragraph being built; it may run on over a page break.
    let mut open: Option<SourceLine> = None;
    for (page, physical) in pages.iter().zip(&page_lines) {
        page_starts.push(number);
        let spacing = usual_spacing(physical);
        let (left_margin, right_margin) = text_block(physical);
        let mut previous: Option<&PhysicalLine> = None;
        for line in physical {
            let line_number = number;
            number += 1;
            let text = line.text.trim();
            if text.is_empty() {
                continue;
            }
            if let Some(kind) = margin_noise(page, line, &repeated) {
                removed.push(RemovedNoise { kind, text: text.to_owned(), line: line_number, column: 1 });
                continue;
            }
            let indented = line.left > left_margin + line.size * 1.5;
            let starts_paragraph = match previous {
                // The first line of a page goes on with the last paragraph of
                // the page before unless that one ended a sentence or this
                // one is indented.
                None => indented || open.as_ref().is_none_or(|paragraph| ends_sentence(&paragraph.text)),
                Some(before) => {
                    let gap = line.top - before.top;
                    let short_before = before.right < right_margin - before.size * 2.0;
                    gap > spacing * 1.5 || indented || short_before
                }
            };
            match open.as_mut() {
                Some(paragraph) if !starts_paragraph => {
                    let at = paragraph.text.len();
                    join_line(&mut paragraph.text, text);
                    paragraph.breaks.push((at, line_number));
                }
                _ => {
                    lines.extend(open.take());
                    open = Some(SourceLine {
                        text: text.to_owned(),
                        line: line_number,
                        column: 1,
                        hint: LineHint::Plain,
                        breaks: Vec::new(),
                    });
                }
            }
            previous = Some(line);
        }
    }
    lines.extend(open.take());
    let mut document = SourceDocument {
        format: SourceFormat::Pdf,
        encoding: Encoding::Utf8,
        lines,
        removed,
        notes,
        unit: LineUnit::PageLine { page_starts },
    };
    super::note_replacement_characters(&mut document);
    Ok(document)
}

/// Groups a page's items into lines, top to bottom.
fn physical_lines(page: &PdfPage) -> Vec<PhysicalLine> {
    let mut items: Vec<&PdfTextItem> =
        page.items.iter().filter(|item| !item.text.is_empty() && item.x.is_finite() && item.y.is_finite()).collect();
    items.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<(f64, Vec<&PdfTextItem>)> = Vec::new();
    for item in items {
        let tolerance = item.size.max(1.0) * 0.5;
        match lines.last_mut() {
            Some((baseline, members)) if (*baseline - item.y).abs() <= tolerance => members.push(item),
            _ => lines.push((item.y, vec![item])),
        }
    }
    lines
        .into_iter()
        .map(|(baseline, mut members)| {
            members.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut text = String::new();
            let mut right: Option<f64> = None;
            let size = members.iter().map(|item| item.size).fold(0.0, f64::max);
            for item in &members {
                if let Some(end) = right {
                    let gap = item.x - end;
                    let cjk_join =
                        text.chars().last().is_some_and(is_cjk) || item.text.chars().next().is_some_and(is_cjk);
                    if gap > size * 0.25 && !cjk_join && !text.ends_with(' ') {
                        text.push(' ');
                    }
                }
                text.push_str(&item.text);
                right = Some(right.map_or(item.x + item.width, |end: f64| end.max(item.x + item.width)));
            }
            PhysicalLine {
                text: squeeze_cjk_spaces(&text),
                left: members.first().map_or(0.0, |item| item.x),
                right: right.unwrap_or(0.0),
                top: page.height - baseline,
                size,
            }
        })
        .collect()
}

/// The most common distance between consecutive baselines on a page.
fn usual_spacing(lines: &[PhysicalLine]) -> f64 {
    let mut gaps: Vec<f64> = lines.windows(2).map(|pair| pair[1].top - pair[0].top).filter(|gap| *gap > 0.0).collect();
    if gaps.is_empty() {
        return f64::MAX;
    }
    gaps.sort_by(f64::total_cmp);
    gaps[gaps.len() / 2]
}

/// The left and right edges of the page's text block: where most lines start
/// and the furthest most lines reach.
fn text_block(lines: &[PhysicalLine]) -> (f64, f64) {
    let mut lefts: Vec<f64> = lines.iter().map(|line| line.left).collect();
    let mut rights: Vec<f64> = lines.iter().map(|line| line.right).collect();
    lefts.sort_by(f64::total_cmp);
    rights.sort_by(f64::total_cmp);
    let left = lefts.first().copied().unwrap_or(0.0);
    // The 90th percentile: a few overlong lines do not move the margin.
    let right = rights.get(rights.len().saturating_sub(1) * 9 / 10).copied().unwrap_or(f64::MAX);
    (left, right)
}

/// Texts that stand in the top or bottom zone of at least two pages (digits
/// masked, so `第 3 页` and `第 4 页` count as one).
fn repeated_margin_texts(pages: &[PdfPage], page_lines: &[Vec<PhysicalLine>]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (page, lines) in pages.iter().zip(page_lines) {
        let mut seen = std::collections::HashSet::new();
        for line in lines.iter().filter(|line| in_margin_zone(page, line)) {
            let key = mask_digits(line.text.trim());
            if !key.is_empty() && seen.insert(key.clone()) {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    counts.retain(|_, count| *count >= 2);
    counts
}

fn in_margin_zone(page: &PdfPage, line: &PhysicalLine) -> bool {
    page.height > 0.0 && (line.top < page.height * MARGIN_ZONE || line.top > page.height * (1.0 - MARGIN_ZONE))
}

/// Whether a line is a page number or a running header, and which.
fn margin_noise(page: &PdfPage, line: &PhysicalLine, repeated: &HashMap<String, usize>) -> Option<NoiseKind> {
    if !in_margin_zone(page, line) {
        return None;
    }
    let text = line.text.trim();
    if is_page_number(text) {
        return Some(NoiseKind::PageNumber);
    }
    repeated.contains_key(&mask_digits(text)).then_some(NoiseKind::RunningHeader)
}

/// `3`, `- 3 -`, `—3—`, `第 3 页`, `第3页 共12页`, `3 / 12`, `Page 3`.
fn is_page_number(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let stripped = compact.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '·' | '•'));
    let digits_only = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits_only(stripped) {
        return true;
    }
    if let Some((page, total)) = stripped.split_once('/') {
        return digits_only(page) && digits_only(total);
    }
    if let Some(rest) = stripped.strip_prefix("Page").or_else(|| stripped.strip_prefix("page")) {
        return digits_only(rest);
    }
    let masked = mask_digits(stripped);
    matches!(masked.as_str(), "第#页" | "第#页共#页" | "共#页第#页")
}

/// Replaces each run of digits with `#`.
fn mask_digits(text: &str) -> String {
    let mut masked = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !masked.ends_with('#') {
                masked.push('#');
            }
        } else if !c.is_whitespace() {
            masked.push(c);
        }
    }
    masked
}

/// Appends the next physical line of a paragraph: Chinese joins directly,
/// Latin words with a space, a hyphen at a line end keeps its word whole.
fn join_line(paragraph: &mut String, next: &str) {
    let last = paragraph.chars().last();
    let first = next.chars().next();
    let cjk = last.is_some_and(is_cjk) || first.is_some_and(is_cjk);
    if !cjk && last.is_some_and(|c| c.is_alphanumeric()) && first.is_some_and(|c| c.is_alphanumeric()) {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

/// Whether a paragraph's text ends a sentence (or a heading without a full
/// stop would, which a short line before a page break cannot tell).
fn ends_sentence(text: &str) -> bool {
    text.trim_end().chars().last().is_none_or(|c| "。！？：；…”」』）.!?:;".contains(c))
}

/// Drops the spaces PDF producers put between Chinese characters.
fn squeeze_cjk_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (index, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = chars[..index].iter().rev().find(|c| **c != ' ');
            let after = chars[index + 1..].iter().find(|c| **c != ' ');
            if before.is_some_and(|c| is_cjk(*c)) || after.is_some_and(|c| is_cjk(*c)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}
