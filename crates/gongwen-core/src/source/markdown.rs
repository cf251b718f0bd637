//! Markdown → lines of text, line for line.
//!
//! Handles what Chinese reports written in Markdown use: YAML front matter
//! (its `title:` becomes a [`LineHint::Title`] line, the rest is reported as
//! removed), ATX headings with or without Chinese markers, setext underlines,
//! horizontal rules (which are not underlines), bold-only lines, list bullets,
//! block quotes, links and images, fenced code, and HTML blocks (handed to the
//! HTML reader with their line numbers). Inline emphasis is left alone: `**`
//! in a report may be a redacted figure (`处置问题线索**件`).

use super::html::{BLOCK_ELEMENTS, html_lines};
use super::{LineHint, SourceLine, char_count, line_number, split_lines};
use crate::noise::{NoiseKind, RemovedNoise};

/// Converts Markdown to lines, returning the front matter as removed noise.
pub fn markdown_lines(source: &str) -> (Vec<SourceLine>, Vec<RemovedNoise>) {
    let raw: Vec<&str> = split_lines(source).collect();
    let mut lines = Vec::with_capacity(raw.len());
    let mut removed = Vec::new();
    let mut index = front_matter(&raw, &mut lines, &mut removed);
    let mut in_fence: Option<&str> = None;
    while index < raw.len() {
        let text = raw[index];
        let number = line_number(index);
        let trimmed = text.trim();
        if let Some(fence) = in_fence {
            if trimmed.starts_with(fence) {
                in_fence = None;
                lines.push(blank(number));
            } else {
                lines.push(plain(text, number));
            }
            index += 1;
            continue;
        }
        if let Some(fence) = ["```", "~~~"].into_iter().find(|fence| trimmed.starts_with(fence)) {
            in_fence = Some(fence);
            lines.push(blank(number));
            index += 1;
            continue;
        }
        if starts_html_block(trimmed) {
            let end = (index..raw.len()).find(|&i| raw[i].trim().is_empty()).unwrap_or(raw.len());
            let block = raw[index..end].join("\n");
            let mut block_lines = html_lines(&block, number);
            // Keep one output line per source line where the HTML allows, so
            // that line numbers stay easy to follow: pad with blank lines.
            for line_index in index..end {
                let line_no = line_number(line_index);
                if !block_lines.iter().any(|line| line.line == line_no) {
                    block_lines.push(blank(line_no));
                }
            }
            block_lines.sort_by_key(|line| line.line);
            lines.extend(block_lines);
            index = end;
            continue;
        }
        if let Some(depth) = raw.get(index + 1).and_then(|next| setext_depth(next))
            && !trimmed.is_empty()
            && !is_rule(trimmed)
            && atx_heading(text).is_none()
        {
            lines.push(SourceLine { hint: LineHint::Heading { depth }, ..inline_markup(text, number) });
            lines.push(blank(number + 1));
            index += 2;
            continue;
        }
        if is_rule(trimmed) {
            lines.push(blank(number));
        } else if let Some((depth, content_start)) = atx_heading(text) {
            let content = text[content_start..].trim_end();
            let content = content.trim_end_matches('#').trim_end();
            let mut line = inline_markup_at(content, number, char_count(&text[..content_start]) + 1);
            line.hint = LineHint::Heading { depth };
            lines.push(line);
        } else if let Some(inner) = bold_only(trimmed) {
            let column = char_count(&text[..text.find(inner).unwrap_or(0)]) + 1;
            let mut line = inline_markup_at(inner, number, column);
            line.hint = LineHint::Bold;
            lines.push(line);
        } else {
            lines.push(inline_markup(text, number));
        }
        index += 1;
    }
    (lines, removed)
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

fn plain(text: &str, line: u32) -> SourceLine {
    SourceLine { text: text.to_owned(), line, column: 1, hint: LineHint::Plain, breaks: Vec::new() }
}

/// `#`–`######` then a space or the end: the depth and where the content starts.
fn atx_heading(text: &str) -> Option<(u8, usize)> {
    let indent = text.len() - text.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &text[indent..];
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let after = &rest[hashes..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let content_start = indent + hashes + (after.len() - after.trim_start().len());
    Some((u8::try_from(hashes).unwrap_or(6), content_start))
}

/// The depth a setext underline gives the line above it: `===` 1, `---` 2.
fn setext_depth(next: &str) -> Option<u8> {
    let trimmed = next.trim();
    if trimmed.len() >= 2 && trimmed.bytes().all(|b| b == b'=') {
        Some(1)
    } else if trimmed.len() >= 2 && trimmed.bytes().all(|b| b == b'-') {
        Some(2)
    } else {
        None
    }
}

/// `---`, `***`, `___` (three or more, spaces allowed): a thematic break.
fn is_rule(trimmed: &str) -> bool {
    let marks: Vec<char> = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && ['-', '*', '_'].iter().any(|mark| marks.iter().all(|c| c == mark))
}

/// The inside of a line that is bold and nothing else: `**…**` or `__…__`.
fn bold_only(trimmed: &str) -> Option<&str> {
    ["**", "__"].iter().find_map(|mark| {
        let inner = trimmed.strip_prefix(mark)?.strip_suffix(mark)?;
        (!inner.trim().is_empty() && !inner.contains(mark)).then_some(inner.trim())
    })
}

/// Whether a line opens an HTML block: `<div`, `<p>`, `<table` … (and the
/// inline wrappers that reports put around whole paragraphs).
fn starts_html_block(trimmed: &str) -> bool {
    let Some(rest) = trimmed.strip_prefix('<') else { return false };
    let name = rest.chars().take_while(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    !name.is_empty()
        && (BLOCK_ELEMENTS.contains(&name.as_str()) || matches!(name.as_str(), "span" | "strong" | "details"))
}

/// A plain line with its inline markup removed.
fn inline_markup(text: &str, line: u32) -> SourceLine {
    inline_markup_at(text, line, 1)
}

/// Removes a line's list bullet or quote mark, links, images and code spans.
fn inline_markup_at(text: &str, line: u32, column: u32) -> SourceLine {
    let trimmed = text.trim_start();
    let mut column = column + char_count(&text[..text.len() - trimmed.len()]);
    let mut body = trimmed;
    while let Some(rest) = body.strip_prefix('>') {
        column += 1 + char_count(&rest[..rest.len() - rest.trim_start().len()]);
        body = rest.trim_start();
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = body.strip_prefix(bullet) {
            column += 2;
            body = rest.trim_start();
            break;
        }
    }
    SourceLine { text: strip_links_and_code(body), line, column, hint: LineHint::Plain, breaks: Vec::new() }
}

/// `[text](url)` → text, `![alt](src)` → alt, `` `code` `` → code.
fn strip_links_and_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['[', '`', '!']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some((label, consumed)) = link(rest) {
            out.push_str(label);
            rest = &rest[consumed..];
        } else if let Some(code) = rest.strip_prefix('`').and_then(|r| r.find('`').map(|end| &r[..end])) {
            out.push_str(code);
            rest = &rest[code.len() + 2..];
        } else {
            let c = rest.chars().next().unwrap_or('!');
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out.push_str(rest);
    out
}

/// A link or image at the start of `text`: its label and the bytes it spans.
fn link(text: &str) -> Option<(&str, usize)> {
    let image = usize::from(text.starts_with('!'));
    let after_bracket = text[image..].strip_prefix('[')?;
    let label_end = after_bracket.find(']')?;
    let after_label = &after_bracket[label_end + 1..];
    let target = after_label.strip_prefix('(')?;
    // Destinations may hold balanced parentheses (`javascript:alert(1)`,
    // `wiki/A_(b)`), as CommonMark allows.
    let mut depth = 0usize;
    let target_end = target.char_indices().find_map(|(at, c)| match c {
        '(' => {
            depth += 1;
            None
        }
        ')' if depth == 0 => Some(at),
        ')' => {
            depth -= 1;
            None
        }
        _ => None,
    })?;
    let consumed = image + 1 + label_end + 1 + 1 + target_end + 1;
    Some((&after_bracket[..label_end], consumed))
}
