//! Phase 2, **clean**: normalise decoded text and strip what is not the report.
//!
//! Cleaning works on the lines of the [`source`](crate::source) reader (which
//! turns Markdown and HTML into lines) and never merges or drops a line, so
//! each cleaned line comes from one known source line (kept in
//! [`CleanLine::source_line`]); every later phase can report positions in the
//! user's own file. Per line it
//! trims surrounding whitespace (ASCII and full-width U+3000 indentation, NBSP)
//! and removes the marks that document-sharing sites insert into copied text
//! (`##paidbegin##`, `^【更多素^材尽在哒&哒~文*库】`, invisible zero-width
//! characters) and whole salutation lines (`各位代表：`, in any markup). Each
//! removal is reported as a [`RemovedNoise`]; nothing is dropped silently.

use serde::{Deserialize, Serialize};

use crate::noise::{NoiseKind, RemovedNoise};
use crate::salutation::is_salutation;
use crate::source::{LineHint, SourceFormat, SourceLine, source_lines};
use crate::text::TextRange;

/// Text after cleaning, with the map back to source lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanedText {
    /// The cleaned lines joined with `\n`.
    pub text: String,
    /// One entry per cleaned line, in order.
    pub lines: Vec<CleanLine>,
    /// What was removed, in source order.
    pub removed: Vec<RemovedNoise>,
    /// Where a cleaned line moves on to a later source line (HTML paragraphs
    /// wrapped over several lines): offset in `text` and the source line there.
    pub source_breaks: Vec<(usize, u32)>,
}

/// One line of cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanLine {
    /// Byte range of the line in [`CleanedText::text`], without its `\n`.
    pub range: TextRange,
    /// The 1-based line number in the source file this line comes from.
    pub source_line: u32,
    /// What the source's markup says about the line.
    pub hint: LineHint,
}

impl CleanedText {
    /// The text of cleaned line `index` (0-based).
    pub fn line_text(&self, index: usize) -> &str {
        self.lines.get(index).map_or("", |line| line.range.slice(&self.text))
    }

    /// The index of the cleaned line that contains byte `offset` of the text.
    pub fn line_index_at(&self, offset: usize) -> usize {
        self.lines.partition_point(|line| line.range.end < offset).min(self.lines.len().saturating_sub(1))
    }

    /// The 1-based source line of byte `offset` of the cleaned text.
    pub fn source_line_at(&self, offset: usize) -> u32 {
        let Some(line) = self.lines.get(self.line_index_at(offset)) else {
            return 1;
        };
        let breaks_before = self.source_breaks.partition_point(|&(at, _)| at <= offset);
        match breaks_before.checked_sub(1).map(|i| self.source_breaks[i]) {
            Some((at, source_line)) if at >= line.range.start => source_line,
            _ => line.source_line,
        }
    }
}

/// Cleans decoded plain text; see the module documentation.
///
/// Line breaks are `\n`, `\r\n` or a lone `\r`; each counts as one break, so
/// line numbers agree with what editors show for CRLF files.
pub fn clean_text(source: &str) -> CleanedText {
    clean_document(source, SourceFormat::PlainText)
}

/// Cleans decoded text of the given format: reads its lines (Markdown and
/// HTML lose their markup), then trims and strips noise from each.
pub fn clean_document(source: &str, format: SourceFormat) -> CleanedText {
    let (lines, removed) = source_lines(source, format);
    clean_lines(lines, removed)
}

/// Cleans the lines a reader produced, keeping what the reader already
/// removed (front matter, running headers) in [`CleanedText::removed`].
pub fn clean_lines(lines: Vec<SourceLine>, removed: Vec<RemovedNoise>) -> CleanedText {
    let mut cleaned = CleanedText { removed, ..CleanedText::default() };
    for (index, source_line) in lines.into_iter().enumerate() {
        if index > 0 {
            cleaned.text.push('\n');
        }
        let start = cleaned.text.len();
        let raw_line = source_line.text.as_str();
        let unindented = raw_line.trim_start();
        let indent_len = raw_line.len() - unindented.len();
        let indent_chars = count_chars(&raw_line[..indent_len]);
        let (kept, removed_spans) = strip_noise(
            unindented.trim_end(),
            source_line.line,
            source_line.column + indent_chars,
            &mut cleaned.removed,
        );
        let mut line = kept.trim();
        let mut hint = source_line.hint;
        // A salutation line is no heading and no text of the report.
        if !line.is_empty() && is_salutation(line, hint != LineHint::Plain) {
            cleaned.removed.push(RemovedNoise {
                kind: NoiseKind::Salutation,
                text: line.to_owned(),
                line: source_line.line,
                column: source_line.column + indent_chars,
            });
            line = "";
            hint = LineHint::Plain;
        }
        let kept_lead = kept.len() - kept.trim_start().len();
        cleaned.text.push_str(line);
        // Carry the source line changes through the removals and trimming.
        for &(raw_offset, source) in &source_line.breaks {
            let in_unindented = raw_offset.saturating_sub(indent_len);
            let removed_before: usize =
                removed_spans.iter().map(|&(from, to)| to.min(in_unindented).saturating_sub(from)).sum();
            let in_line = (in_unindented - removed_before).saturating_sub(kept_lead).min(line.len());
            cleaned.source_breaks.push((start + in_line, source));
        }
        let range = TextRange::new(start, cleaned.text.len());
        cleaned.lines.push(CleanLine { range, source_line: source_line.line, hint });
    }
    cleaned.removed.sort_by_key(|noise| (noise.line, noise.column));
    cleaned
}

