//! Recognising heading markers: the `一、`, `（一）`, `1.`, `一是` … that open a
//! heading, with the traps of the genre (`一、二季度`, `1.5万`, `统一是`).
//!
//! Two entry points: [`line_start_marker`] for the marker families that open a
//! line, and [`enumeration_marker`] for the points (`一是`, `第一，`, `首先，`)
//! that open a paragraph or follow a sentence end inside it. The caller decides
//! where a point may start; these functions only read the marker itself.

use super::HeadingKind;
use super::numerals::{
    arabic_digits_prefix_len, chinese_numeral_prefix_len, parse_arabic_digits, parse_chinese_numeral,
};

/// A marker recognised at the start of some text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MarkerMatch {
    /// The marker family.
    pub kind: HeadingKind,
    /// Byte length of the marker itself (`一、`, `（一）`, `## `).
    pub len: usize,
    /// The marker's number, where it has one.
    pub number: Option<u32>,
    /// For Markdown headings the number of `#`, for decimal markers the
    /// number of parts (`3.1.1` → 3); otherwise 0.
    pub depth: u8,
}

/// The marker at the start of a line, if the line opens a heading. `hinted`
/// says the markup already marks the line as a heading, which admits decimal
/// numbers such as `1.1` without a following space.
pub(crate) fn line_start_marker(line: &str, hinted: bool) -> Option<MarkerMatch> {
    markdown_marker(line)
        .or_else(|| part_marker(line))
        .or_else(|| chinese_marker(line))
        .or_else(|| parenthesized_marker(line))
        .or_else(|| decimal_marker(line, hinted))
        .or_else(|| arabic_marker(line))
        .or_else(|| circled_marker(line))
}

/// `1.1`, `3.1.1` (decimal numbering). The depth is the number of parts.
///
/// `1.5万` must stay a number, so a two-part decimal is a marker only when a
/// space follows or the markup marks the line as a heading; three or more parts
/// (`3.1.1`) are never a quantity.
fn decimal_marker(line: &str, hinted: bool) -> Option<MarkerMatch> {
    let mut len = 0;
    let mut parts = 0u8;
    let mut last_number = None;
    loop {
        let digits = arabic_digits_prefix_len(&line[len..]);
        if digits == 0 || line[len..len + digits].chars().count() > 2 {
            return None;
        }
        last_number = parse_arabic_digits(&line[len..len + digits]).or(last_number);
        len += digits;
        parts += 1;
        match line[len..].chars().next() {
            Some(c @ ('.' | '．')) if line[len + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()) => {
                len += c.len_utf8();
            }
            _ => break,
        }
    }
    if parts < 2 {
        return None;
    }
    let following = line[len..].chars().next();
    let spaced = following.is_some_and(|c| c.is_whitespace());
    let ends_number = following.is_none_or(|c| c.is_ascii_digit() || c == '%' || c == '.' || c == '．');
    if ends_number || !(spaced || hinted || parts >= 3) {
        return None;
    }
    Some(MarkerMatch { kind: HeadingKind::Decimal, len, number: last_number, depth: parts })
}

/// `#`–`######` followed by a space: an ATX Markdown heading.
fn markdown_marker(line: &str) -> Option<MarkerMatch> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    (spaces > 0 && !rest.trim().is_empty()).then(|| MarkerMatch {
        kind: HeadingKind::Markdown,
        len: hashes,
        number: None,
        depth: u8::try_from(hashes).unwrap_or(6),
    })
}

/// `第一部分`, `第二章`, `第3节`, `第四篇`.
fn part_marker(line: &str) -> Option<MarkerMatch> {
    let rest = line.strip_prefix('第')?;
    let (number, numeral_len) = leading_number(rest)?;
    let after = &rest[numeral_len..];
    let unit = ["部分", "章", "节", "篇"].into_iter().find(|unit| after.starts_with(unit))?;
    Some(MarkerMatch {
        kind: HeadingKind::Part,
        len: '第'.len_utf8() + numeral_len + unit.len(),
        number: Some(number),
        depth: 0,
    })
}

/// A Chinese or Arabic number at the start of `text`, with its byte length.
fn leading_number(text: &str) -> Option<(u32, usize)> {
    let chinese_len = chinese_numeral_prefix_len(text);
    if chinese_len > 0 {
        return parse_chinese_numeral(&text[..chinese_len]).map(|n| (n, chinese_len));
    }
    let arabic_len = arabic_digits_prefix_len(text);
    (arabic_len > 0).then(|| parse_arabic_digits(&text[..arabic_len]).map(|n| (n, arabic_len))).flatten()
}

