//! The readers: every file format a report arrives in, turned into lines of
//! text, each with its position in the source ([`SourceLine`]: a line of a
//! text file, a paragraph of a Word document, a line on a PDF page) and a
//! structural [`LineHint`] (an `<h2>`, a `## ` heading, a Word heading style).
//!
//! [`read_source`] is the one entry point: it looks at the bytes (not the
//! name) to tell a Word document from a ZIP archive from a PDF from text, and
//! hands them to the reader of that format, each in its own file:
//! [`plain`], [`markdown`] and [`html`] for decoded text, [`docx`] for Office
//! Open XML, [`odt`] for OpenDocument, [`doc`] for Word 97–2003 and WPS
//! binaries, [`pdf_text`] for the text items the page's PDF reader extracts.
//! [`archive`] unpacks a ZIP of reports into files for the callers to read
//! one by one. Every reader works within [`ReadLimits`]; what breaks one is a
//! [`ReadError`] whose text users read as it is.

pub mod archive;
pub mod doc;
pub mod docx;
pub mod html;
pub mod limits;
pub mod markdown;
pub mod odt;
pub mod pdf_text;
pub mod plain;
pub mod sniff;
mod xml;
mod zip_container;

use serde::{Deserialize, Serialize};

use crate::decode::{Encoding, decode_bytes};
use crate::diagnostic::Diagnostic;
use crate::noise::RemovedNoise;

pub use limits::{ReadError, ReadLimits};
use sniff::{BinaryKind, sniff_bytes};

/// The format of a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text (`.txt` and anything unrecognised).
    PlainText,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// HTML (`.html`, `.htm`, or text that starts like an HTML document).
    Html,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
    /// A Word 97–2003 binary document (`.doc`), or WPS Office's `.wps`, which
    /// uses the same layout.
    Doc,
    /// An OpenDocument text (`.odt`).
    Odt,
    /// The text layer of a PDF, as the page's PDF reader extracts it.
    Pdf,
}

impl SourceFormat {
    /// Tells plain text, Markdown and HTML apart by what the text is: a web
    /// page saved as `.txt` (often wrapped in a scraper's `[<div …>` … `</div>]`)
    /// is HTML, a `.txt` of Markdown is Markdown. The name decides only when
    /// the text says nothing either way; a plain report with a stray `<` or a
    /// line starting with `#` stays plain.
    pub fn detect(name: &str, text: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        let named_html = lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml");
        let named_markdown = lower.ends_with(".md") || lower.ends_with(".markdown");
        // A text that starts with markup is a page whatever its name; one
        // that only holds some (Markdown's HTML blocks) goes by its name and
        // then by what else it holds.
        let starts_with_markup = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n', '[']).starts_with('<');
        if starts_with_markup && looks_like_html(text) {
            return SourceFormat::Html;
        }
        if named_html {
            return SourceFormat::Html;
        }
        if named_markdown || looks_like_markdown(text) {
            return SourceFormat::Markdown;
        }
        if looks_like_html(text) {
            return SourceFormat::Html;
        }
        SourceFormat::PlainText
    }

    /// The format's name in JSON (`"plain_text"`, `"markdown"`, `"html"`).
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::PlainText => "plain_text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Docx => "docx",
            SourceFormat::Doc => "doc",
            SourceFormat::Odt => "odt",
            SourceFormat::Pdf => "pdf",
        }
    }

    /// The format's name as users read it, in English.
    pub fn display_name_en(self) -> &'static str {
        match self {
            SourceFormat::PlainText => "plain text",
            SourceFormat::Markdown => "Markdown",
            SourceFormat::Html => "web page",
            SourceFormat::Docx => "Word document",
            SourceFormat::Doc => "Word 97–2003 document",
            SourceFormat::Odt => "ODF text",
            SourceFormat::Pdf => "PDF",
        }
    }

    /// The format's name as users read it, in Chinese.
    pub fn display_name(self) -> &'static str {
        match self {
            SourceFormat::PlainText => "纯文本",
            SourceFormat::Markdown => "Markdown",
            SourceFormat::Html => "网页",
            SourceFormat::Docx => "Word 文档",
            SourceFormat::Doc => "Word 97–2003 文档",
            SourceFormat::Odt => "ODF 文本",
            SourceFormat::Pdf => "PDF",
        }
    }
}

