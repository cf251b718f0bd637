//! The numbering check: gaps (`（三）` then `（五）`), repeats, a family
//! restarting where it should continue, numbers out of order, and mixed
//! bracket widths or separators — each a diagnostic on the heading concerned.

use std::collections::BTreeMap;

use super::markers::is_ordinal_word_marker;
use super::{Heading, HeadingKind};
use crate::diagnostic::Diagnostic;

/// Checks the numbering of every family under every parent.
pub(super) fn check_numbering(headings: &[Heading]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut families: BTreeMap<(Option<usize>, u8), Vec<usize>> = BTreeMap::new();
    for (index, heading) in headings.iter().enumerate() {
        if let Some(family) = family_of(heading) {
            families.entry((heading.parent, family)).or_default().push(index);
        }
    }
    for members in families.values() {
        check_sequence(headings, members, &mut diagnostics);
    }
    check_mixed_forms(headings, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.line, d.heading));
    diagnostics
}

/// The numbered family a heading belongs to, or `None` for unnumbered kinds
/// and ordinal words (`首先，` … `最后，`).
fn family_of(heading: &Heading) -> Option<u8> {
    heading.number?;
    if is_ordinal_word_marker(&heading.marker) {
        return None;
    }
    Some(match heading.kind {
        HeadingKind::Part => 0,
        HeadingKind::Chinese => 1,
        HeadingKind::ParenChinese => 2,
        HeadingKind::Arabic => 3,
        HeadingKind::Decimal => 4,
        HeadingKind::ParenArabic => 5,
        HeadingKind::Circled => 6,
        HeadingKind::Enumeration => 7,
        HeadingKind::Markdown | HeadingKind::Closing | HeadingKind::Problems => return None,
    })
}

fn shown(heading: &Heading) -> String {
    format!("“{}{}”", heading.marker, heading.title.chars().take(12).collect::<String>())
}

fn check_sequence(headings: &[Heading], members: &[usize], diagnostics: &mut Vec<Diagnostic>) {
    let mut previous: Option<usize> = None;
    for &index in members {
        let heading = &headings[index];
        let Some(number) = heading.number else {
            continue;
        };
        let found = match previous.and_then(|p| headings[p].number.map(|n| (p, n))) {
            None if number != 1 => {
                Some(("numbering-start", format!("编号从 {number} 开始，前面缺少 1：{}", shown(heading))))
            }
            None => None,
            Some((_, before)) if number == before + 1 => None,
            Some((p, before)) if number == before => Some((
                "numbering-repeat",
                format!("编号重复：{} 与第 {} 行的编号相同", shown(heading), headings[p].line),
            )),
            Some((_, _)) if number == 1 => {
                Some(("numbering-restart", format!("编号重新从 1 开始，应接续上文：{}", shown(heading))))
            }
            Some((_, before)) if number > before => {
                let missing = if number == before + 2 {
                    format!("{}", before + 1)
                } else {
                    format!("{}–{}", before + 1, number - 1)
                };
                Some((
                    "numbering-gap",
                    format!("编号跳号：{before} 之后是 {number}，缺少 {missing}：{}", shown(heading)),
                ))
            }
            Some((_, before)) => {
                Some(("numbering-order", format!("编号倒序：{before} 之后是 {number}：{}", shown(heading))))
            }
        };
        if let Some((code, message)) = found {
            diagnostics.push(Diagnostic::warning(code, message, Some(heading.line)).on_heading(index));
        }
        previous = Some(index);
    }
}

/// Mixed bracket widths (`（一）` and `(二)`, or `（三)`) and mixed separators
/// after Arabic numbers (`1.` and `2、`): one diagnostic per odd heading.
fn check_mixed_forms(headings: &[Heading], diagnostics: &mut Vec<Diagnostic>) {
    let form_of = |heading: &Heading| -> Option<(&'static str, &'static str)> {
        let marker = heading.marker.as_str();
        match heading.kind {
            HeadingKind::ParenChinese | HeadingKind::ParenArabic => {
                let open_full = marker.starts_with('（');
                let close_full = marker.ends_with('）');
                Some((
                    "bracket",
                    match (open_full, close_full) {
                        (true, true) => "全角括号",
                        (false, false) => "半角括号",
                        _ => "全角半角混用的括号",
                    },
                ))
            }
            HeadingKind::Arabic => Some((
                "separator",
                match marker.chars().last() {
                    Some('、') => "顿号",
                    Some('．') => "全角点",
                    _ => "半角点",
                },
            )),
            _ => None,
        }
    };
    for family in ["bracket", "separator"] {
        let forms: Vec<(usize, &'static str)> = headings
            .iter()
            .enumerate()
            .filter_map(|(i, h)| form_of(h).filter(|(f, _)| *f == family).map(|(_, form)| (i, form)))
            .collect();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, form) in &forms {
            *counts.entry(form).or_default() += 1;
        }
        let Some((&usual, _)) = counts
            .iter()
            .filter(|(form, _)| !form.contains("混用"))
            // On a tie the standard form wins (GB/T 9704: `（一）`, `1.`).
            .max_by_key(|(form, n)| (**n, matches!(**form, "全角括号" | "半角点")))
        else {
            continue;
        };
        for &(index, form) in forms.iter().filter(|(_, form)| *form != usual) {
            let heading = &headings[index];
            let code = if family == "bracket" { "bracket-width" } else { "separator-mixed" };
            let message = format!(
                "{}使用{form}，全文多用{usual}：{}",
                if family == "bracket" { "括号" } else { "编号后的标点" },
                shown(heading)
            );
            diagnostics.push(Diagnostic::warning(code, message, Some(heading.line)).on_heading(index));
        }
    }
}