/// `一、` … `二十三、`, but not the enumeration of numbers in `一、二季度`.
fn chinese_marker(line: &str) -> Option<MarkerMatch> {
    let numeral_len = chinese_numeral_prefix_len(line);
    if numeral_len == 0 {
        return None;
    }
    let number = parse_chinese_numeral(&line[..numeral_len])?;
    let after = line[numeral_len..].strip_prefix('、')?;
    if lists_numbers(after) {
        return None;
    }
    Some(MarkerMatch {
        kind: HeadingKind::Chinese, len: numeral_len + '、'.len_utf8(), number: Some(number), depth: 0
    })
}

/// Whether text after `一、` goes on listing numbers (`二季度`, `二、三月`),
/// which makes the `一、` part of a phrase rather than a heading marker.
fn lists_numbers(after: &str) -> bool {
    let numeral_len = chinese_numeral_prefix_len(after);
    if numeral_len == 0 {
        return false;
    }
    let rest = &after[numeral_len..];
    ["、", "季度", "季", "月", "年级", "等奖", "类", "级", "期", "批", "线", "产"]
        .iter()
        .any(|unit| rest.starts_with(unit))
}

/// `（一）`/`(一)` and `（1）`/`(1)`, in full- or half-width brackets.
fn parenthesized_marker(line: &str) -> Option<MarkerMatch> {
    let open = line.chars().next().filter(|c| matches!(c, '（' | '('))?;
    let inner = &line[open.len_utf8()..];
    let chinese_len = chinese_numeral_prefix_len(inner);
    let (kind, number, number_len) = if chinese_len > 0 {
        (HeadingKind::ParenChinese, parse_chinese_numeral(&inner[..chinese_len])?, chinese_len)
    } else {
        let arabic_len = arabic_digits_prefix_len(inner);
        if arabic_len == 0 || inner[..arabic_len].chars().count() > 3 {
            return None;
        }
        (HeadingKind::ParenArabic, parse_arabic_digits(&inner[..arabic_len])?, arabic_len)
    };
    let close = inner[number_len..].chars().next().filter(|c| matches!(c, '）' | ')'))?;
    Some(MarkerMatch { kind, len: open.len_utf8() + number_len + close.len_utf8(), number: Some(number), depth: 0 })
}

/// `1.`, `1．`, `1、` — but not a decimal number such as `1.5万` or a year.
fn arabic_marker(line: &str) -> Option<MarkerMatch> {
    let digits_len = arabic_digits_prefix_len(line);
    let digit_count = line[..digits_len].chars().count();
    if digit_count == 0 || digit_count > 2 {
        return None;
    }
    let after = &line[digits_len..];
    let separator = after.chars().next().filter(|c| matches!(c, '.' | '．' | '、'))?;
    let following = after[separator.len_utf8()..].chars().next();
    // `1.5万` and `3.1.1` (decimal numbering) continue with a digit; `1.` at the
    // end of a line is a stray number, not a heading.
    if following.is_none_or(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || c == '%') {
        return None;
    }
    Some(MarkerMatch {
        kind: HeadingKind::Arabic,
        len: digits_len + separator.len_utf8(),
        number: parse_arabic_digits(&line[..digits_len]),
        depth: 0,
    })
}

/// `①` … `⑳`.
fn circled_marker(line: &str) -> Option<MarkerMatch> {
    let c = line.chars().next()?;
    let number = u32::from(c).checked_sub(0x2460).filter(|n| *n < 20)? + 1;
    Some(MarkerMatch { kind: HeadingKind::Circled, len: c.len_utf8(), number: Some(number), depth: 0 })
}

/// Ordinal words that open points, with their numbers (`最后` has none).
const ORDINAL_WORDS: &[(&str, Option<u32>)] =
    &[("首先", Some(1)), ("其次", Some(2)), ("再次", Some(3)), ("最后", None)];

