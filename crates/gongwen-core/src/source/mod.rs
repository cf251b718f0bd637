//! Source formats: how plain text, Markdown and HTML saved from a web page
//! become lines of text, each with its 1-based line in the source file and a
//! structural [`LineHint`] (an `<h2>`, a `## ` heading, a bold-only line).
//!
//! This runs between decoding and cleaning. Plain text is split at line
//! breaks as it is; Markdown loses its markup (front matter, `#`, setext
//! underlines, rules, links) but keeps its lines; HTML is reduced to its blocks
//! (`<p>`, `<h1>`–`<h6>`, `<li>`, `<br>` …), with scripts, styles and site
//! chrome (navigation, footers, share bars) dropped and entities decoded.

pub mod html;
pub mod markdown;

use serde::{Deserialize, Serialize};

use crate::clean::RemovedNoise;

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
}

impl SourceFormat {
    /// Guesses the format from the file name, then from the text itself.
    pub fn detect(name: &str, text: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            return SourceFormat::Html;
        }
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return SourceFormat::Markdown;
        }
        let start = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
        let head: String = start.chars().take(15).collect::<String>().to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") {
            SourceFormat::Html
        } else {
            SourceFormat::PlainText
        }
    }

    /// The format's name in JSON (`"plain_text"`, `"markdown"`, `"html"`).
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::PlainText => "plain_text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
        }
    }
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
}

/// One line of a source, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Converts a source into lines. What the conversion drops as data rather than
/// markup (Markdown front matter) is returned as removed noise.
pub fn source_lines(source: &str, format: SourceFormat) -> (Vec<SourceLine>, Vec<RemovedNoise>) {
    match format {
        SourceFormat::PlainText => (plain_lines(source), Vec::new()),
        SourceFormat::Markdown => markdown::markdown_lines(source),
        SourceFormat::Html => (html::html_lines(source, 1), Vec::new()),
    }
}

fn plain_lines(source: &str) -> Vec<SourceLine> {
    split_lines(source)
        .enumerate()
        .map(|(index, text)| SourceLine {
            text: text.to_owned(),
            line: line_number(index),
            column: 1,
            hint: LineHint::Plain,
            breaks: Vec::new(),
        })
        .collect()
}

/// The 1-based line number of a 0-based line index.
pub(crate) fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// The number of characters in `text`, as a column count.
pub(crate) fn char_count(text: &str) -> u32 {
    u32::try_from(text.chars().count()).unwrap_or(u32::MAX)
}
