//! Cross-report comparison: the seeds' shared passages (the 清廉文化 paragraph
//! in four seeds, the 选人用人 near-copy of 000 and 002 and its echoes),
//! their similarity matrix as a snapshot, invariance under line breaks,
//! indentation, punctuation width and markup, templates, and planted
//! passages in random texts found exactly.

use std::fmt::Write as _;

use gongwen_core::compare::record::CompareRecord;
use gongwen_core::compare::year_over_year::{ChangeKind, YearSide, compare_years, pair_by_year};
use gongwen_core::compare::{CompareSettings, CompareText, Comparison, Passage, TextId, compare_reports};
use gongwen_core::{ReportAnalysis, analyze_report};
use proptest::prelude::*;

use crate::seeds::seed_files;
use crate::segmenter;

fn analyze(name: &str, text: &str) -> ReportAnalysis {
    analyze_report(name, text.as_bytes(), segmenter()).expect("text reads")
}

fn seeds() -> Vec<ReportAnalysis> {
    seed_files().into_iter().map(|(name, bytes)| analyze_report(&name, &bytes, segmenter()).expect("a seed")).collect()
}

fn compare(reports: &[ReportAnalysis], templates: &[ReportAnalysis], settings: &CompareSettings) -> Comparison {
    let reports: Vec<&ReportAnalysis> = reports.iter().collect();
    let templates: Vec<&ReportAnalysis> = templates.iter().collect();
    compare_reports(&reports, &templates, segmenter().lexicon(), settings)
}

/// The reports (by index) holding a passage, in order.
fn holders(passage: &Passage) -> Vec<usize> {
    let mut reports: Vec<usize> = passage
        .occurrences
        .iter()
        .filter_map(|o| match o.text {
            TextId::Report(i) => Some(i),
            TextId::Template(_) => None,
        })
        .collect();
    reports.dedup();
    reports
}

#[test]
fn the_integrity_culture_paragraph_is_found_in_four_seeds_on_their_lines() {
    let seeds = seeds();
    let comparison = compare(&seeds, &[], &CompareSettings::default());
    let passage = comparison
        .passages
        .iter()
        .filter(|p| p.text.contains("制定清廉文化建设实施方案"))
        .max_by_key(|p| (p.reports, p.chars))
        .expect("the 清廉文化 passage");
    assert_eq!(holders(passage), vec![0, 1, 2, 4]);
    let lines: Vec<u32> = passage.occurrences.iter().map(|o| o.line).collect();
    assert_eq!(lines, vec![5, 5, 14, 16]);
    assert!(passage.chars >= 80, "{}", passage.text);
    // In four of five reports: template phrasing by the default rule.
    assert!(passage.template);
    for occurrence in &passage.occurrences {
        let TextId::Report(index) = occurrence.text else { panic!("a report") };
        let text = occurrence.range.slice(&seeds[index].cleaned.text);
        assert!(text.contains("清廉文化氛围") && text.contains("崇廉拒腐"), "{text}");
    }
}

#[test]
fn the_cadre_selection_passage_is_one_near_copy_with_its_differences_marked() {
    let seeds = seeds();
    let comparison = compare(&seeds, &[], &CompareSettings::default());
    let passage = comparison
        .passages
        .iter()
        .find(|p| holders(p) == [0, 2] && p.text.contains("严格按规范程序选拔任用"))
        .expect("the 选人用人 passage of 000 and 002");
    assert!(passage.near_copy);
    assert!(passage.text.contains("完成**人次职级晋升工作"), "{}", passage.text);
    let differing = |index: usize| -> Vec<&str> {
        let occurrence = &passage.occurrences[index];
        let TextId::Report(report) = occurrence.text else { panic!("a report") };
        occurrence.differences.iter().map(|d| d.slice(&seeds[report].cleaned.text)).collect()
    };
    let in_000 = differing(0);
    let in_002 = differing(1);
    assert!(in_000.iter().filter(|d| **d == "**").count() >= 2, "{in_000:?}");
    assert!(in_002.iter().filter(|d| **d == "10").count() >= 2, "{in_002:?}");
    // Its shorter echoes: the same sentence with the figures given, in 003 and 004.
    let echo = comparison
        .passages
        .iter()
        .find(|p| p.text.contains("选拔任用10科级领导干部") && holders(p).contains(&3) && holders(p).contains(&4))
        .expect("the echo in 003 and 004");
    assert!(echo.chars < passage.chars);
}

