//! HTML saved from a web page → lines of text.
//!
//! A small tolerant scanner, not a full HTML parser: reports saved from news
//! and government sites are tag soup, and all that matters is their block
//! structure and text. Block elements (`<p>`, `<div>`, `<li>`, `<h1>`–`<h6>`,
//! `<br>` …) end lines; `<h1>`–`<h6>` give [`LineHint::Heading`]; a block that is
//! all `<strong>`/`<b>` gives [`LineHint::Bold`]. Scripts, styles, `<head>` and
//! site chrome (`<nav>`, `<aside>`, page-level `<header>`/`<footer>`, elements
//! whose class or id says navigation, breadcrumb, share bar …) are dropped.
//! Whitespace collapses as browsers collapse it, except that no space is kept
//! between two Chinese characters (source line wraps are not spaces in
//! Chinese). Each line keeps the source line and column of its first character.

use super::{LineHint, SourceLine, char_count, is_cjk};

/// Elements whose content is never text of the report.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "aside", "form", "button", "select", "iframe", "object",
    "svg", "canvas", "audio", "video", "textarea",
];

/// Elements that are site chrome outside an `<article>` or `<main>`.
const PAGE_CHROME_ELEMENTS: &[&str] = &["header", "footer"];

/// Words in a class or id that mark site chrome.
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "footer",
    "sidebar",
    "toolbar",
    "topbar",
    "share",
    "comment",
    "comments",
    "copyright",
    "related",
    "recommend",
    "advert",
    "ads",
    "banner",
    "login",
    "search",
    "pagination",
    "pager",
    "meta",
];

/// Elements that start and end a line.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "caption",
    "figure",
    "figcaption",
    "header",
    "footer",
    "center",
    "body",
    "html",
    "address",
    "hr",
    "br",
    "title",
];

/// Elements that never have content or a closing tag.
const VOID_ELEMENTS: &[&str] =
    &["br", "hr", "img", "meta", "link", "input", "col", "area", "base", "embed", "source", "wbr"];

/// A tag read from the source.
struct Tag<'s> {
    name: String,
    closing: bool,
    self_closing: bool,
    attributes: &'s str,
}

/// Position of a byte offset in the source: line and column, both 1-based.
/// The Markdown reader uses it too.
#[derive(Debug)]
pub(super) struct LineIndex {
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    first_line: u32,
}

impl LineIndex {
    pub(super) fn new(source: &str, first_line: u32) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'\r' if bytes.get(at + 1) == Some(&b'\n') => {
                    starts.push(at + 2);
                    at += 2;
                }
                b'\r' | b'\n' => {
                    starts.push(at + 1);
                    at += 1;
                }
                _ => at += 1,
            }
        }
        Self { starts, first_line }
    }

    /// The byte offset where 0-based line `index` starts (the end of the
    /// source for a line past it).
    pub(super) fn line_offset(&self, index: usize) -> usize {
        self.starts.get(index).copied().unwrap_or_else(|| self.starts.last().copied().unwrap_or(0))
    }

    pub(super) fn position(&self, source: &str, offset: usize) -> (u32, u32) {
        let index = self.starts.partition_point(|&start| start <= offset).saturating_sub(1);
        let line = self.first_line.saturating_add(u32::try_from(index).unwrap_or(u32::MAX));
        let start = self.starts[index];
        let column = source.get(start..offset).map_or(1, |text| char_count(text) + 1);
        (line, column)
    }
}

/// Collects text into lines.
struct LineBuilder {
    lines: Vec<SourceLine>,
    text: String,
    position: Option<(u32, u32)>,
    /// The source line of the last character pushed, and the line changes
    /// within the current line.
    current_line: u32,
    breaks: Vec<(usize, u32)>,
    heading: Option<u8>,
    pending_space: bool,
    bold_chars: usize,
    plain_chars: usize,
}

