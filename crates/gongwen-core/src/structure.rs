//! The structure a 述职报告 must have: what was achieved (成效), what is
//! still wrong (问题), what comes next (打算) — found by headings (存在的问题,
//! 下一步工作打算 …) and, where a report does not head them, by cue sentences
//! (a sentence opening with 下一步 or 今后 starts the plans; the sentences
//! before it in its paragraph that admit 差距, 不足, 短板 … are the
//! problems). Each part's share of the text, and flags for what a reviewer
//! would question: no problems, problems in a single sentence or under 3 %
//! of the text, problems only in generic template phrases, no plans, plans
//! that repeat the achievements' headings.

use serde::{Deserialize, Serialize};

use crate::clean::CleanedText;
use crate::outline::{HeadingKind, Outline};
use crate::pattern_search::AnyOf;
use crate::text::TextRange;

/// A part of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// 成效: what was done.
    Achievements,
    /// 问题: what is lacking.
    Problems,
    /// 打算: what comes next.
    Plans,
}

impl PartKind {
    /// The part's English name.
    pub fn label_en(self) -> &'static str {
        match self {
            PartKind::Achievements => "Achievements",
            PartKind::Problems => "Problems",
            PartKind::Plans => "Plans",
        }
    }

    /// The part's Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            PartKind::Achievements => "成效",
            PartKind::Problems => "问题",
            PartKind::Plans => "打算",
        }
    }
}

/// One part with where it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Which part.
    pub part: PartKind,
    /// Its byte ranges in the cleaned text, in order.
    pub ranges: Vec<TextRange>,
    /// Its characters, whitespace not counted.
    pub chars: usize,
    /// Its share of the report's characters, 0–1.
    pub share: f64,
    /// The source line where it starts.
    pub line: u32,
    /// Its sentences.
    pub sentences: usize,
}

/// What a reviewer would question about the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StructureFlag {
    /// No part states problems.
    NoProblems,
    /// The problems are a single sentence or under 3 % of the text.
    ProblemsTooShort,
    /// The problems are stated only in generic template phrases.
    ProblemsGeneric,
    /// No part states plans.
    NoPlans,
    /// The plans' headings repeat the achievements' headings.
    PlansRepeatAchievements,
}

impl StructureFlag {
    /// A short Chinese message.
    pub fn message(self) -> &'static str {
        match self {
            StructureFlag::NoProblems => "没有写存在的问题",
            StructureFlag::ProblemsTooShort => "问题部分过短（仅一句或不足全文 3%）",
            StructureFlag::ProblemsGeneric => "问题只有套话，没有具体对象",
            StructureFlag::NoPlans => "没有写下一步打算",
            StructureFlag::PlansRepeatAchievements => "打算的小标题与成效部分重复",
        }
    }
}

/// A report's structure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Structure {
    /// The parts found, in the order 成效, 问题, 打算 (absent parts left out).
    pub parts: Vec<Part>,
    /// What a reviewer would question.
    pub flags: Vec<StructureFlag>,
}

/// Heading words of a problems part.
const PROBLEM_HEADINGS: &[&str] = &["存在的问题", "存在问题", "问题和不足", "不足", "差距", "短板", "薄弱"];
/// Heading words of a plans part.
const PLAN_HEADINGS: &[&str] = &["下一步", "今后", "打算", "计划", "努力方向", "工作思路", "工作安排", "工作设想"];
/// Words of a sentence that admits problems.
static PROBLEM_CUES: AnyOf = AnyOf::new(&[
    "差距",
    "不足",
    "短板",
    "薄弱",
    "提升空间",
    "清醒地认识到",
    "清醒认识到",
    "存在的问题",
    "问题和不足",
    "不够",
    "有待",
]);
/// Openings of a sentence that starts the plans.
const PLAN_OPENINGS: &[&str] = &["下一步", "今后", "新的一年", "明年"];
/// Generic phrases that name no concrete problem.
static GENERIC_PROBLEMS: AnyOf = AnyOf::new(&[
    "提升空间",
    "一定差距",
    "一定的差距",
    "存在差距",
    "有差距",
    "差距和不足",
    "不足之处",
    "学习不够深入",
    "工作标准不够高",
    "创新意识不强",
    "还有不小差距",
    "取得了一定成效",
    "取得了一定成绩",
    "取得了比较明显的成效",
    "清醒地认识到",
    "清醒认识到",
]);