/// The seeds' matrix and passages as readable text.
fn render(comparison: &Comparison, names: &[String]) -> String {
    let mut out = String::from("similarity (row shared with column, %)\n");
    for (name, row) in names.iter().zip(&comparison.similarity) {
        let cells: Vec<String> = row.iter().map(|v| format!("{:5.1}", v * 100.0)).collect();
        let _ = writeln!(out, "{name} {}", cells.join(" "));
    }
    for (name, report) in names.iter().zip(&comparison.reports) {
        let _ = writeln!(
            out,
            "{name} own {:.1}% of {} chars, template {}",
            report.own_share * 100.0,
            report.chars,
            report.template_chars
        );
    }
    let _ = writeln!(out, "{} passages", comparison.passages.len());
    for passage in &comparison.passages {
        let places: Vec<String> = passage
            .occurrences
            .iter()
            .map(|o| match o.text {
                TextId::Report(i) => format!("{}:{}", names[i], o.line),
                TextId::Template(i) => format!("template{i}:{}", o.line),
            })
            .collect();
        let flags =
            format!("{}{}", if passage.template { "T" } else { "-" }, if passage.near_copy { "N" } else { "-" });
        let head: String = passage.text.chars().take(24).collect();
        let _ = writeln!(out, "{:4} {flags} {} {head}", passage.chars, places.join(" "));
    }
    out
}

#[test]
fn similarity_of_the_seeds() {
    let seeds = seeds();
    let names: Vec<String> = seeds.iter().map(|s| s.name[..3].to_owned()).collect();
    let comparison = compare(&seeds, &[], &CompareSettings::default());
    for (a, row) in comparison.similarity.iter().enumerate() {
        assert_eq!(row[a], 1.0);
        for (b, value) in row.iter().enumerate() {
            assert!((0.0..=1.0).contains(value));
            assert_eq!(*value > 0.0, comparison.shared_passages[a][b] > 0 || a == b);
        }
    }
    insta::assert_snapshot!(render(&comparison, &names));
}

#[test]
fn a_report_against_itself_scores_one_and_against_other_prose_near_zero() {
    let seeds = seeds();
    let copy = analyze("copy.txt", &seeds[2].cleaned.text);
    let comparison = compare(&[seeds[2].clone(), copy], &[], &CompareSettings::default());
    assert_eq!(comparison.similarity, vec![vec![1.0, 1.0], vec![1.0, 1.0]]);
    assert_eq!(comparison.reports[0].own_share, 0.0);
    let prose = "春天来了，山坡上的桃花一簇簇地开了，远远望去像一片粉色的云。孩子们在田埂上追着风筝奔跑，\
        老人坐在门口晒太阳，说起年轻时修水渠的往事。傍晚炊烟升起，饭菜的香味飘满了整个村子。\
        夜里下了一场小雨，第二天清早，屋檐下还挂着亮晶晶的水珠，燕子又飞回了去年的旧窝。";
    let unrelated = compare(&[seeds[0].clone(), analyze("prose.txt", prose)], &[], &CompareSettings::default());
    assert!(unrelated.similarity[0][1] < 0.02 && unrelated.similarity[1][0] < 0.02, "{:?}", unrelated.similarity);
}

#[test]
fn formulations_alone_never_make_a_shared_passage() {
    // 21 characters in common, 15 of them the lexicon's 习近平新时代中国特色社会主义思想.
    let formulation = "坚持用习近平新时代中国特色社会主义思想武装头脑";
    let a = analyze("a.txt", &format!("一、学习情况\n我们{formulation}，效果很好。\n"));
    let b = analyze("b.txt", &format!("一、理论武装\n全局{formulation}，成绩突出。\n"));
    let comparison = compare(&[a, b], &[], &CompareSettings::default());
    assert_eq!(comparison.passages, Vec::new(), "a formulation with a few words around it is not copying");
    // The same length of ordinary words is.
    let ordinary = "围绕年度重点任务细化分解责任清单逐项明确完成时限";
    let a = analyze("a.txt", &format!("一、学习情况\n我们{ordinary}，效果很好。\n"));
    let b = analyze("b.txt", &format!("一、理论武装\n全局{ordinary}，成绩突出。\n"));
    assert_eq!(compare(&[a, b], &[], &CompareSettings::default()).passages.len(), 1);
}

/// A text rewritten as another file would have it: CRLF, U+3000
/// indentation, half-width punctuation, and (as HTML) a tag inside a passage.
fn rewritten(text: &str, html: bool) -> String {
    let half_width: String = text
        .chars()
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect();
    if html {
        let body: String =
            half_width.lines().map(|line| format!("<p>{}</p>\n", line.replacen("工作", "<b>工作</b>", 1))).collect();
        format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>")
    } else {
        half_width.lines().map(|line| format!("\u{3000}\u{3000}{line}")).collect::<Vec<_>>().join("\r\n")
    }
}

