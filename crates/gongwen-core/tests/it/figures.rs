//! Figures (实绩数据): the examples of DOMAIN.md §4 found with their value,
//! unit, approximation word and subject; every redaction of the seeds
//! reported as redacted; no formulation, heading marker, ordinal or date
//! read as a figure.

use gongwen_core::figures::{Figure, extract_figures};
use gongwen_core::{ReportAnalysis, analyze_report};

use crate::seeds::seed_files;
use crate::segmenter;

fn figures_of(text: &str) -> (ReportAnalysis, Vec<Figure>) {
    let analysis = analyze_report("f.txt", text.as_bytes(), segmenter()).expect("reads");
    let figures = extract_figures(&analysis.cleaned, &analysis.outline, segmenter().numbered_forms());
    (analysis, figures)
}

/// A figure as a test states it: text, value, unit, approximation word.
type Stated<'a> = (&'a str, Option<f64>, Option<&'a str>, Option<&'a str>);

/// A figure a test expects: as stated, with a word its subject contains.
type Expected<'a> = (&'a str, Option<f64>, Option<&'a str>, Option<&'a str>, &'a str);

/// Checks that `sentence` yields exactly the figures `expected`.
fn check(sentence: &str, expected: &[Expected]) {
    let (_, figures) = figures_of(&format!("一、工作情况\n{sentence}\n"));
    let found: Vec<Stated> =
        figures.iter().map(|f| (f.text.as_str(), f.value, f.unit.as_deref(), f.approx.as_deref())).collect();
    let wanted: Vec<Stated> =
        expected.iter().map(|&(text, value, unit, approx, _)| (text, value, unit, approx)).collect();
    assert_eq!(found, wanted, "{sentence}");
    for (figure, &(_, _, _, _, subject)) in figures.iter().zip(expected) {
        let found = figure.subject.as_deref().unwrap_or("");
        assert!(found.contains(subject), "{sentence}: subject {found:?} should contain {subject:?}");
    }
}

#[test]
fn the_domain_examples_are_found_with_value_unit_approximation_and_subject() {
    check(
        "全年召开党组会65次，研究党建相关议题184项。",
        &[
            ("65次", Some(65.0), Some("次"), None, "召开党组会"),
            ("184项", Some(184.0), Some("项"), None, "研究党建相关议题"),
        ],
    );
    check(
        "围绕重点课题实地调研60余次，形成调研报告30余篇。",
        &[
            ("60余次", Some(60.0), Some("次"), Some("余"), "调研"),
            ("30余篇", Some(30.0), Some("篇"), Some("余"), "形成调研报告"),
        ],
    );
    check(
        "列出问题清单31项、整改措施67条。",
        &[("31项", Some(31.0), Some("项"), None, "列出问题清单"), ("67条", Some(67.0), Some("条"), None, "整改措施")],
    );
    check("举办2期清廉文化大讲堂。", &[("2期", Some(2.0), Some("期"), None, "举办清廉文化大讲堂")]);
    check("运用第一种形态处理1人次。", &[("1人次", Some(1.0), Some("人次"), None, "处理")]);
    check("举办为期两周的主题教育读书班。", &[("两周", Some(2.0), Some("周"), None, "主题教育读书班")]);
    check("选派10余人到基层锻炼。", &[("10余人", Some(10.0), Some("人"), Some("余"), "选派")]);
    check("确定12个调研课题。", &[("12个", Some(12.0), Some("个"), None, "确定调研课题")]);
    check(
        "完成投资3.5亿元，增长百分之十点二，提高一点二个百分点。",
        &[
            ("3.5亿元", Some(3.5), Some("亿元"), None, "完成投资"),
            ("百分之十点二", Some(10.2), Some("%"), None, "增长"),
            ("一点二个百分点", Some(1.2), Some("个百分点"), None, "提高"),
        ],
    );
    check(
        "接待群众超过1,200人次，覆盖近三十个村。",
        &[
            ("超过1,200人次", Some(1200.0), Some("人次"), Some("超过"), "接待群众"),
            ("近三十个", Some(30.0), Some("个"), Some("近"), "覆盖"),
        ],
    );
    check(
        "增速保持在6%－6.5%，党员从264人增加到449人。",
        &[
            ("6%－6.5%", Some(6.0), Some("%"), None, "增速"),
            ("从264人增加到449人", Some(264.0), Some("人"), None, "党员"),
        ],
    );
    check(
        "开展培训１２场，参训100人以上。",
        &[
            ("１２场", Some(12.0), Some("场"), None, "开展培训"),
            ("100人以上", Some(100.0), Some("人"), Some("以上"), "参训"),
        ],
    );
}