impl LineBuilder {
    fn new() -> Self {
        Self {
            lines: Vec::new(),
            text: String::new(),
            position: None,
            current_line: 0,
            breaks: Vec::new(),
            heading: None,
            pending_space: false,
            bold_chars: 0,
            plain_chars: 0,
        }
    }

    /// Appends text that starts at source `position`, collapsing whitespace
    /// unless `preformatted`.
    fn push_text(&mut self, text: &str, position: (u32, u32), bold: bool, preformatted: bool) {
        // `position` is that of the run's first visible character; line breaks
        // after it move the run on to later source lines.
        let mut line = position.0;
        let mut seen_visible = false;
        for c in text.chars() {
            if c == '\n' && seen_visible {
                line = line.saturating_add(1);
            }
            if preformatted && c == '\n' {
                self.end_line();
                continue;
            }
            if !c.is_whitespace() {
                seen_visible = true;
            }
            if c.is_whitespace() && !preformatted {
                self.pending_space = !self.text.is_empty();
                continue;
            }
            if self.pending_space {
                let previous = self.text.chars().next_back();
                if previous.is_some_and(|p| !is_cjk(p) && !is_cjk(c)) {
                    self.text.push(' ');
                }
                self.pending_space = false;
            }
            if self.position.is_none() {
                self.position = Some((line, position.1));
                self.current_line = line;
            } else if line != self.current_line {
                self.breaks.push((self.text.len(), line));
                self.current_line = line;
            }
            self.text.push(c);
            if bold {
                self.bold_chars += 1;
            } else {
                self.plain_chars += 1;
            }
        }
    }

    fn separate(&mut self) {
        self.pending_space = !self.text.is_empty();
    }

    fn end_line(&mut self) {
        if let Some((line, column)) = self.position.take() {
            let hint = match self.heading {
                Some(depth) => LineHint::Heading { depth },
                None if self.bold_chars > 0 && self.plain_chars == 0 => LineHint::Bold,
                None => LineHint::Plain,
            };
            let text = std::mem::take(&mut self.text);
            self.lines.push(SourceLine { text, line, column, hint, breaks: std::mem::take(&mut self.breaks) });
        }
        self.text.clear();
        self.breaks.clear();
        self.pending_space = false;
        self.bold_chars = 0;
        self.plain_chars = 0;
    }
}