#[test]
fn scores_do_not_change_with_line_breaks_indentation_punctuation_or_markup() {
    let seeds = seeds();
    let pair = [seeds[0].clone(), seeds[2].clone()];
    let base = compare(&pair, &[], &CompareSettings::default());
    for html in [false, true] {
        let name = if html { "002.html" } else { "002.txt" };
        let other = analyze(name, &rewritten(&seeds[2].cleaned.text, html));
        let changed = compare(&[seeds[0].clone(), other], &[], &CompareSettings::default());
        for (a, b) in base.similarity.iter().flatten().zip(changed.similarity.iter().flatten()) {
            assert!((a - b).abs() < 0.002, "html {html}: {:?} vs {:?}", base.similarity, changed.similarity);
        }
    }
}

#[test]
fn a_passage_broken_across_lines_or_by_a_tag_is_one_passage() {
    let passage = "围绕中心工作推进机关党建与业务深度融合持续打造服务型机关品牌";
    let a = analyze("a.txt", &format!("一、总体情况\n今年以来，我们{passage}，成效明显。\n"));
    let split = passage.replacen("党建", "党建\n", 1);
    let b = analyze("b.txt", &format!("一、基本做法\n全市{split}，群众满意。\n"));
    let tagged = passage.replacen("业务", "<span>业务</span>", 1);
    let c =
        analyze("c.html", &format!("<html><body><h2>一、主要成绩</h2><p>我局{tagged}，得到表扬。</p></body></html>"));
    let comparison =
        compare(&[a, b, c], &[], &CompareSettings { template_min_reports: 4, ..CompareSettings::default() });
    assert_eq!(comparison.passages.len(), 1, "{:?}", comparison.passages);
    assert_eq!(holders(&comparison.passages[0]), vec![0, 1, 2]);
    assert_eq!(comparison.passages[0].chars, passage.chars().count());
}

#[test]
fn passages_in_a_template_file_are_template_and_can_be_left_out() {
    let seeds = seeds();
    let (reports, template) = (seeds[..4].to_vec(), seeds[4..].to_vec());
    let settings = CompareSettings { template_min_reports: 10, ..CompareSettings::default() };
    let comparison = compare(&reports, &template, &settings);
    for passage in &comparison.passages {
        let in_template = passage.occurrences.iter().any(|o| matches!(o.text, TextId::Template(_)));
        assert_eq!(passage.template, in_template, "{}", passage.text);
    }
    assert!(
        comparison.passages.iter().any(|p| p.template && holders(p) == [2]),
        "copied from the template by 002 alone"
    );
    let excluded = compare(&reports, &template, &CompareSettings { exclude_templates: true, ..settings });
    let (with, without) = (&comparison.reports[2], &excluded.reports[2]);
    assert!(with.template_chars > 0 && with.template_chars == without.template_chars);
    assert!(without.own_share > with.own_share, "{} vs {}", without.own_share, with.own_share);
    let record = CompareRecord::from_comparison(
        &excluded,
        &reports.iter().map(CompareText::from).collect::<Vec<_>>(),
        &template.iter().map(CompareText::from).collect::<Vec<_>>(),
    );
    assert_eq!(record.templates, vec![seeds[4].name.clone()]);
    assert!(record.passages.iter().flat_map(|p| &p.occurrences).any(|o| o.template_file));
}