#[test]
fn ranges_keep_their_upper_end() {
    let (_, figures) = figures_of("一、情况\n增速保持在6%－6.5%，党员从264人增加到449人。\n");
    let ends: Vec<Option<f64>> = figures.iter().map(|f| f.value_to).collect();
    assert_eq!(ends, vec![Some(6.5), Some(449.0)]);
}

#[test]
fn redactions_are_redacted_figures_and_never_numbers() {
    check(
        "选拔任用**科级领导干部，处置问题线索*件，完成××人次培训。",
        &[
            ("**", None, None, None, "任用"),
            ("*件", None, Some("件"), None, "处置问题线索"),
            ("××人次", None, Some("人次"), None, "完成"),
        ],
    );
    for (name, bytes) in seed_files() {
        let analysis = analyze_report(&name, &bytes, segmenter()).expect("a seed");
        let figures = extract_figures(&analysis.cleaned, &analysis.outline, segmenter().numbered_forms());
        let redacted: Vec<&Figure> = figures.iter().filter(|f| f.redacted).collect();
        let star_runs = {
            let mut count = 0;
            let mut previous = ' ';
            for c in analysis.cleaned.text.chars() {
                if c == '*' && previous != '*' {
                    count += 1;
                }
                previous = c;
            }
            count
        };
        assert_eq!(redacted.len(), star_runs, "{name}: every redaction is a redacted figure");
        assert!(redacted.iter().all(|f| f.value.is_none()));
    }
}

#[test]
fn formulations_markers_ordinals_and_dates_are_not_figures() {
    check(
        "2023年12月，坚决做到“两个维护”，落实三会一课和一岗双责，建立第一议题制度，运用第一种形态，开展十周年纪念。",
        &[],
    );
    check("一是加强学习。二是推进一批项目，进一步统一思想。", &[]);
    for (name, bytes) in seed_files() {
        let analysis = analyze_report(&name, &bytes, segmenter()).expect("a seed");
        let figures = extract_figures(&analysis.cleaned, &analysis.outline, segmenter().numbered_forms());
        for figure in &figures {
            for heading in &analysis.outline.headings {
                let marker = heading.marker_range;
                assert!(
                    figure.range.end <= marker.start || figure.range.start >= marker.end,
                    "{name}: {} is a marker",
                    figure.text
                );
            }
            for word in ["两个维护", "三会一课", "一岗双责", "第一", "二十大", "八项规定", "三不"]
            {
                assert!(!figure.text.contains(word), "{name}: {} is a formulation", figure.text);
            }
            assert!(
                !figure.text.ends_with('年') || figure.value.is_some_and(|v| v < 1900.0),
                "{name}: {} is a date",
                figure.text
            );
        }
        assert!(!figures.is_empty(), "{name} has figures");
    }
}

#[test]
fn a_bare_number_after_a_counting_verb_is_a_figure_and_times_and_ages_have_units() {
    check("选拔任用10科级领导干部，完成职级晋升工作。", &[("10", Some(10.0), None, None, "科级领导干部")]);
    check(
        "收入增长2.4倍，人均预期寿命达到79岁。",
        &[("2.4倍", Some(2.4), Some("倍"), None, "增长"), ("79岁", Some(79.0), Some("岁"), None, "达到")],
    );
    // Not after a counting verb, or a year: no figure.
    check("我们在2023年召开会议，推进1+N制度。", &[]);
}