/// Converts HTML to lines; `first_line` is the source line of the first byte
/// (HTML blocks inside Markdown start mid-file).
pub fn html_lines(source: &str, first_line: u32) -> Vec<SourceLine> {
    let index = LineIndex::new(source, first_line);
    let mut builder = LineBuilder::new();
    let mut skipping: Option<(String, usize)> = None;
    let mut open_bold = 0usize;
    let mut preformatted = 0usize;
    let mut content_containers = 0usize;
    let mut at = 0;
    while at < source.len() {
        let rest = &source[at..];
        if rest.starts_with("<!--") {
            at += rest.find("-->").map_or(rest.len(), |end| end + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            at += rest.find('>').map_or(rest.len(), |end| end + 1);
            continue;
        }
        if let Some((tag, tag_len)) = read_tag(rest) {
            at += tag_len;
            let name = tag.name.as_str();
            // An unclosed <head> ends where the body starts.
            if skipping.as_ref().is_some_and(|(skipped, _)| skipped == "head") && name == "body" {
                skipping = None;
            }
            if let Some((skipped, depth)) = &mut skipping {
                if name == skipped && !VOID_ELEMENTS.contains(&name) && !tag.self_closing {
                    if tag.closing {
                        *depth -= 1;
                    } else {
                        *depth += 1;
                    }
                    if *depth == 0 {
                        skipping = None;
                    }
                }
                continue;
            }
            if !tag.closing && !tag.self_closing && !VOID_ELEMENTS.contains(&name) {
                let chrome = SKIPPED_ELEMENTS.contains(&name)
                    || (PAGE_CHROME_ELEMENTS.contains(&name) && content_containers == 0)
                    || is_chrome_attribute(tag.attributes);
                if chrome {
                    if matches!(name, "script" | "style" | "textarea") {
                        // Raw text: skip straight to the closing tag.
                        let close = format!("</{name}");
                        let lower = source[at..].to_ascii_lowercase();
                        at += lower.find(&close).unwrap_or(lower.len());
                    } else {
                        skipping = Some((tag.name.clone(), 1));
                    }
                    continue;
                }
            }
            match name {
                "article" | "main" => {
                    content_containers = apply(content_containers, tag.closing);
                }
                "strong" | "b" => open_bold = apply(open_bold, tag.closing),
                "pre" => preformatted = apply(preformatted, tag.closing),
                "td" | "th" => builder.separate(),
                _ => {}
            }
            if BLOCK_ELEMENTS.contains(&name) {
                builder.end_line();
                if let Some(depth) = heading_depth(name) {
                    builder.heading = (!tag.closing).then_some(depth);
                }
            }
            continue;
        }
        let first_len = rest.chars().next().map_or(1, char::len_utf8);
        let text_len = rest[first_len..].find('<').map_or(rest.len(), |next| next + first_len);
        if skipping.is_none() {
            let raw = &rest[..text_len];
            let first_visible = raw.find(|c: char| !c.is_whitespace()).unwrap_or(0);
            let position = index.position(source, at + first_visible);
            let decoded = decode_entities(raw);
            builder.push_text(&decoded, position, open_bold > 0, preformatted > 0);
        }
        at += text_len;
    }
    builder.end_line();
    builder.lines
}

fn apply(depth: usize, closing: bool) -> usize {
    if closing { depth.saturating_sub(1) } else { depth + 1 }
}

fn heading_depth(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Reads a tag at the start of `text` (which starts with `<`). Returns `None`
/// when the `<` does not open a tag (`a < b`, `<3`).
fn read_tag(text: &str) -> Option<(Tag<'_>, usize)> {
    let inner = text.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = inner.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(inner.len());
    if name_len == 0 || !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = inner[..name_len].to_ascii_lowercase();
    // Find the closing `>`, skipping quoted attribute values.
    let mut quote: Option<char> = None;
    let mut end = None;
    for (offset, c) in inner[name_len..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => {
                end = Some(name_len + offset);
                break;
            }
            _ => {}
        }
    }
    let end = end.unwrap_or(inner.len());
    let attributes = inner[name_len..end].trim();
    let self_closing = attributes.ends_with('/');
    let consumed = 1 + usize::from(closing) + end + usize::from(end < inner.len());
    Some((Tag { name, closing, self_closing, attributes }, consumed))
}

/// Whether a tag's class or id names site chrome (`class="site-nav"`).
fn is_chrome_attribute(attributes: &str) -> bool {
    let lower = attributes.to_ascii_lowercase();
    ["class", "id", "role"].iter().any(|attribute| {
        attribute_value(&lower, attribute).is_some_and(|value| {
            value
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| CHROME_WORDS.contains(&word) || word == "navigation")
        })
    })
}

/// The value of `name="…"`, `name='…'` or `name=…` in lower-cased attributes.
fn attribute_value<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let mut search = 0;
    while let Some(found) = attributes[search..].find(name) {
        let start = search + found;
        let before_ok = start == 0 || !attributes.as_bytes()[start - 1].is_ascii_alphanumeric();
        let rest = attributes[start + name.len()..].trim_start();
        if before_ok && let Some(value) = rest.strip_prefix('=') {
            let value = value.trim_start();
            return Some(match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
                _ => value.split_whitespace().next().unwrap_or(""),
            });
        }
        search = start + name.len();
    }
    None
}

/// Decodes character references: named ones common in Chinese pages and all
/// numeric ones. Unknown references stay as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(';').map(|end| end + 1).filter(|&end| end <= 12);
        let decoded = end.and_then(|end| decode_reference(&rest[1..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(value).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "yen" => '¥',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "permil" => '‰',
        "laquo" => '«',
        "raquo" => '»',
        _ => return None,
    })
}
