//! Careless writing: the flaws of DOMAIN.md §5 found in the seeds where
//! they are (围绕围绕, 深入深入, 着力着力, 。。, half-width commas, 新时达),
//! no doubled-word finding on legitimate reduplication, and each check on a
//! sentence that has the flaw and one that does not.

use gongwen_core::analyze_report;
use gongwen_core::lint::{LintFinding, LintKind, lint_text};

use crate::seeds::analyze_seed;
use crate::segmenter;

fn lint(text: &str) -> Vec<LintFinding> {
    let analysis = analyze_report("l.txt", text.as_bytes(), segmenter()).expect("reads");
    lint_text(&analysis.cleaned)
}

fn found(findings: &[LintFinding]) -> Vec<(LintKind, &str)> {
    findings.iter().map(|f| (f.kind, f.text.as_str())).collect()
}

/// A finding a test expects: kind, text, line.
type Expected<'a> = (LintKind, &'a str, u32);

#[test]
fn the_seeds_flaws_are_found_where_they_are_and_nothing_else() {
    use LintKind::{DoubledPunctuation, DoubledWord, HalfWidthPunctuation, Typo};
    let cases: &[(&str, &[Expected])] = &[
        ("000", &[]),
        ("001", &[]),
        ("002", &[(HalfWidthPunctuation, ",", 3), (DoubledPunctuation, "。。", 10)]),
        ("003", &[(HalfWidthPunctuation, ",", 4), (HalfWidthPunctuation, ",", 4), (DoubledWord, "着力着力", 7)]),
        ("004", &[(DoubledWord, "围绕围绕", 5), (DoubledWord, "深入深入", 6), (Typo, "新时达", 13)]),
    ];
    for (seed, expected) in cases {
        let analysis = analyze_seed(seed);
        let findings = lint_text(&analysis.cleaned);
        let got: Vec<Expected> = findings.iter().map(|f| (f.kind, f.text.as_str(), f.line)).collect();
        assert_eq!(got, *expected, "seed {seed}");
    }
}

#[test]
fn doubled_words_but_not_reduplication() {
    assert_eq!(
        found(&lint("一、情况\n我们要围绕围绕中心工作，着力着力解决问题。\n")),
        vec![(LintKind::DoubledWord, "围绕围绕"), (LintKind::DoubledWord, "着力着力"),]
    );
    let clean = "一、情况\n自觉维护规规矩矩的上下级关系、清清爽爽的同志关系，常常提醒，人人有责，层层压实责任，方方面面都要抓，时时处处严要求。\n";
    assert_eq!(found(&lint(clean)), Vec::new());
}

#[test]
fn punctuation_pairs_typos_and_number_style() {
    assert_eq!(
        found(&lint("一、情况\n培养业务骨干。。下一步，制定工作要点, 明确任务。\n")),
        vec![(LintKind::DoubledPunctuation, "。。"), (LintKind::HalfWidthPunctuation, ","),]
    );
    assert_eq!(found(&lint("一、情况\n制定工作要点，明确任务（见附件。\n")), vec![(LintKind::UnmatchedPair, "（")]);
    assert_eq!(found(&lint("一、情况\n坚持“两个维护”和《准则》。\n")), Vec::new());
    let typos = lint("一、情况\n深入学习新时达思想，不能按步就班，这是题中应有之意。\n");
    let suggestions: Vec<Option<&str>> = typos.iter().map(|f| f.suggestion.as_deref()).collect();
    assert_eq!(suggestions, vec![Some("新时代"), Some("按部就班"), Some("题中应有之义")]);
    assert_eq!(found(&lint("一、情况\n二0二三年，我们新时代新征程。\n")), vec![(LintKind::NumberStyle, "二0二三")]);
    assert_eq!(found(&lint("一、情况\n二〇二三年和2023年都对。\n")), Vec::new());
}
