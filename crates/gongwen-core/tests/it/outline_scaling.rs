//! The outline phase stays linear on long runs of the same marker: 100,000
//! lines of `（一）` once took the CLI 17–55 seconds because passes walked every
//! heading for every line.
//!
//! Nothing here is timed. The outline counts its own steps (each line,
//! candidate, heading or contents entry a pass visits, nested loops included;
//! see `outline_steps`), and each test compares the count for n repetitions
//! with the count for 4n: linear passes do about four times the work, a
//! quadratic pass sixteen times.

use gongwen_core::clean::clean_text;
use gongwen_core::outline::{HeadingKind, Outline, extract_outline, outline_steps};

/// Repetitions of the smaller input; the larger has four times as many.
const N: usize = 25_000;

/// The most steps per input byte either size may take. The passes together
/// take one to three per byte here; a quadratic pass takes hundreds.
const STEPS_PER_BYTE: u64 = 8;

/// The outline of `text` and the steps it took.
fn outline_with_steps(text: &str) -> (Outline, u64) {
    let cleaned = clean_text(text);
    let before = outline_steps();
    let outline = extract_outline(&cleaned);
    (outline, outline_steps() - before)
}

/// Builds the outline of `input(N)` and `input(4 * N)`, checks each with
/// `check_shape(outline, repetitions)`, and asserts that the work grew
/// linearly and stayed within the budget.
fn assert_linear(what: &str, input: impl Fn(usize) -> String, check_shape: impl Fn(&Outline, usize)) {
    let mut steps = Vec::new();
    for repetitions in [N, 4 * N] {
        let text = input(repetitions);
        let (outline, taken) = outline_with_steps(&text);
        check_shape(&outline, repetitions);
        let budget = STEPS_PER_BYTE * text.len() as u64;
        assert!(taken <= budget, "{what} ×{repetitions}: {taken} steps, more than the budget of {budget}");
        steps.push(taken);
    }
    let growth = steps[1] as f64 / steps[0] as f64;
    assert!(
        growth < 4.5,
        "{what}: 4× the input took {growth:.1}× the steps ({} → {}); linear passes take 4×",
        steps[0],
        steps[1]
    );
}

/// Asserts that the outline has `count` headings, all of `kind` at `level`.
fn assert_all(outline: &Outline, count: usize, kind: HeadingKind, level: u32) {
    assert_eq!(outline.headings.len(), count);
    assert!(outline.headings.iter().all(|h| h.kind == kind && h.level == level));
}

/// Would fail on the old code: the unnumbered-parts pass searched all
/// candidates for every line to learn whether the line held a heading
/// (n² / 2 steps), so the steps grew 16× and broke the budget. Every `（一）`
/// repeats the one before, so each also gets a `numbering-repeat` diagnostic.
#[test]
fn outline_of_100000_repeated_markers_is_near_linear() {
    assert_linear(
        "（一）",
        |n| "（一）\n".repeat(n),
        |outline, n| {
            assert_all(outline, n, HeadingKind::ParenChinese, 1);
            assert_eq!(outline.diagnostics.iter().filter(|d| d.code == "numbering-repeat").count(), n - 1);
        },
    );
    assert_linear("一、标题", |n| "一、标题\n".repeat(n), |outline, n| assert_all(outline, n, HeadingKind::Chinese, 1));
}

/// Would fail on the old code: with points only, every line is a body
/// paragraph, and for each the parts pass searched all candidates twice and
/// then the next heading once more.
#[test]
fn outline_of_100000_lines_of_points_is_near_linear() {
    assert_linear(
        "一是…。二是…。",
        |n| "一是加强。二是落实。\n".repeat(n),
        |outline, n| assert_all(outline, 2 * n, HeadingKind::Enumeration, 1),
    );
}

/// Would fail on the old code: every line here is a heading or the body of
/// one, and for each the parts pass searched all candidates, as with `（一）`.
/// The tree must also give the top heading all 2n points without walking its
/// subtree once per heading.
#[test]
fn outline_of_repeated_nested_sections_is_near_linear() {
    assert_linear(
        "一、（一）一是",
        |n| format!("一、总体\n{}", "（一）标题\n一是加强。二是落实。\n".repeat(n)),
        |outline, n| {
            assert_eq!(outline.headings.len(), 1 + 3 * n);
            assert_eq!(outline.headings[0].points, 2 * n);
            assert_eq!(outline.headings.iter().map(|h| h.level).max(), Some(3));
        },
    );
}

/// Would fail on the old code: for every ordinal word (`首先，`) the check for
/// a complete `首先 … 其次` sequence walked all candidates.
#[test]
fn outline_of_repeated_ordinal_words_is_near_linear() {
    assert_linear(
        "首先，",
        |n| "首先，加强学习。\n其次，落实责任。\n".repeat(n),
        |outline, n| assert_all(outline, 2 * n, HeadingKind::Enumeration, 1),
    );
}

/// Would fail on the old code: every `二是` without an earlier `一是` searched
/// the whole paragraph before it for one, and checked every other point.
#[test]
fn paragraph_of_repeated_points_without_predecessors_is_near_linear() {
    assert_linear(
        "二是…；",
        |n| format!("我们要：{}\n", "二是加强；".repeat(n)),
        |outline, n| {
            assert_all(outline, n, HeadingKind::Enumeration, 1);
            assert!(outline.headings.iter().all(|h| h.number == Some(2)));
        },
    );
}

/// Would fail on the old code: after a `目录` line each line was compared with
/// every line before it, looking for the first heading the contents repeat.
#[test]
fn contents_caption_before_many_distinct_lines_is_near_linear() {
    assert_linear(
        "目录",
        |n| {
            let lines: String = (0..n).map(|i| format!("第{i}行内容\n")).collect();
            format!("目录\n{lines}")
        },
        |outline, _| assert!(outline.headings.is_empty()),
    );
}