/// A point marker at the start of `text`: `一是`, `第一，` or `首先，`.
///
/// The caller checks the position (paragraph start or after `。`/`；`/`：`), which
/// is what keeps `统一是` and `唯一是` out.
pub(crate) fn enumeration_marker(text: &str) -> Option<MarkerMatch> {
    let numeral_len = chinese_numeral_prefix_len(text);
    if numeral_len > 0 {
        let number = parse_chinese_numeral(&text[..numeral_len])?;
        let after = &text[numeral_len..];
        // `一是否` is a question, not a point.
        if after.starts_with('是') && !after['是'.len_utf8()..].starts_with('否') {
            return Some(MarkerMatch {
                kind: HeadingKind::Enumeration,
                len: numeral_len + '是'.len_utf8(),
                number: Some(number),
                depth: 0,
            });
        }
        return None;
    }
    if let Some(rest) = text.strip_prefix('第') {
        let numeral_len = chinese_numeral_prefix_len(rest);
        let number = parse_chinese_numeral(&rest[..numeral_len])?;
        let separator = rest[numeral_len..].chars().next().filter(|c| matches!(c, '，' | ','))?;
        return Some(MarkerMatch {
            kind: HeadingKind::Enumeration,
            len: '第'.len_utf8() + numeral_len + separator.len_utf8(),
            number: Some(number),
            depth: 0,
        });
    }
    ORDINAL_WORDS.iter().find_map(|&(word, number)| {
        let rest = text.strip_prefix(word)?;
        let separator = rest.chars().next().filter(|c| matches!(c, '，' | ','))?;
        Some(MarkerMatch { kind: HeadingKind::Enumeration, len: word.len() + separator.len_utf8(), number, depth: 0 })
    })
}

/// Whether a point marker is an ordinal word (`首先，`), which only counts as a
/// point when its sequence (`首先` … `其次`/`最后`) is present.
pub(crate) fn is_ordinal_word_marker(marker: &str) -> bool {
    ORDINAL_WORDS.iter().any(|(word, _)| marker.starts_with(word))
}

/// Whether `c` ends a sentence or clause after which a point may start.
pub(crate) fn opens_point_after(c: char) -> bool {
    matches!(c, '。' | '；' | '：' | '！' | '？' | ';' | ':')
}

#[cfg(test)]
mod tests {
    use super::*;

    type Expected<'a> = Option<(HeadingKind, &'a str, Option<u32>)>;

    fn line_marker(line: &str) -> Option<(HeadingKind, String, Option<u32>)> {
        line_start_marker(line, false).map(|m| (m.kind, line[..m.len].to_owned(), m.number))
    }

    #[test]
    fn line_start_markers() {
        use HeadingKind::*;
        let cases: &[(&str, Expected)] = &[
            ("一、主要工作成效", Some((Chinese, "一、", Some(1)))),
            ("十一、其他", Some((Chinese, "十一、", Some(11)))),
            ("二十三、其他", Some((Chinese, "二十三、", Some(23)))),
            ("一、二季度经济运行平稳", None),
            ("（一）突出思想引领", Some((ParenChinese, "（一）", Some(1)))),
            ("(十二)其他", Some((ParenChinese, "(十二)", Some(12)))),
            ("（1）细则", Some((ParenArabic, "（1）", Some(1)))),
            ("1.加强学习", Some((Arabic, "1.", Some(1)))),
            ("1．加强学习", Some((Arabic, "1．", Some(1)))),
            ("2、加强学习", Some((Arabic, "2、", Some(2)))),
            ("1.5万名党员参加", None),
            ("2023年，在市委", None),
            ("①第一项", Some((Circled, "①", Some(1)))),
            ("第一部分 总体情况", Some((Part, "第一部分", Some(1)))),
            ("第三章 组织", Some((Part, "第三章", Some(3)))),
            ("第一，加强学习", None),
            ("## 一、版本发布", Some((Markdown, "##", None))),
            ("#标签", None),
            ("1.1 总体要求", Some((Decimal, "1.1", Some(1)))),
            ("3.1.2建立机制", Some((Decimal, "3.1.2", Some(2)))),
            ("1.5万名党员参加", None),
            ("2.5%的增长", None),
        ];
        for (line, expected) in cases {
            let expected = expected.map(|(kind, marker, number)| (kind, marker.to_owned(), number));
            assert_eq!(line_marker(line), expected, "{line}");
        }
    }

    #[test]
    fn enumeration_markers() {
        let marker = |text: &str| enumeration_marker(text).map(|m| (text[..m.len].to_owned(), m.number));
        assert_eq!(marker("一是夯实工作基础"), Some(("一是".to_owned(), Some(1))));
        assert_eq!(marker("十二是其他"), Some(("十二是".to_owned(), Some(12))));
        assert_eq!(marker("第二，加强"), Some(("第二，".to_owned(), Some(2))));
        assert_eq!(marker("首先，要"), Some(("首先，".to_owned(), Some(1))));
        assert_eq!(marker("最后，要"), Some(("最后，".to_owned(), None)));
        assert_eq!(marker("一是否"), None);
        assert_eq!(marker("首先要"), None);
        assert_eq!(marker("第二名"), None);
    }
}