/// The sentences of `range`: (start, end) byte ranges, each with its end mark.
fn sentences(text: &str, range: TextRange) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut start = range.start;
    for (offset, c) in range.slice(text).char_indices() {
        if matches!(c, '。' | '！' | '？' | '\n' | '；') {
            let end = range.start + offset + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                out.push(TextRange::new(start, end));
            }
            start = end;
        }
    }
    if !text[start..range.end].trim().is_empty() {
        out.push(TextRange::new(start, range.end));
    }
    out
}

/// Characters in a range, whitespace not counted.
fn chars_in(text: &str, range: TextRange) -> usize {
    crate::text::visible_chars(range.slice(text))
}

/// Finds a report's 成效, 问题 and 打算.
pub fn analyze_structure(cleaned: &CleanedText, outline: &Outline) -> Structure {
    let text = &cleaned.text;
    let headings = &outline.headings;
    let total = chars_in(text, TextRange::new(0, text.len())).max(1);
    let mut assigned: Vec<(PartKind, TextRange)> = Vec::new();
    let tops: Vec<usize> = (0..headings.len()).filter(|&i| headings[i].parent.is_none()).collect();
    let mut achievement_titles: Vec<&str> = Vec::new();
    let mut plan_titles: Vec<&str> = Vec::new();
    for (position, &index) in tops.iter().enumerate() {
        let heading = &headings[index];
        let section = heading.section;
        let title = heading.title.as_str();
        let children = || headings.iter().filter(move |h| h.parent == Some(index)).map(|h| h.title.as_str());
        // A closing part's title is its first sentence, not a heading.
        let headed = heading.kind != HeadingKind::Closing;
        let is_problems =
            heading.kind == HeadingKind::Problems || (headed && PROBLEM_HEADINGS.iter().any(|w| title.contains(w)));
        let is_plans = headed && PLAN_HEADINGS.iter().any(|w| title.contains(w));
        match (is_problems, is_plans) {
            (true, true) => {
                // 存在的不足和今后努力方向: problems until the plans open.
                split_closing(text, section, &mut assigned, Closing::ProblemsThenPlans);
                plan_titles.extend(children());
                continue;
            }
            (true, false) => {
                assigned.push((PartKind::Problems, section));
                continue;
            }
            (false, true) => {
                // A plans part may open with a sentence or two that admit problems.
                split_closing(text, section, &mut assigned, Closing::PlansHeaded);
                plan_titles.extend(children());
                continue;
            }
            (false, false) => {}
        }
        // The last parts may hold the problems and plans unheaded.
        let near_end = position + 2 >= tops.len() || heading.kind == HeadingKind::Closing;
        if near_end {
            split_closing(text, section, &mut assigned, Closing::Unheaded);
        } else {
            assigned.push((PartKind::Achievements, section));
        }
        achievement_titles.extend(children());
        achievement_titles.push(title);
    }
    if tops.is_empty() {
        split_closing(text, TextRange::new(0, text.len()), &mut assigned, Closing::Unheaded);
    }
    let mut parts = Vec::new();
    for kind in [PartKind::Achievements, PartKind::Problems, PartKind::Plans] {
        let ranges: Vec<TextRange> = assigned.iter().filter(|(k, _)| *k == kind).map(|(_, r)| *r).collect();
        let chars: usize = ranges.iter().map(|r| chars_in(text, *r)).sum();
        if chars == 0 {
            continue;
        }
        let sentence_count = ranges.iter().map(|r| sentences(text, *r).len()).sum();
        let share = (chars as f64 / total as f64 * 1000.0).round() / 1000.0;
        parts.push(Part {
            part: kind,
            line: cleaned.source_line_at(ranges[0].start),
            ranges,
            chars,
            share,
            sentences: sentence_count,
        });
    }
    let mut flags = Vec::new();
    match parts.iter().find(|p| p.part == PartKind::Problems) {
        None => flags.push(StructureFlag::NoProblems),
        Some(problems) => {
            if problems.sentences <= 1 || problems.share < 0.03 {
                flags.push(StructureFlag::ProblemsTooShort);
            }
            let all_generic = problems.ranges.iter().flat_map(|r| sentences(text, *r)).all(|s| {
                let sentence = s.slice(text);
                GENERIC_PROBLEMS.found_in(sentence) || !PROBLEM_CUES.found_in(sentence)
            });
            if all_generic {
                flags.push(StructureFlag::ProblemsGeneric);
            }
        }
    }
    if !parts.iter().any(|p| p.part == PartKind::Plans) {
        flags.push(StructureFlag::NoPlans);
    }
    let repeats = plan_titles.iter().filter(|plan| achievement_titles.iter().any(|a| shares_run(plan, a, 6))).count();
    if !plan_titles.is_empty() && repeats * 2 >= plan_titles.len() {
        flags.push(StructureFlag::PlansRepeatAchievements);
    }
    Structure { parts, flags }
}

