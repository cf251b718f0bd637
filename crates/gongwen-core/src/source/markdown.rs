//! Markdown → lines of text, read by the CommonMark spec (`pulldown-cmark`,
//! with GFM tables and strikethrough).
//!
//! Each block becomes a line: a paragraph (its soft-wrapped source lines
//! joined, Chinese without spaces, the source line of each part kept), a
//! heading (`#`, setext), a list item, a table row (cells in order, separated
//! by tabs, pipes and the delimiter row gone). Inline markup is read, not
//! shown: emphasis, code and link syntax go, a link keeps its text, an image
//! and raw inline HTML leave nothing. HTML blocks go to the HTML reader with
//! their line numbers. YAML front matter gives the title (its `title:`), the
//! rest is reported as removed.
//!
//! What the genre's Markdown does is told apart: a paragraph that is all bold
//! (`**项目背景：**`) is a bold line, a bold label followed by text is not;
//! the items of a list of two or more are list items ([`LineHint::ListItem`]),
//! never headings, while a lone numbered item standing on its own may be one;
//! a list whose items all link to the document's own headings
//! (`1. [项目交付](#一、项目交付)`) is a table of contents, removed and
//! reported, so the headings it points to stay the headings.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::html::{LineIndex, html_lines};
use super::{LineHint, SourceLine, char_count, is_cjk, line_number, split_lines};
use crate::noise::{NoiseKind, RemovedNoise};

/// Converts Markdown to lines, returning the front matter and any table of
/// contents as removed noise.
pub fn markdown_lines(source: &str) -> (Vec<SourceLine>, Vec<RemovedNoise>) {
    let raw: Vec<&str> = split_lines(source).collect();
    let mut lines = Vec::new();
    let mut removed = Vec::new();
    let body_line = front_matter(&raw, &mut lines, &mut removed);
    let positions = LineIndex::new(source, 1);
    let body_offset = positions.line_offset(body_line);
    let mut reader = BlockReader {
        source,
        positions: &positions,
        lines,
        removed,
        block: None,
        lists: Vec::new(),
        strong: 0,
        image: 0,
        link_internal: Vec::new(),
        html_block: None,
        code_block: false,
        table_row: None,
        cell: None,
        last_standalone_number: None,
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(&source[body_offset..], options).into_offset_iter() {
        reader.event(event, body_offset + range.start, body_offset + range.end);
    }
    reader.flush();
    (reader.lines, reader.removed)
}

/// The block being read.
#[derive(Debug, Default)]
struct OpenBlock {
    line: SourceLine,
    /// Characters of visible text inside and outside `**`.
    strong_chars: usize,
    plain_chars: usize,
    /// Links to the document's own headings (`#…`) among its text.
    internal_links: usize,
    /// Characters of text outside such links.
    text_outside_links: usize,
    /// A soft break waits for the next text to know its source line.
    pending_break: bool,
    is_item: bool,
    /// Whether the line's column is final: it is the first text's, not the
    /// markup's (`## `, `**`, `- `), unless an item's number leads the line.
    positioned: bool,
}

impl OpenBlock {
    /// Whether any text has been read into it (an item's number is not).
    fn has_text(&self) -> bool {
        self.strong_chars + self.plain_chars > 0
    }
}

/// A list being read: where its lines start and what they are.
#[derive(Debug, Default)]
struct OpenList {
    first_line: usize,
    items: usize,
    /// Whether every item so far is a link to one of the document's own
    /// headings and nothing else.
    all_internal_links: bool,
}

/// Turns pulldown-cmark's events into lines.
#[derive(Debug)]
struct BlockReader<'s> {
    source: &'s str,
    positions: &'s LineIndex,
    lines: Vec<SourceLine>,
    removed: Vec<RemovedNoise>,
    block: Option<OpenBlock>,
    lists: Vec<OpenList>,
    strong: usize,
    image: usize,
    link_internal: Vec<bool>,
    html_block: Option<(usize, String)>,
    code_block: bool,
    table_row: Option<(usize, Vec<String>)>,
    cell: Option<String>,
    /// The number of the last numbered line that stood on its own (a list
    /// of one item: `2. 运维保障` followed by its body).
    last_standalone_number: Option<u32>,
}

