//! Plain-text renderings of an analysed report, for terminals and snapshot
//! tests (what `gongwen outline` prints without `--json`), and its outline
//! as Markdown (the page's export).

use std::fmt::Write;

use crate::analysis::Reading;
use crate::file_name::display_file_name;
use crate::outline::{Heading, HeadingKind};

/// Width of the kind column, wide enough for `paren_chinese`.
const KIND_COLUMN: usize = 14;

/// Width of the line and kind columns together, where heading text starts.
const KIND_WIDTH: usize = 6 + KIND_COLUMN + 2;

/// The readable outline: title, preamble, one line per heading indented by
/// level, then what cleaning removed and the diagnostics.
///
/// ```text
/// L2    chinese         一、 坚持政治建设首位首抓，聚焦“两个维护”落实主体责任
/// L3    enumeration       一是 夯实工作基础，进一步健全党建工作机制
/// ```
pub fn render_outline(reading: Reading<'_>) -> String {
    let mut out = String::new();
    let outline = reading.outline;
    let cleaned = reading.cleaned;
    let _ = writeln!(out, "文件：{}（{}）", display_file_name(reading.name), reading.encoding);
    match &outline.title {
        Some(title) => {
            let _ = writeln!(out, "标题：L{} {}", title.line, title.text);
        }
        None => out.push_str("标题：（无）\n"),
    }
    for (label, line) in [("副标题", &outline.subtitle), ("署名", &outline.author), ("日期", &outline.date)] {
        if let Some(line) = line {
            let _ = writeln!(out, "{label}：L{} {}", line.line, line.text);
        }
    }
    if let Some(preamble) = outline.preamble {
        let first = cleaned.source_line_at(preamble.start);
        let last = cleaned.source_line_at(preamble.end);
        let chars = preamble.slice(&cleaned.text).chars().filter(|c| *c != '\n').count();
        let lines = if first == last { format!("L{first}") } else { format!("L{first}–L{last}") };
        let _ = writeln!(out, "前言：{lines}，{chars} 字");
    }
    // Each heading's diagnostics, gathered in one pass: filtering all of them
    // for every heading is quadratic when every heading has one.
    let mut notes: Vec<Vec<&str>> = vec![Vec::new(); outline.headings.len()];
    for diagnostic in &outline.diagnostics {
        if let Some(notes) = diagnostic.heading.and_then(|index| notes.get_mut(index)) {
            notes.push(&diagnostic.message);
        }
    }
    for (heading, notes) in outline.headings.iter().zip(&notes) {
        out.push_str(&render_heading(heading));
        out.push('\n');
        for message in notes {
            let _ = writeln!(out, "{:KIND_WIDTH$}⚠ {message}", "");
        }
    }
    for removed in &cleaned.removed {
        let kind = removed.kind.label();
        let _ = writeln!(out, "已移除{kind}：L{}:{} {}", removed.line, removed.column, removed.text);
    }
    for diagnostic in reading.diagnostics().filter(|d| d.heading.is_none()) {
        let at = diagnostic.line.map(|line| format!("L{line} ")).unwrap_or_default();
        let _ = writeln!(out, "提示：{at}{}", diagnostic.message);
    }
    out
}

/// A report's outline as Markdown, for notes and the 评议 minutes: its title
/// (or file name) as `#`, the file and its size, then each heading as a
/// Markdown heading one level below its depth (`##` for 一、), the points
/// (一是 …) as list items under their section.
///
/// ```text
/// # 2023年度党组书记抓基层党建工作述职报告
///
/// 文件：003.txt · 2717 字
///
/// ## 一、主要工作成效
/// ### （一）突出思想引领
/// - 一是 加强组织领导
/// ```
pub fn render_outline_markdown(reading: Reading<'_>) -> String {
    let outline = reading.outline;
    let name = display_file_name(reading.name);
    let title = outline.title.as_ref().map_or_else(|| name.clone(), |title| title.text.clone());
    let mut out = format!("# {}\n\n文件：{name} · {} 字\n\n", markdown_text(&title), reading.chars);
    for heading in &outline.headings {
        let text = if heading.marker.is_empty() {
            heading.title.clone()
        } else if heading.kind == HeadingKind::Enumeration {
            format!("{} {}", heading.marker, heading.title)
        } else {
            format!("{}{}", heading.marker, heading.title)
        };
        if heading.kind == HeadingKind::Enumeration {
            let _ = writeln!(out, "- {}", markdown_text(&text));
        } else {
            let depth = (heading.level as usize + 1).min(6);
            let _ = writeln!(out, "{} {}", "#".repeat(depth), markdown_text(&text));
        }
    }
    out
}

/// Text with the characters Markdown would read as markup escaped.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// One heading line: source line, kind, indentation by level, marker, title.
fn render_heading(heading: &Heading) -> String {
    let indent = "  ".repeat(heading.level.saturating_sub(1) as usize);
    let line = format!("L{}", heading.line);
    let label = heading.kind.label();
    let text =
        if heading.marker.is_empty() { heading.title.clone() } else { format!("{} {}", heading.marker, heading.title) };
    format!("{line:<6}{label:<KIND_COLUMN$}  {indent}{text}")
}
