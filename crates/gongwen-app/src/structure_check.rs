//! One report's row of the 结构 view: how its text divides among the
//! opening, 成效, 问题, 打算 and the rest (the core's `structure` parts), and
//! the checklist a reviewer goes through — each item passed, failed with the
//! core's flag message, or not applicable (no part to judge). Plain data, no
//! web types; its names and reasons in either of the page's languages.

use gongwen_core::ReportAnalysis;
use gongwen_core::structure::{PartKind, StructureFlag};
use gongwen_core::text::TextRange;

use crate::i18n::Language;

/// A stretch of the share bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// The text before the first part: title block, salutation, preamble.
    Opening,
    /// One of the parts.
    Part(PartKind),
    /// Text in no part after the opening (a closing paragraph, a signature).
    Rest,
}

impl SegmentKind {
    /// The segment's name in `language`.
    pub fn label(self, language: Language) -> &'static str {
        match self {
            SegmentKind::Opening => language.pick("开头", "Opening"),
            SegmentKind::Part(part) => language.part(part),
            SegmentKind::Rest => language.pick("其他", "Other"),
        }
    }

    /// A stable name for styling: `opening`, `achievements`, `problems`,
    /// `plans`, `rest`.
    pub fn id(self) -> &'static str {
        match self {
            SegmentKind::Opening => "opening",
            SegmentKind::Part(PartKind::Achievements) => "achievements",
            SegmentKind::Part(PartKind::Problems) => "problems",
            SegmentKind::Part(PartKind::Plans) => "plans",
            SegmentKind::Rest => "rest",
        }
    }
}

/// One stretch of the share bar.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareSegment {
    /// What it is.
    pub kind: SegmentKind,
    /// Its characters, whitespace not counted.
    pub chars: usize,
    /// Its share of the report's characters, 0–1.
    pub share: f64,
    /// For a part: the range to open the reader at (its first sentence or
    /// heading) and the source line it starts on.
    pub opens: Option<(TextRange, u32)>,
}

/// Why an item failed or could not be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckReason {
    /// The report has no 成效 part (the core raises no flag for it: every
    /// report it has seen has one).
    NoAchievements,
    /// The core's flag.
    Flag(StructureFlag),
    /// The part the item is about is missing, so there is nothing to judge.
    MissingPart(PartKind),
}

impl CheckReason {
    /// The reason in `language`; in Chinese a flag's is the core's message.
    pub fn message(self, language: Language) -> &'static str {
        match self {
            CheckReason::NoAchievements => language.pick("没有写工作成效", "No achievements written"),
            CheckReason::Flag(flag) => match language {
                Language::Chinese => flag.message(),
                Language::English => match flag {
                    StructureFlag::NoProblems => "No problems written",
                    StructureFlag::ProblemsTooShort => {
                        "Problems part too short (one sentence, or under 3% of the text)"
                    }
                    StructureFlag::ProblemsGeneric => "Problems only in boilerplate, nothing specific",
                    StructureFlag::NoPlans => "No plans for the next step written",
                    StructureFlag::PlansRepeatAchievements => "The plans' subheadings repeat the achievements'",
                },
            },
            CheckReason::MissingPart(PartKind::Problems) => {
                language.pick("没有问题部分，无从判断", "No problems part to judge")
            }
            CheckReason::MissingPart(PartKind::Plans) => {
                language.pick("没有打算部分，无从判断", "No plans part to judge")
            }
            CheckReason::MissingPart(PartKind::Achievements) => {
                language.pick("没有成效部分，无从判断", "No achievements part to judge")
            }
        }
    }
}

/// How a checklist item came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckOutcome {
    /// ✓.
    Passed,
    /// ✗, with why.
    Failed(CheckReason),
    /// Nothing to judge (the part it is about is missing), with why.
    NotApplicable(CheckReason),
}

/// An item of the checklist: what is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckItem {
    /// The report has a 成效 part.
    Achievements,
    /// It has a 问题 part.
    Problems,
    /// Its 问题 part is long enough.
    ProblemsLength,
    /// Its 问题 part is specific.
    ProblemsSpecific,
    /// It has a 打算 part.
    Plans,
    /// Its 打算 part does not repeat the 成效 part.
    PlansDistinct,
}