/// A scraper's page saved as text is often wrapped in `[` … `]` around its
/// markup (`[<div class=…>` … `</div>]`). The brackets are blanked (spaces of
/// the same length, so positions stay) and never become a title.
fn without_scraper_brackets(source: &str) -> std::borrow::Cow<'_, str> {
    let start = source.len() - source.trim_start().len();
    let end = source.trim_end().len();
    let opens = source[start..].starts_with("[<");
    let closes = source[..end].ends_with(">]");
    if !(opens && closes) {
        return std::borrow::Cow::Borrowed(source);
    }
    let mut text = source.to_owned();
    text.replace_range(start..start + 1, " ");
    text.replace_range(end - 1..end, " ");
    std::borrow::Cow::Owned(text)
}

/// Elements whose tags mark a text as an HTML page or fragment.
const HTML_SIGNAL_TAGS: &[&str] = &[
    "p", "div", "span", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "strong", "b", "font", "li",
    "body",
];

/// Whether the text is HTML: it starts like a document, or it is made of
/// tags — several tags of a page's block and inline elements, closed as well
/// as opened, and not a stray `<` in a sentence (`满意度<90%`).
fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n', '[']);
    let head: String = start.chars().take(15).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    // The first 200,000 characters: a text of fewer bytes has no more.
    let end = if text.len() <= 200_000 {
        text.len()
    } else {
        text.char_indices().nth(200_000).map_or(text.len(), |(at, _)| at)
    };
    let sample = &text.as_bytes()[..end];
    // One pass over the `<`s (most reports have none), found by a search for
    // the byte, instead of a search per tag: each `<` opens at most one
    // `<tag>`, `<tag ` or `</tag>`.
    let mut opens = [0usize; HTML_SIGNAL_TAGS.len()];
    let mut closes = [0usize; HTML_SIGNAL_TAGS.len()];
    for (at, _) in text[..end].match_indices('<') {
        let rest = &sample[at + 1..];
        let (closing, name) = match rest.split_first() {
            Some((b'/', name)) => (true, name),
            _ => (false, rest),
        };
        for (index, tag) in HTML_SIGNAL_TAGS.iter().enumerate() {
            let Some(after) = name.get(tag.len()) else { continue };
            if !name[..tag.len()].eq_ignore_ascii_case(tag.as_bytes()) {
                continue;
            }
            match (closing, after) {
                (true, b'>') => closes[index] += 1,
                (false, b'>' | b' ') => opens[index] += 1,
                _ => {}
            }
        }
    }
    let opened: usize = opens.iter().sum();
    let closed: usize = closes.iter().sum();
    let kinds = opens.iter().zip(&closes).filter(|(open, close)| **open + **close > 0).count();
    opened >= 3 && closed >= 2 && kinds >= 2
}

/// Whether the text is Markdown: front matter, two or more ATX headings
/// (`## …`), a setext underline, a table's delimiter row, or one heading
/// beside at least two other kinds of Markdown (bold, links, list items,
/// block quotes).
fn looks_like_markdown(text: &str) -> bool {
    let lines: Vec<&str> = split_lines(text).take(5_000).collect();
    let first = lines.iter().find(|line| !line.trim().is_empty()).map(|line| line.trim());
    let front_matter = first == Some("---")
        && lines.iter().skip_while(|line| line.trim() != "---").skip(1).take(30).any(|line| line.trim() == "---");
    let atx = lines.iter().filter(|line| is_atx_heading(line)).count();
    let setext = lines.windows(2).any(|pair| !pair[0].trim().is_empty() && is_setext_underline(pair[1]));
    let table = lines.iter().any(|line| is_table_delimiter(line));
    // A search for a character first: most lines of a report have no `*`
    // or `]`, and a search for two characters costs far more.
    let bold = lines.iter().any(|line| line.contains('*') && line.matches("**").count() >= 2);
    let link = lines.iter().any(|line| line.contains(']') && line.contains("](") && line.contains('['));
    let list = lines.iter().filter(|line| is_list_item(line)).count() >= 2;
    let quote = lines.iter().any(|line| line.starts_with("> "));
    let other_kinds = [bold, link, list, quote].iter().filter(|&&kind| kind).count();
    front_matter || atx >= 2 || setext || table || (atx == 1 && other_kinds >= 2)
}

/// `# …` to `###### …`: hashes, a space, and text.
fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') && !line[hashes..].trim().is_empty()
}