/// Removes every noise match from one trimmed line, recording each. Returns
/// the kept text and the byte ranges of `line` that were removed.
fn strip_noise(
    line: &str,
    source_line: u32,
    first_column: u32,
    removed: &mut Vec<RemovedNoise>,
) -> (String, Vec<(usize, usize)>) {
    let mut kept = String::with_capacity(line.len());
    let mut spans = Vec::new();
    let mut rest = line;
    let mut column = first_column;
    while !rest.is_empty() {
        if let Some((kind, len)) = noise_at(rest) {
            removed.push(RemovedNoise { kind, text: rest[..len].to_owned(), line: source_line, column });
            column += count_chars(&rest[..len]);
            let from = line.len() - rest.len();
            spans.push((from, from + len));
            rest = &rest[len..];
            continue;
        }
        // Keep everything up to the next byte that may begin noise.
        let Some(c) = rest.chars().next() else { break };
        let run = rest.as_bytes()[c.len_utf8()..]
            .iter()
            .position(|&byte| may_begin_noise(byte))
            .map_or(rest.len(), |at| at + c.len_utf8());
        kept.push_str(&rest[..run]);
        column += count_chars(&rest[..run]);
        rest = &rest[run..];
    }
    (kept, spans)
}

/// Whether noise ([`noise_at`]) may begin at this byte: `#` of a paywall
/// marker, `^` or the lead byte of `【` of an advert, or the lead byte of
/// an invisible character (U+200B–U+200D and U+2060: `E2`; U+FEFF: `EF`).
/// Lead bytes and ASCII always begin a character.
fn may_begin_noise(byte: u8) -> bool {
    matches!(byte, b'#' | b'^' | 0xE2 | 0xE3 | 0xEF)
}

fn count_chars(text: &str) -> u32 {
    u32::try_from(text.chars().count()).unwrap_or(u32::MAX)
}

/// If noise starts at the beginning of `text`, its kind and byte length.
fn noise_at(text: &str) -> Option<(NoiseKind, usize)> {
    if let Some(len) = paywall_marker_len(text) {
        return Some((NoiseKind::PaywallMarker, len));
    }
    if let Some(len) = site_advert_len(text) {
        return Some((NoiseKind::SiteAdvert, len));
    }
    let c = text.chars().next()?;
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
        .then(|| (NoiseKind::InvisibleCharacter, c.len_utf8()))
}

/// `##` + ASCII letters + `##`, e.g. `##paidbegin##`.
fn paywall_marker_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix("##")?;
    let letters = inner.bytes().take_while(u8::is_ascii_alphabetic).count();
    (letters >= 3 && inner[letters..].starts_with("##")).then_some(letters + 4)
}

/// Characters that sharing sites sprinkle into their adverts to dodge filters.
const ADVERT_OBFUSCATION: &[char] = &['^', '&', '~', '*', '#', '@', '%', '$', '_', '-', ' '];

/// Words that only site adverts put inside 【】.
const ADVERT_WORDS: &[&str] = &["更多素材", "尽在", "文库", "公众号", "免费下载", "下载地址", "关注微信", "资料来源于"];

/// An optional `^` and a bracketed advert: `^【更多素^材尽在哒&哒~文*库】`.
fn site_advert_len(text: &str) -> Option<usize> {
    let caret = usize::from(text.starts_with('^'));
    let bracketed = text[caret..].strip_prefix('【')?;
    let close = bracketed.find('】')?;
    let inner = &bracketed[..close];
    if inner.chars().count() > 40 {
        return None;
    }
    let plain: String = inner.chars().filter(|c| !ADVERT_OBFUSCATION.contains(c)).collect();
    ADVERT_WORDS.iter().any(|word| plain.contains(word)).then(|| caret + '【'.len_utf8() + close + '】'.len_utf8())
}

#[cfg(test)]
mod tests {
    /// Every character noise can begin with is seen by the fast scan.
    #[test]
    fn the_fast_scan_stops_wherever_noise_may_begin() {
        for c in ['#', '^', '【', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'] {
            let mut buffer = [0; 4];
            let first_byte = c.encode_utf8(&mut buffer).as_bytes()[0];
            assert!(super::may_begin_noise(first_byte), "{c:?}");
        }
        let (kept, spans) =
            super::strip_noise("甲\u{200B}乙##paidend##丙^【更多素材尽在文库】丁", 1, 1, &mut Vec::new());
        assert_eq!(kept, "甲乙丙丁");
        assert_eq!(spans.len(), 3);
    }
}