impl<'s> BlockReader<'s> {
    fn event(&mut self, event: Event<'_>, start: usize, end: usize) {
        match event {
            Event::Start(tag) => self.start(tag, start, end),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.text(&text, start),
            Event::SoftBreak | Event::HardBreak => {
                if let Some(cell) = self.cell.as_mut() {
                    cell.push(' ');
                } else if let Some(block) = self.block.as_mut() {
                    block.pending_break = true;
                }
            }
            Event::Html(html) => {
                if let Some((_, block)) = self.html_block.as_mut() {
                    block.push_str(&html);
                }
            }
            // Raw inline HTML (`<br>`, comments) and footnote marks leave no text.
            Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::Rule
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, start: usize, end: usize) {
        match tag {
            // A loose list item's first paragraph is the item's own text.
            Tag::Paragraph if self.block.as_ref().is_some_and(|block| block.is_item && !block.has_text()) => {}
            Tag::Paragraph => self.open(start, LineHint::Plain),
            Tag::Heading { level, .. } => self.open(start, LineHint::Heading { depth: heading_depth(level) }),
            Tag::List(_) => {
                self.flush();
                self.lists.push(OpenList {
                    first_line: self.lines.len(),
                    all_internal_links: true,
                    ..OpenList::default()
                });
            }
            Tag::Item => {
                self.flush();
                if let Some(list) = self.lists.last_mut() {
                    list.items += 1;
                }
                self.open(start, LineHint::Plain);
                // An ordered item keeps its number (`1.`) for the reader.
                let marker = self.source.get(start..end).unwrap_or("").trim_start();
                let digits = marker.bytes().take_while(u8::is_ascii_digit).count();
                if let Some(block) = self.block.as_mut() {
                    block.is_item = true;
                    if digits > 0 && matches!(marker.as_bytes().get(digits), Some(b'.' | b')')) {
                        block.line.text.push_str(&marker[..=digits]);
                        block.line.text.push(' ');
                        block.positioned = true;
                    }
                }
            }
            Tag::Strong => self.strong += 1,
            Tag::Image { .. } => self.image += 1,
            Tag::Link { dest_url, .. } => self.link_internal.push(dest_url.starts_with('#')),
            Tag::HtmlBlock => {
                self.flush();
                self.html_block = Some((start, String::new()));
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code_block = true;
            }
            Tag::TableHead | Tag::TableRow => self.table_row = Some((start, Vec::new())),
            Tag::TableCell => self.cell = Some(String::new()),
            Tag::Table(_) => self.flush(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            // An item's paragraphs end with the item.
            TagEnd::Paragraph if self.block.as_ref().is_some_and(|block| block.is_item) => {}
            TagEnd::Paragraph => self.flush(),
            TagEnd::Heading(_) | TagEnd::Item => self.flush(),
            TagEnd::List(_) => {
                self.flush();
                if let Some(list) = self.lists.pop() {
                    self.finish_list(list);
                }
            }
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            TagEnd::Link => {
                self.link_internal.pop();
            }
            TagEnd::HtmlBlock => {
                if let Some((start, html)) = self.html_block.take() {
                    let (line, _) = self.positions.position(self.source, start);
                    self.lines.extend(html_lines(&html, line));
                }
            }
            TagEnd::CodeBlock => self.code_block = false,
            TagEnd::TableCell => {
                if let (Some(cell), Some((_, row))) = (self.cell.take(), self.table_row.as_mut()) {
                    row.push(cell.trim().to_owned());
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some((start, cells)) = self.table_row.take() {
                    let (line, column) = self.positions.position(self.source, start);
                    self.lines.push(SourceLine {
                        text: cells.join("\t"),
                        line,
                        column,
                        hint: LineHint::Plain,
                        breaks: Vec::new(),
                    });
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str, start: usize) {
        if self.image > 0 {
            return;
        }
        if let Some(cell) = self.cell.as_mut() {
            cell.push_str(text);
            return;
        }
        if self.code_block {
            // Code keeps its lines.
            for (index, part) in text.split_inclusive('\n').enumerate() {
                let offset = start + text.split_inclusive('\n').take(index).map(str::len).sum::<usize>();
                let (line, column) = self.positions.position(self.source, offset);
                let part = part.trim_end_matches(['\n', '\r']);
                self.lines.push(SourceLine {
                    text: part.to_owned(),
                    line,
                    column,
                    hint: LineHint::Plain,
                    breaks: Vec::new(),
                });
            }
            return;
        }
        if self.block.is_none() {
            self.open(start, LineHint::Plain);
        }
        let strong = self.strong > 0;
        let in_internal_link = self.link_internal.last().copied().unwrap_or(false);
        let (line, column) = self.positions.position(self.source, start);
        let Some(block) = self.block.as_mut() else { return };
        if !block.positioned {
            block.positioned = true;
            block.line.line = line;
            block.line.column = column;
        }
        if block.pending_break {
            block.pending_break = false;
            let at = block.line.text.len();
            let joins_cjk =
                block.line.text.chars().last().is_some_and(is_cjk) || text.chars().next().is_some_and(is_cjk);
            if !joins_cjk && !block.line.text.ends_with(' ') {
                block.line.text.push(' ');
            }
            block.line.breaks.push((at, line));
        }
        let visible = crate::text::visible_chars(text);
        if strong {
            block.strong_chars += visible;
        } else {
            block.plain_chars += visible;
        }
        if in_internal_link {
            block.internal_links += 1;
        } else {
            block.text_outside_links += visible;
        }
        block.line.text.push_str(text);
    }

    /// Starts a block at byte `start` of the source.
    fn open(&mut self, start: usize, hint: LineHint) {
        self.flush();
        let (line, column) = self.positions.position(self.source, start);
        self.block = Some(OpenBlock {
            line: SourceLine { text: String::new(), line, column, hint, breaks: Vec::new() },
            ..OpenBlock::default()
        });
    }

    /// Ends the open block, if any, as a line.
    fn flush(&mut self) {
        let Some(mut block) = self.block.take() else { return };
        if block.line.text.trim().is_empty() {
            return;
        }
        if let Some(list) = self.lists.last_mut() {
            // An item's own number does not count as text outside its link.
            let marker = block.line.text.split_once(' ').map_or(0, |(number, _)| {
                if number.trim_end_matches(['.', ')']).bytes().all(|b| b.is_ascii_digit()) { number.len() } else { 0 }
            });
            let outside = block.text_outside_links.saturating_sub(marker);
            list.all_internal_links &= block.internal_links > 0 && outside == 0;
        }
        block.line.text = strip_cjk_emphasis(&block.line.text, &mut block.line.breaks);
        if block.line.hint == LineHint::Plain && !block.is_item && block.strong_chars > 0 && block.plain_chars == 0 {
            block.line.hint = LineHint::Bold;
        }
        self.lines.push(block.line);
    }

    /// A finished list: a table of contents is removed; the items of a list
    /// of two or more are list items.
    fn finish_list(&mut self, list: OpenList) {
        let nested = !self.lists.is_empty();
        if let Some(parent) = self.lists.last_mut() {
            parent.all_internal_links &= list.all_internal_links;
        }
        let mut range = list.first_line..self.lines.len();
        if list.all_internal_links && list.items > 0 && !nested {
            // The contents' caption (`## 目录`) goes with them.
            let caption = range.start.checked_sub(1).filter(|&index| is_contents_caption(&self.lines[index].text));
            if let Some(index) = caption {
                range.start = index;
            }
            for line in &mut self.lines[range] {
                self.removed.push(RemovedNoise {
                    kind: NoiseKind::TableOfContents,
                    text: std::mem::take(&mut line.text),
                    line: line.line,
                    column: line.column,
                });
                line.hint = LineHint::Plain;
            }
            return;
        }
        let numbers: Vec<Option<u32>> = self.lines[range.clone()].iter().map(|line| item_number(&line.text)).collect();
        if list.items == 1 {
            if let Some(number) = numbers.first().copied().flatten() {
                self.last_standalone_number = Some(number);
            }
            return;
        }
        // The last item may be the next standalone numbered heading that
        // CommonMark joined to the list before it: `3. 下一步计划` after a
        // blank line, following `2. 运维保障`, whose list was 1. and 2.
        let mut end = range.end;
        if let (Some(&Some(number)), Some(previous)) = (numbers.last(), self.last_standalone_number)
            && number == previous + 1
            && range.len() >= 2
            && self.lines[range.end - 1].line > self.lines[range.end - 2].line + 1
        {
            end -= 1;
            self.last_standalone_number = Some(number);
        }
        for line in &mut self.lines[range.start..end] {
            if line.hint == LineHint::Plain {
                line.hint = LineHint::ListItem;
            }
        }
    }
}

/// Removes the `**` of a bold label that CommonMark leaves as text in
/// Chinese: `**项目背景：**本年度…` does not close, because a closing `**`
/// after punctuation must be followed by a space or punctuation, which
/// Chinese text never has. Only pairs whose closing `**` follows full-width
/// punctuation are removed, so a redaction (`处置问题线索**件`) stays.
/// Line breaks after a removed pair move back with the text.
fn strip_cjk_emphasis(text: &str, breaks: &mut [(usize, u32)]) -> String {
    const CLOSING_AFTER: &[char] = &['：', '，', '。', '；', '！', '？', '、', '）', '”', ':'];
    let mut out = text.to_owned();
    let mut from = 0;
    while let Some(open) = out[from..].find("**").map(|at| from + at) {
        let Some(close) = out[open + 2..].find("**").map(|at| open + 2 + at) else { break };
        let closes_after_punctuation = out[..close].chars().last().is_some_and(|c| CLOSING_AFTER.contains(&c));
        if close > open + 2 && closes_after_punctuation {
            out.replace_range(close..close + 2, "");
            out.replace_range(open..open + 2, "");
            for (at, _) in breaks.iter_mut() {
                *at = at.saturating_sub(2 * usize::from(*at > open) + 2 * usize::from(*at > close));
            }
            from = close - 2;
        } else {
            from = open + 2;
        }
    }
    out
}

/// The number an ordered item's line starts with (`3. …` → 3).
fn item_number(text: &str) -> Option<u32> {
    let (number, _) = text.split_once(". ")?;
    number.parse().ok()
}

/// `目录`, `目　录`, `Contents`: the caption of a table of contents.
fn is_contents_caption(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect();
    matches!(compact.to_lowercase().as_str(), "目录" | "内容目录" | "contents" | "tableofcontents" | "toc")
}

fn heading_depth(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Reads YAML front matter at the start, if any: pushes its lines (the
/// `title:` as a title line, the rest blank) and returns the next index.
fn front_matter(raw: &[&str], lines: &mut Vec<SourceLine>, removed: &mut Vec<RemovedNoise>) -> usize {
    if raw.first().is_none_or(|first| first.trim() != "---") {
        return 0;
    }
    let Some(end) = (1..raw.len().min(80)).find(|&i| matches!(raw[i].trim(), "---" | "...")) else {
        return 0;
    };
    lines.push(blank(1));
    for (index, text) in raw.iter().enumerate().take(end).skip(1) {
        let number = line_number(index);
        let title = text
            .strip_prefix("title:")
            .map(|value| value.trim().trim_matches(['"', '\'']))
            .filter(|value| !value.is_empty());
        match title {
            Some(value) => {
                let column = char_count(&text[..text.find(value).unwrap_or(0)]) + 1;
                lines.push(SourceLine {
                    text: value.to_owned(),
                    line: number,
                    column,
                    hint: LineHint::Title,
                    breaks: Vec::new(),
                });
            }
            None => {
                if !text.trim().is_empty() {
                    removed.push(RemovedNoise {
                        kind: NoiseKind::FrontMatter,
                        text: (*text).to_owned(),
                        line: number,
                        column: 1,
                    });
                }
                lines.push(blank(number));
            }
        }
    }
    lines.push(blank(line_number(end)));
    end + 1
}

fn blank(line: u32) -> SourceLine {
    SourceLine { text: String::new(), line, column: 1, hint: LineHint::Plain, breaks: Vec::new() }
}