/// `===` (three or more) alone on a line; `---` is also a rule, so only `=`
/// is taken as a sign of Markdown.
fn is_setext_underline(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.len() >= 3 && trimmed.bytes().all(|b| b == b'=')
}

/// A GFM table's delimiter row: `| --- | :-: |`.
fn is_table_delimiter(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.contains('|') && trimmed.contains("---") && trimmed.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// `- item`, `* item`, `+ item`, `1. item`.
fn is_list_item(line: &str) -> bool {
    let trimmed = line.trim_start();
    let bullet = ["- ", "* ", "+ "].iter().any(|bullet| trimmed.starts_with(bullet));
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    bullet || (digits > 0 && trimmed[digits..].starts_with(". "))
}

/// What the source's markup says about a line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum LineHint {
    /// Nothing: an ordinary line or paragraph.
    #[default]
    Plain,
    /// A heading of the markup: `#`–`######`, a setext underline, `<h1>`–`<h6>`.
    Heading {
        /// 1 for `#` and `<h1>`, up to 6.
        depth: u8,
    },
    /// A line that is bold and nothing else (`**…**`, `<p><strong>…</strong></p>`):
    /// a low-ranking heading if it reads like one.
    Bold,
    /// The document's title as the markup states it (Markdown front matter).
    Title,
    /// An item of a list of two or more (`1. …`, `- …`): a point of the
    /// text, never a heading, whatever number it starts with.
    ListItem,
}

/// One line of a source, before cleaning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceLine {
    /// The line's text, markup removed.
    pub text: String,
    /// 1-based line in the source file where the text starts.
    pub line: u32,
    /// 1-based column (in characters) of the text's start on that line.
    pub column: u32,
    /// What the markup says about it.
    pub hint: LineHint,
    /// Where the text moves on to a later source line (a paragraph wrapped
    /// over several lines of HTML): byte offset in `text` and the line there.
    pub breaks: Vec<(usize, u32)>,
}