impl CheckItem {
    /// A stable name for tests and styling (`problems-length`).
    pub fn id(self) -> &'static str {
        match self {
            CheckItem::Achievements => "achievements",
            CheckItem::Problems => "problems",
            CheckItem::ProblemsLength => "problems-length",
            CheckItem::ProblemsSpecific => "problems-specific",
            CheckItem::Plans => "plans",
            CheckItem::PlansDistinct => "plans-distinct",
        }
    }

    /// What is checked, in `language`.
    pub fn label(self, language: Language) -> &'static str {
        match self {
            CheckItem::Achievements => language.pick("有成效", "Achievements"),
            CheckItem::Problems => language.pick("有问题部分", "Problems part"),
            CheckItem::ProblemsLength => language.pick("问题篇幅 ≥3% 且不止一句", "Problems ≥3%, over one sentence"),
            CheckItem::ProblemsSpecific => language.pick("问题具体（非套话）", "Problems specific, not boilerplate"),
            CheckItem::Plans => language.pick("有打算部分", "Plans part"),
            CheckItem::PlansDistinct => language.pick("打算不重复成效", "Plans not repeating achievements"),
        }
    }

    /// Whether the item says a part is there (and shows its share).
    pub fn is_presence(self) -> bool {
        matches!(self, CheckItem::Achievements | CheckItem::Problems | CheckItem::Plans)
    }
}

/// One item of the checklist, as it came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    /// What is checked.
    pub item: CheckItem,
    /// The part the item is about, which the item opens.
    pub part: PartKind,
    /// How it came out.
    pub outcome: CheckOutcome,
}

/// One report's row.
#[derive(Debug, Clone, PartialEq)]
pub struct StructureCheck {
    /// The share bar, in the order opening, 成效, 问题, 打算, rest; empty
    /// stretches left out.
    pub segments: Vec<ShareSegment>,
    /// The checklist, always the same six items in the same order.
    pub checks: Vec<Check>,
}

impl StructureCheck {
    /// The row of `analysis`.
    pub fn of(analysis: &ReportAnalysis) -> Self {
        Self { segments: segments(analysis), checks: checks(analysis) }
    }

    /// How many items failed.
    pub fn failures(&self) -> usize {
        self.checks.iter().filter(|check| matches!(check.outcome, CheckOutcome::Failed(_))).count()
    }

    /// The segment of `part`, if the report has that part.
    pub fn part(&self, part: PartKind) -> Option<&ShareSegment> {
        self.segments.iter().find(|segment| segment.kind == SegmentKind::Part(part))
    }
}

/// Characters of `range` of `text`, whitespace not counted (as the core
/// counts a part's).
fn chars_in(text: &str, range: TextRange) -> usize {
    gongwen_core::text::visible_chars(range.slice(text))
}

fn segments(analysis: &ReportAnalysis) -> Vec<ShareSegment> {
    let text = &analysis.cleaned.text;
    let total = chars_in(text, TextRange::new(0, text.len()));
    if total == 0 {
        return Vec::new();
    }
    let parts = &analysis.structure.parts;
    let first = parts.iter().filter_map(|part| part.ranges.first()).map(|range| range.start).min();
    let opening = first.map_or(0, |start| chars_in(text, TextRange::new(0, start)));
    let in_parts: usize = parts.iter().map(|part| part.chars).sum();
    let rest = total.saturating_sub(opening + in_parts);
    let share = |chars: usize| chars as f64 / total as f64;
    let mut segments =
        vec![ShareSegment { kind: SegmentKind::Opening, chars: opening, share: share(opening), opens: None }];
    for kind in [PartKind::Achievements, PartKind::Problems, PartKind::Plans] {
        if let Some(part) = parts.iter().find(|part| part.part == kind) {
            let opens = part.ranges.first().map(|&range| (first_sentence(text, range), part.line));
            segments.push(ShareSegment {
                kind: SegmentKind::Part(kind),
                chars: part.chars,
                share: share(part.chars),
                opens,
            });
        }
    }
    segments.push(ShareSegment { kind: SegmentKind::Rest, chars: rest, share: share(rest), opens: None });
    segments.retain(|segment| segment.chars > 0);
    segments
}

fn checks(analysis: &ReportAnalysis) -> Vec<Check> {
    let structure = &analysis.structure;
    let has = |part: PartKind| structure.parts.iter().any(|p| p.part == part);
    let flagged = |flag: StructureFlag| structure.flags.contains(&flag);
    let unless = |flag: StructureFlag| {
        if flagged(flag) { CheckOutcome::Failed(CheckReason::Flag(flag)) } else { CheckOutcome::Passed }
    };
    let within = |part: PartKind, flag: StructureFlag| {
        if has(part) { unless(flag) } else { CheckOutcome::NotApplicable(CheckReason::MissingPart(part)) }
    };
    vec![
        Check {
            item: CheckItem::Achievements,
            part: PartKind::Achievements,
            outcome: if has(PartKind::Achievements) {
                CheckOutcome::Passed
            } else {
                CheckOutcome::Failed(CheckReason::NoAchievements)
            },
        },
        Check { item: CheckItem::Problems, part: PartKind::Problems, outcome: unless(StructureFlag::NoProblems) },
        Check {
            item: CheckItem::ProblemsLength,
            part: PartKind::Problems,
            outcome: within(PartKind::Problems, StructureFlag::ProblemsTooShort),
        },
        Check {
            item: CheckItem::ProblemsSpecific,
            part: PartKind::Problems,
            outcome: within(PartKind::Problems, StructureFlag::ProblemsGeneric),
        },
        Check { item: CheckItem::Plans, part: PartKind::Plans, outcome: unless(StructureFlag::NoPlans) },
        Check {
            item: CheckItem::PlansDistinct,
            part: PartKind::Plans,
            outcome: within(PartKind::Plans, StructureFlag::PlansRepeatAchievements),
        },
    ]
}