/// Whether two titles share a run of at least `run` characters.
fn shares_run(a: &str, b: &str, run: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: String = b.to_owned();
    a.windows(run).any(|window| b.contains(&window.iter().collect::<String>()))
}

/// How a part that may hold problems and plans is headed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closing {
    /// Not headed as either (a closing paragraph, the last sections).
    Unheaded,
    /// Headed as plans (下一步工作打算).
    PlansHeaded,
    /// Headed as both (存在的不足和今后努力方向).
    ProblemsThenPlans,
}

/// Splits a part at the first sentence that opens the plans (下一步, 今后 …):
/// from it on, plans. Before it, sentences that admit problems are problems
/// (all of them under a problems-and-plans heading); the rest are
/// achievements, or plans under a plans heading.
fn split_closing(text: &str, section: TextRange, assigned: &mut Vec<(PartKind, TextRange)>, closing: Closing) {
    let all = sentences(text, section);
    let opens_plans = |s: &TextRange| {
        let sentence = s.slice(text).trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '，' | '。'));
        PLAN_OPENINGS.iter().any(|w| sentence.starts_with(w))
    };
    let plan_start = all.iter().position(opens_plans);
    let before_plans = plan_start.unwrap_or(all.len());
    let problem_zone = plan_start.is_some() || closing != Closing::Unheaded;
    // Searched only for the sentences it decides, not for every sentence.
    let admits = |sentence: &TextRange| PROBLEM_CUES.found_in(sentence.slice(text));
    for (i, sentence) in all.iter().enumerate() {
        let kind = match closing {
            _ if i >= before_plans => PartKind::Plans,
            Closing::ProblemsThenPlans => PartKind::Problems,
            _ if problem_zone && admits(sentence) => PartKind::Problems,
            // The heading line, and what follows it, of a plans part.
            Closing::PlansHeaded => PartKind::Plans,
            Closing::Unheaded => PartKind::Achievements,
        };
        assigned.push((kind, *sentence));
    }
}

/// One file's structure, as `gongwen structure --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StructureRecord {
    /// The file's path as given.
    pub file: String,
    /// The parts found: `achievements`, `problems`, `plans`.
    pub parts: Vec<PartRecord>,
    /// What a reviewer would question (`no_problems`, `problems_too_short`,
    /// `problems_generic`, `no_plans`, `plans_repeat_achievements`).
    pub flags: Vec<StructureFlag>,
}

/// One part in a [`StructureRecord`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartRecord {
    /// Which part.
    pub part: PartKind,
    /// Its characters, whitespace not counted.
    pub chars: usize,
    /// Its share of the report, 0–1.
    pub share: f64,
    /// The source line where it starts.
    pub line: u32,
}

impl StructureRecord {
    /// The record of the report named `file`, whose structure this is.
    pub fn of(file: &str, structure: &Structure) -> Self {
        Self {
            file: file.to_owned(),
            parts: structure
                .parts
                .iter()
                .map(|p| PartRecord { part: p.part, chars: p.chars, share: p.share, line: p.line })
                .collect(),
            flags: structure.flags.clone(),
        }
    }
}