/// Splits text at `\n`, `\r\n` and lone `\r`, yielding lines without their
/// breaks. Text ending in a break yields a final empty line, as editors show it.
pub fn split_lines(source: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(source);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\n', '\r']) {
            Some(at) => {
                let break_len = if text[at..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&text[at + break_len..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// How a document's positions are counted, which decides how the page and the
/// CLI name a [`SourceLine::line`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "unit")]
pub enum LineUnit {
    /// Lines of a text file: 「第 N 行」.
    #[default]
    Line,
    /// Paragraphs of a word-processor document, counted from 1: 「第 N 段」.
    Paragraph,
    /// Lines of a paged document, numbered through the whole document; the
    /// page of a line is found from where each page starts: 「第 P 页第 L 行」.
    PageLine {
        /// The document-wide number of each page's first line, in page order.
        page_starts: Vec<u32>,
    },
}

impl LineUnit {
    /// A short label for position `line` in a reader's margin: `12`, or
    /// `2·5` for line 5 of page 2.
    pub fn gutter_label(&self, line: u32) -> String {
        match self {
            LineUnit::Line | LineUnit::Paragraph => line.to_string(),
            LineUnit::PageLine { .. } => {
                let (page, line_on_page) = self.page_and_line(line);
                format!("{page}·{line_on_page}")
            }
        }
    }

    /// The page and the line on it of document-wide line `line` (page 1 for
    /// documents without pages).
    fn page_and_line(&self, line: u32) -> (usize, u32) {
        match self {
            LineUnit::PageLine { page_starts } => {
                let page = page_starts.partition_point(|&start| start <= line).max(1);
                let first = page_starts.get(page - 1).copied().unwrap_or(1);
                (page, line.saturating_sub(first) + 1)
            }
            LineUnit::Line | LineUnit::Paragraph => (1, line),
        }
    }

    /// Names position `line` as users read it, in Chinese.
    pub fn describe(&self, line: u32) -> String {
        match self {
            LineUnit::Line => format!("第 {line} 行"),
            LineUnit::Paragraph => format!("第 {line} 段"),
            LineUnit::PageLine { .. } => {
                let (page, line_on_page) = self.page_and_line(line);
                format!("第 {page} 页第 {line_on_page} 行")
            }
        }
    }

    /// Names position `line` in English: `line 3`, `paragraph 3`,
    /// `page 2, line 5`.
    pub fn describe_en(&self, line: u32) -> String {
        match self {
            LineUnit::Line => format!("line {line}"),
            LineUnit::Paragraph => format!("paragraph {line}"),
            LineUnit::PageLine { .. } => {
                let (page, line_on_page) = self.page_and_line(line);
                format!("page {page}, line {line_on_page}")
            }
        }
    }
}

/// A file read into lines: what every reader returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDocument {
    /// The format the bytes turned out to be.
    pub format: SourceFormat,
    /// The text encoding the lines were decoded from.
    pub encoding: Encoding,
    /// The document's lines, in reading order.
    pub lines: Vec<SourceLine>,
    /// What the reader dropped as data rather than text (front matter, a PDF's
    /// running headers and page numbers).
    pub removed: Vec<RemovedNoise>,
    /// What the reader noticed about the file (replacement characters,
    /// numbering it could not render).
    pub notes: Vec<Diagnostic>,
    /// How [`SourceLine::line`] counts.
    pub unit: LineUnit,
}

/// Reads a file's bytes into lines. The bytes decide the reader (a Word
/// document is one whatever its name); the name only separates Markdown and
/// HTML from plain text among text files.
///
/// A ZIP archive of reports is an error here ([`ReadError::Archive`]): callers
/// unpack it with [`archive::unpack_reports`] and read each file.
pub fn read_source(name: &str, bytes: &[u8], limits: &ReadLimits) -> Result<SourceDocument, ReadError> {
    limits.check_file_size(bytes.len())?;
    let mut document = match sniff_bytes(bytes, limits)? {
        BinaryKind::Docx => docx::read_docx(bytes, limits),
        BinaryKind::Odt => odt::read_odt(bytes, limits),
        BinaryKind::Doc => doc::read_doc(bytes, limits),
        BinaryKind::Pdf => Err(ReadError::PdfNeedsPage),
        BinaryKind::Archive => Err(ReadError::Archive),
        BinaryKind::Unsupported(format) => Err(ReadError::Unsupported(format)),
        BinaryKind::Text => read_text(name, bytes),
    }?;
    note_replacement_characters(&mut document);
    Ok(document)
}

/// Flags a document whose text holds U+FFFD, the mark of characters lost
/// to a wrong encoding somewhere before the file reached us.
pub fn note_replacement_characters(document: &mut SourceDocument) {
    let replacements: usize = document.lines.iter().map(|line| line.text.matches('\u{FFFD}').count()).sum();
    if replacements > 0 {
        document.notes.push(Diagnostic::warning(
            "replacement-characters",
            format!("文件中有 {replacements} 个无法识别的字符（显示为 �），原文可能已损坏或编码有误"),
            format!("{replacements} characters could not be decoded (shown as �): the file may be damaged or in another encoding"),
            None,
        ));
    }
}

/// Reads a text file: decodes it, then reads it as plain text, Markdown or
/// HTML.
fn read_text(name: &str, bytes: &[u8]) -> Result<SourceDocument, ReadError> {
    let decoded = decode_bytes(bytes)?;
    let format = SourceFormat::detect(name, &decoded.text);
    let (lines, removed) = source_lines(&decoded.text, format);
    Ok(SourceDocument { format, encoding: decoded.encoding, lines, removed, notes: Vec::new(), unit: LineUnit::Line })
}

/// Converts a source into lines. What the conversion drops as data rather than
/// markup (Markdown front matter) is returned as removed noise.
pub fn source_lines(source: &str, format: SourceFormat) -> (Vec<SourceLine>, Vec<RemovedNoise>) {
    match format {
        SourceFormat::PlainText | SourceFormat::Docx | SourceFormat::Doc | SourceFormat::Odt | SourceFormat::Pdf => {
            (plain::plain_lines(source), Vec::new())
        }
        SourceFormat::Markdown => markdown::markdown_lines(source),
        SourceFormat::Html => (html::html_lines(&without_scraper_brackets(source), 1), Vec::new()),
    }
}

/// Chinese characters, full-width forms and the quotes, dash and ellipsis
/// written among them: where two of them meet a line wrap, no space is read.
/// The HTML, Markdown and PDF readers all join lines by it.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{2018}'..='\u{201F}' | '\u{2014}' | '\u{2026}')
}

/// The 1-based line number of a 0-based line index.
pub(crate) fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// The number of characters in `text`, as a column count.
pub(crate) fn char_count(text: &str) -> u32 {
    u32::try_from(text.chars().count()).unwrap_or(u32::MAX)
}
