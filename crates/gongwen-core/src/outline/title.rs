//! The title block: the lines before the body that name the document — its
//! title, a `——在……会议上的讲话` subtitle, the speaker or author, the date.
//! They are not headings and not part of the preamble.

use super::markers::{enumeration_marker, line_start_marker};
use super::toc::is_toc_caption;
use super::{DocumentTitle, work};
use crate::clean::CleanedText;
use crate::source::LineHint;

/// The longest line, in characters, that can be a document title.
const MAX_TITLE_CHARS: usize = 60;

/// The longest author or date line, in characters.
const MAX_BYLINE_CHARS: usize = 40;

/// Words that mark a line as naming a speaker or author.
const ROLE_WORDS: &[&str] = &[
    "书记",
    "局长",
    "主任",
    "部长",
    "市长",
    "县长",
    "区长",
    "省长",
    "委员",
    "主席",
    "经理",
    "厂长",
    "院长",
    "校长",
    "处长",
    "科长",
    "组长",
    "代表",
    "同志",
    "党组",
    "党委",
    "支部",
    "单位",
    "报告人",
    "述职人",
];

/// The title block of a document, with the cleaned-line indices it occupies.
#[derive(Debug, Default)]
pub(super) struct TitleBlock {
    pub title: Option<DocumentTitle>,
    pub subtitle: Option<DocumentTitle>,
    pub author: Option<DocumentTitle>,
    pub date: Option<DocumentTitle>,
    pub line_indices: Vec<usize>,
}

/// Finds the title block at the start of the document.
pub(super) fn detect_title_block(cleaned: &CleanedText) -> TitleBlock {
    let mut block = TitleBlock::default();
    // A salutation or interjection (`同志们！`) before the title does not hide it.
    let non_empty: Vec<usize> = work::counted(0..cleaned.lines.len())
        .filter(|&i| !cleaned.lines[i].range.is_empty())
        .skip_while(|&i| is_salutation(cleaned.line_text(i)))
        .take(6)
        .collect();
    let Some(&first) = non_empty.first() else {
        return block;
    };
    if non_empty.len() < 2 || !is_title_line(cleaned, first) {
        return block;
    }
    block.title = Some(title_at(cleaned, first));
    block.line_indices.push(first);
    let title_from_front_matter = cleaned.lines[first].hint == LineHint::Title;
    for &index in &non_empty[1..] {
        let text = cleaned.line_text(index);
        // Markdown with front matter usually repeats its title as the one
        // `# …` heading: that is the title shown, not a first section.
        if title_from_front_matter && block.line_indices.len() == 1 && is_lone_top_heading(cleaned, index) {
            block.line_indices.push(index);
            continue;
        }
        let slot = if block.subtitle.is_none() && is_subtitle(text) {
            &mut block.subtitle
        } else if block.date.is_none() && is_date_line(text) {
            &mut block.date
        } else if block.author.is_none() && is_author_line(text) && !is_toc_caption(text) {
            &mut block.author
        } else {
            break;
        };
        *slot = Some(title_at(cleaned, index));
        block.line_indices.push(index);
    }
    block
}

fn title_at(cleaned: &CleanedText, index: usize) -> DocumentTitle {
    let line = cleaned.lines[index];
    DocumentTitle { text: cleaned.line_text(index).to_owned(), line: line.source_line, range: line.range }
}

/// Whether the first non-empty line is the document's title: the markup says
/// so (front matter, a lone `<h1>`/`#`), or it is short, unnumbered and has no
/// sentence punctuation.
fn is_title_line(cleaned: &CleanedText, index: usize) -> bool {
    let text = cleaned.line_text(index);
    match cleaned.lines[index].hint {
        LineHint::Title => return true,
        LineHint::Heading { depth: 1 } => {
            let other_top_headings = work::counted(cleaned.lines.iter().enumerate())
                .filter(|(i, line)| *i != index && line.hint == LineHint::Heading { depth: 1 })
                .count();
            return other_top_headings == 0 && line_start_marker(text, true).is_none();
        }
        _ => {}
    }
    line_start_marker(text, false).is_none()
        && enumeration_marker(text).is_none()
        && text.chars().count() <= MAX_TITLE_CHARS
        && !text.contains(['。', '；', '！', '？', ';', '!', '?'])
        && !text.ends_with(['：', ':', '，', ',', '、'])
        && !is_date_line(text)
}

/// `——在2024年全市工作会议上的讲话`.
fn is_subtitle(text: &str) -> bool {
    text.starts_with(['—', '─', '－']) || text.starts_with("--")
}

/// The text without one pair of surrounding brackets.
fn unbracketed(text: &str) -> &str {
    text.strip_prefix(['（', '(']).and_then(|inner| inner.strip_suffix(['）', ')'])).unwrap_or(text)
}

/// `2024年1月10日`, `（2024年1月10日在……）`, `二〇二四年一月`: a year and a
/// month, not a title that merely starts with a year (`2023年度述职报告`).
pub(super) fn is_date_line(text: &str) -> bool {
    let inner = unbracketed(text.trim());
    if inner.chars().count() > MAX_BYLINE_CHARS {
        return false;
    }
    let is_numeral =
        |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十".contains(c);
    let chars: Vec<char> = inner.chars().collect();
    if chars.len() < 5 || !chars[..4].iter().all(|&c| is_numeral(c)) || chars[4] != '年' {
        return false;
    }
    let month_digits = chars[5..].iter().take_while(|&&c| is_numeral(c)).count();
    chars.len() == 5 || ((1..=2).contains(&month_digits) && chars.get(5 + month_digits) == Some(&'月'))
}

/// A speaker or author line: short, no sentence punctuation, and either a
/// role word, a gap between title and name, or a bare name.
fn is_author_line(text: &str) -> bool {
    let inner = unbracketed(text.trim());
    let chars = inner.chars().count();
    if chars == 0
        || chars > MAX_BYLINE_CHARS
        || inner.contains(['。', '，', '；', '！', '？', '：', ':', ',', ';'])
        || line_start_marker(inner, false).is_some()
        || enumeration_marker(inner).is_some()
    {
        return false;
    }
    let has_gap = inner.split(|c: char| c.is_whitespace()).filter(|part| !part.is_empty()).count() > 1;
    let bare_name = (2..=3).contains(&chars) && inner.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    has_gap || bare_name || ROLE_WORDS.iter().any(|word| inner.contains(word))
}

/// Whether line `index` is a depth-1 markup heading (`# …`, `<h1>`) and
/// the document's only one.
fn is_lone_top_heading(cleaned: &CleanedText, index: usize) -> bool {
    let top = LineHint::Heading { depth: 1 };
    cleaned.lines[index].hint == top
        && line_start_marker(cleaned.line_text(index), true).is_none()
        && cleaned.lines.iter().filter(|line| line.hint == top).count() == 1
}

/// A salutation or interjection line (`各位代表：`, `同志们！`), as running
/// text has it.
pub(super) fn is_salutation(text: &str) -> bool {
    crate::salutation::is_salutation(text, false)
}
