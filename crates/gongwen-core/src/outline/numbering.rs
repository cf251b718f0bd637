//! The numbering check: gaps (`（三）` then `（五）`), repeats, a family
//! restarting where it should continue, numbers out of order, and mixed
//! bracket widths or separators — each a diagnostic on the heading concerned.

use std::collections::BTreeMap;

use super::markers::is_ordinal_word_marker;
use super::{Heading, HeadingKind, work};
use crate::diagnostic::Diagnostic;

/// Checks the numbering of every family under every parent.
pub(super) fn check_numbering(headings: &[Heading]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut families: BTreeMap<(Option<usize>, u8), Vec<usize>> = BTreeMap::new();
    for (index, heading) in work::counted(headings.iter().enumerate()) {
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
        HeadingKind::Markdown | HeadingKind::Bold | HeadingKind::Closing | HeadingKind::Problems => return None,
    })
}

fn shown(heading: &Heading) -> String {
    format!("“{}{}”", heading.marker, heading.title.chars().take(12).collect::<String>())
}

fn check_sequence(headings: &[Heading], members: &[usize], diagnostics: &mut Vec<Diagnostic>) {
    let mut previous: Option<usize> = None;
    for &index in work::counted(members.iter()) {
        let heading = &headings[index];
        let Some(number) = heading.number else {
            continue;
        };
        let found = match previous.and_then(|p| headings[p].number.map(|n| (p, n))) {
            None if number != 1 => Some((
                "numbering-start",
                format!("编号从 {number} 开始，前面缺少 1：{}", shown(heading)),
                format!("Numbering starts at {number}: 1 is missing"),
            )),
            None => None,
            Some((_, before)) if number == before + 1 => None,
            Some((p, before)) if number == before => Some((
                "numbering-repeat",
                format!("编号重复：{} 与第 {} 行的编号相同", shown(heading), headings[p].line),
                format!("Numbering repeats: the same number as on line {}", headings[p].line),
            )),
            Some((_, _)) if number == 1 => Some((
                "numbering-restart",
                format!("编号重新从 1 开始，应接续上文：{}", shown(heading)),
                "Numbering starts again at 1 instead of going on".to_owned(),
            )),
            Some((_, before)) if number > before => {
                let missing = if number == before + 2 {
                    format!("{}", before + 1)
                } else {
                    format!("{}–{}", before + 1, number - 1)
                };
                Some((
                    "numbering-gap",
                    format!("编号跳号：{before} 之后是 {number}，缺少 {missing}：{}", shown(heading)),
                    format!("Numbering skips from {before} to {number}: {missing} missing"),
                ))
            }
            Some((_, before)) => Some((
                "numbering-order",
                format!("编号倒序：{before} 之后是 {number}：{}", shown(heading)),
                format!("Numbering goes backwards: {number} after {before}"),
            )),
        };
        if let Some((code, message, message_en)) = found {
            diagnostics.push(Diagnostic::warning(code, message, message_en, Some(heading.line)).on_heading(index));
        }
        previous = Some(index);
    }
}

/// How a bracketed or Arabic marker is written. Variants are in the order
/// that breaks ties between equally common forms (the last wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MarkerForm {
    FullBrackets,
    MixedBrackets,
    HalfBrackets,
    FullDot,
    HalfDot,
    Comma,
}

impl MarkerForm {
    fn of(heading: &Heading) -> Option<Self> {
        let marker = heading.marker.as_str();
        match heading.kind {
            HeadingKind::ParenChinese | HeadingKind::ParenArabic => {
                Some(match (marker.starts_with('（'), marker.ends_with('）')) {
                    (true, true) => MarkerForm::FullBrackets,
                    (false, false) => MarkerForm::HalfBrackets,
                    _ => MarkerForm::MixedBrackets,
                })
            }
            HeadingKind::Arabic => Some(match marker.chars().last() {
                Some('、') => MarkerForm::Comma,
                Some('．') => MarkerForm::FullDot,
                _ => MarkerForm::HalfDot,
            }),
            _ => None,
        }
    }

    fn is_bracket(self) -> bool {
        matches!(self, MarkerForm::FullBrackets | MarkerForm::MixedBrackets | MarkerForm::HalfBrackets)
    }

    /// The standard form of GB/T 9704: `（一）`, `1.`.
    fn is_standard(self) -> bool {
        matches!(self, MarkerForm::FullBrackets | MarkerForm::HalfDot)
    }

    fn label_en(self) -> &'static str {
        match self {
            MarkerForm::FullBrackets => "full-width brackets",
            MarkerForm::MixedBrackets => "brackets of mixed widths",
            MarkerForm::HalfBrackets => "half-width brackets",
            MarkerForm::FullDot => "a full-width dot",
            MarkerForm::HalfDot => "a half-width dot",
            MarkerForm::Comma => "an enumeration comma",
        }
    }

    fn label(self) -> &'static str {
        match self {
            MarkerForm::FullBrackets => "全角括号",
            MarkerForm::MixedBrackets => "全角半角混用的括号",
            MarkerForm::HalfBrackets => "半角括号",
            MarkerForm::FullDot => "全角点",
            MarkerForm::HalfDot => "半角点",
            MarkerForm::Comma => "顿号",
        }
    }
}

/// Mixed bracket widths (`（一）` and `(二)`, or `（三)`) and mixed separators
/// after Arabic numbers (`1.` and `2、`): one diagnostic per odd heading.
fn check_mixed_forms(headings: &[Heading], diagnostics: &mut Vec<Diagnostic>) {
    for brackets in [true, false] {
        let forms: Vec<(usize, MarkerForm)> = work::counted(headings.iter().enumerate())
            .filter_map(|(i, h)| MarkerForm::of(h).filter(|form| form.is_bracket() == brackets).map(|form| (i, form)))
            .collect();
        let mut counts: BTreeMap<MarkerForm, usize> = BTreeMap::new();
        for (_, form) in work::counted(forms.iter()) {
            *counts.entry(*form).or_default() += 1;
        }
        // A mixed form is never the usual one; on a tie the standard form wins.
        let Some((&usual, _)) = counts
            .iter()
            .filter(|(form, _)| **form != MarkerForm::MixedBrackets)
            .max_by_key(|(form, n)| (**n, form.is_standard()))
        else {
            continue;
        };
        let (code, what, what_en) = if brackets {
            ("bracket-width", "括号", "Brackets")
        } else {
            ("separator-mixed", "编号后的标点", "The mark after the number")
        };
        for &(index, form) in work::counted(forms.iter()).filter(|(_, form)| *form != usual) {
            let heading = &headings[index];
            let message = format!("{what}使用{}，全文多用{}：{}", form.label(), usual.label(), shown(heading));
            let message_en = format!("{what_en}: {} here, {} in most of the text", form.label_en(), usual.label_en());
            diagnostics.push(Diagnostic::warning(code, message, message_en, Some(heading.line)).on_heading(index));
        }
    }
}