/// Random filler from 3,000 CJK characters: no two texts share 8 characters
/// by chance.
fn filler(seed: &[u16]) -> String {
    seed.iter().map(|&n| char::from_u32(0x4E00 + u32::from(n % 3000)).unwrap_or('一')).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn planted_passages_are_found_exactly_and_nothing_else(
        fillers in prop::collection::vec(prop::collection::vec(any::<u16>(), 400..600), 3..5),
        planted in prop::collection::vec((prop::collection::vec(any::<u16>(), 24..60), prop::collection::btree_set(0usize..4, 2..4)), 1..4),
    ) {
        let text_count = fillers.len();
        // Each text: filler cut into slots, a planted passage (or nothing) after each slot.
        let mut texts: Vec<String> = Vec::new();
        let mut expected: Vec<Vec<(usize, usize)>> = vec![Vec::new(); planted.len()];
        for (t, seed) in fillers.iter().enumerate() {
            let chars: Vec<char> = filler(seed).chars().collect();
            let slot = chars.len() / (planted.len() + 1);
            let mut text = String::new();
            let mut length = 0;
            for (p, (passage_seed, holders)) in planted.iter().enumerate() {
                let piece: String = chars[p * slot..(p + 1) * slot].iter().collect();
                length += slot;
                text.push_str(&piece);
                if holders.contains(&(t % 4)) && holders.iter().filter(|&&h| h < text_count).count() >= 2 {
                    // Offset the planted seed so passages never share characters with fillers' ranges.
                    let passage: String = passage_seed.iter().map(|&n| char::from_u32(0x4E00 + 3000 + u32::from(n % 2000) + 2000 * p as u32 % 6000).unwrap_or('一')).collect();
                    let len = passage.chars().count();
                    // A character of this text's own on each side, so that no
                    // chance match of the fillers around it extends the passage.
                    let edge = char::from_u32(0x9000 + t as u32).unwrap_or('丁');
                    expected[p].push((t, length + 1));
                    length += len + 2;
                    text.push(edge);
                    text.push_str(&passage);
                    text.push(edge);
                }
            }
            text.extend(chars[planted.len() * slot..].iter());
            texts.push(text);
        }
        let reports: Vec<ReportAnalysis> = texts.iter().enumerate().map(|(i, t)| analyze(&format!("{i}.txt"), t)).collect();
        let comparison = compare(&reports, &[], &CompareSettings { template_min_reports: 99, ..CompareSettings::default() });
        let mut found: Vec<Vec<(usize, usize)>> = comparison
            .passages
            .iter()
            .map(|p| p.occurrences.iter().map(|o| match o.text { TextId::Report(i) => (i, o.start), TextId::Template(i) => (1000 + i, o.start) }).collect())
            .collect();
        found.sort();
        let mut wanted: Vec<Vec<(usize, usize)>> = expected.into_iter().filter(|e| e.len() >= 2).collect();
        wanted.sort();
        prop_assert_eq!(found, wanted);
        for passage in &comparison.passages {
            prop_assert!(!passage.near_copy);
            prop_assert!(passage.occurrences.iter().all(|o| o.end - o.start == passage.chars));
        }
    }
}

/// The compared characters of a text.
fn compact(text: &str) -> String {
    text.chars().filter_map(gongwen_core::compare::normalize::fold_char).collect()
}

#[test]
fn this_year_against_last_year_finds_exactly_the_edits() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/year-over-year");
    let previous_text = std::fs::read_to_string(dir.join("001-2022.txt")).expect("the fixture");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).expect("expected.json"))
            .expect("JSON");
    let current = seeds().remove(1);
    let previous = analyze("001-2022.txt", &previous_text);
    let comparison = compare_years(&current, &previous, CompareSettings::default().min_chars);
    let texts = |side: &YearSide, analysis: &ReportAnalysis, kind: ChangeKind| -> Vec<String> {
        side.changes.iter().filter(|c| c.kind == kind).map(|c| compact(c.range.slice(&analysis.cleaned.text))).collect()
    };
    let wanted = |key: &str| -> Vec<String> {
        expected[key].as_array().expect("a list").iter().map(|s| compact(s.as_str().expect("text"))).collect()
    };
    assert_eq!(texts(&comparison.current, &current, ChangeKind::New), wanted("new"));
    assert_eq!(texts(&comparison.previous, &previous, ChangeKind::Dropped), wanted("dropped"));
    // The changed year is an edit, not new text.
    let edited = texts(&comparison.current, &current, ChangeKind::Edited);
    assert!(edited.iter().any(|e| e.contains('3')), "{edited:?}");
    assert!(comparison.current.kept_share > 0.9, "{}", comparison.current.kept_share);
    // Every compared character is accounted for, section by section.
    for side in [&comparison.current, &comparison.previous] {
        assert_eq!(side.changes.iter().map(|c| c.chars).sum::<usize>(), side.chars);
        assert_eq!(side.sections.iter().map(|s| s.kept + s.edited + s.changed).sum::<usize>(), side.chars);
    }
    let new_by_section: Vec<usize> = comparison.current.sections.iter().map(|s| s.changed).collect();
    assert!(
        new_by_section.iter().filter(|&&n| n > 0).count() == 1,
        "both new sentences are in 一、: {new_by_section:?}"
    );
}

#[test]
fn reports_are_paired_with_the_latest_earlier_year_of_the_same_name() {
    let text = "一、工作情况\n全年工作平稳推进。\n";
    let named = |name: &str| analyze(name, text);
    let reports = [
        named("市财政局2023年度述职报告.txt"),
        named("市财政局2021年度述职报告.txt"),
        named("市财政局2022年度述职报告.docx"),
        named("市税务局2022年度述职报告.txt"),
    ];
    let refs: Vec<&ReportAnalysis> = reports.iter().collect();
    assert_eq!(pair_by_year(&refs), vec![(0, 2), (2, 1)]);
}