/// The first sentence (or line) of `range`: where a part opens in the
/// reader, highlighted without painting the whole part.
pub fn first_sentence(text: &str, range: TextRange) -> TextRange {
    let slice = range.slice(text);
    let end = slice
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '；' | '\n'))
        .map_or(slice.len(), |(at, c)| if c == '\n' { at } else { at + c.len_utf8() });
    TextRange::new(range.start, range.start + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(text: &str) -> ReportAnalysis {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        gongwen_core::analyze_report("a.txt", text.as_bytes(), &segmenter).expect("analysis")
    }

    /// Each item's label and how it came out, with the reason's text.
    fn outcomes(check: &StructureCheck, language: Language) -> Vec<(&'static str, &'static str, Option<&'static str>)> {
        check
            .checks
            .iter()
            .map(|c| match c.outcome {
                CheckOutcome::Passed => (c.item.label(language), "passed", None),
                CheckOutcome::Failed(why) => (c.item.label(language), "failed", Some(why.message(language))),
                CheckOutcome::NotApplicable(why) => (c.item.label(language), "na", Some(why.message(language))),
            })
            .collect()
    }

    #[test]
    fn a_report_without_problems_and_plans_fails_those_and_skips_what_depends_on_them() {
        let analysis =
            analyse("工作总结\n一、主要成绩\n全年召开会议12次，办结事项30件。\n二、其他工作\n完成了各项任务。\n");
        let check = StructureCheck::of(&analysis);
        assert_eq!(
            outcomes(&check, Language::Chinese),
            [
                ("有成效", "passed", None),
                ("有问题部分", "failed", Some(StructureFlag::NoProblems.message())),
                ("问题篇幅 ≥3% 且不止一句", "na", Some("没有问题部分，无从判断")),
                ("问题具体（非套话）", "na", Some("没有问题部分，无从判断")),
                ("有打算部分", "failed", Some(StructureFlag::NoPlans.message())),
                ("打算不重复成效", "na", Some("没有打算部分，无从判断")),
            ]
        );
        assert_eq!(
            outcomes(&check, Language::English),
            [
                ("Achievements", "passed", None),
                ("Problems part", "failed", Some("No problems written")),
                ("Problems ≥3%, over one sentence", "na", Some("No problems part to judge")),
                ("Problems specific, not boilerplate", "na", Some("No problems part to judge")),
                ("Plans part", "failed", Some("No plans for the next step written")),
                ("Plans not repeating achievements", "na", Some("No plans part to judge")),
            ]
        );
        assert_eq!(check.failures(), 2);
        assert!(check.part(PartKind::Problems).is_none() && check.part(PartKind::Plans).is_none());
    }

    #[test]
    fn the_segments_add_up_and_each_part_opens_at_its_first_sentence() {
        let text = "述职报告\n一、工作成效\n全年召开会议12次。办结事项30件。\n二、存在的问题\n调研不够深入，基层走访只有3次。\n三、下一步打算\n加强调查研究。每季度走访基层。\n";
        let analysis = analyse(text);
        let check = StructureCheck::of(&analysis);
        let total: f64 = check.segments.iter().map(|s| s.share).sum();
        assert!((total - 1.0).abs() < 1e-9, "the shares add up: {total}");
        let kinds: Vec<&str> = check.segments.iter().map(|s| s.kind.id()).collect();
        assert_eq!(kinds, ["opening", "achievements", "problems", "plans"]);
        let (range, line) = check.part(PartKind::Plans).and_then(|s| s.opens).expect("plans open");
        assert_eq!((range.slice(&analysis.cleaned.text), line), ("三、下一步打算", 6));
        assert_eq!(check.checks[0].outcome, CheckOutcome::Passed);
        assert_eq!(check.checks[4].outcome, CheckOutcome::Passed);
    }

    #[test]
    fn a_first_sentence_ends_at_its_mark_or_the_line() {
        let text = "下一步，要加强学习。再抓落实。";
        assert_eq!(first_sentence(text, TextRange::new(0, text.len())).slice(text), "下一步，要加强学习。");
        let text = "二、存在的问题\n调研不够。";
        assert_eq!(first_sentence(text, TextRange::new(0, text.len())).slice(text), "二、存在的问题");
        assert_eq!(first_sentence("无标点", TextRange::new(0, 9)).slice("无标点"), "无标点");
    }
}
