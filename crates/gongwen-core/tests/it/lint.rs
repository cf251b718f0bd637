//! Careless writing: the flaws of DOMAIN.md §5 found in the seeds where
//! they are (围绕围绕, 深入深入, 着力着力, 。。, half-width commas, 新时达),
//! no doubled-word finding on legitimate reduplication, and each check on a
//! sentence that has the flaw and one that does not.

use gongwen_core::analyze_report;
use gongwen_core::lint::canon::{CanonTable, builtin};
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

/// The formulation findings of a one-section report with `body`, as kind and
/// text.
fn formulation_findings(body: &str) -> Vec<(LintKind, String)> {
    let analysis =
        analyze_report("2023年度述职报告.txt", format!("一、情况\n{body}\n").as_bytes(), segmenter()).expect("reads");
    analysis.lint.iter().filter(|f| f.kind.is_formulation()).map(|f| (f.kind, f.text.clone())).collect()
}

#[test]
fn counted_formulations_must_match_their_members() {
    use LintKind::FormulationCount;
    assert_eq!(formulation_findings("坚定“四个自信”：道路自信、理论自信、制度自信、文化自信。"), vec![]);
    assert_eq!(
        formulation_findings("坚定“三个自信”：道路自信、理论自信、制度自信、文化自信。"),
        vec![(FormulationCount, "三个自信”：道路自信、理论自信、制度自信、文化自信".to_owned())]
    );
    assert_eq!(formulation_findings("牢固树立“三个自信”。"), vec![(FormulationCount, "三个自信".to_owned())]);
    assert_eq!(
        formulation_findings("增强“四个意识”，即政治意识、大局意识、看齐意识。"),
        vec![(FormulationCount, "四个意识”，即政治意识、大局意识、看齐意识".to_owned())]
    );
    // Other counts of other things stay quiet.
    assert_eq!(formulation_findings("完成三个意识形态阵地建设，开展十三个方面工作。"), vec![]);
}

#[test]
fn members_must_be_the_right_ones_in_order() {
    use LintKind::FormulationMember;
    assert_eq!(formulation_findings("增强“四个意识”：政治意识、大局意识、核心意识、看齐意识。"), vec![]);
    assert_eq!(formulation_findings("增强政治意识、大局意识、核心意识、看齐意识。"), vec![]);
    assert_eq!(
        formulation_findings("增强“四个意识”：政治意识、大局意识、责任意识、看齐意识。"),
        vec![(FormulationMember, "责任意识".to_owned())]
    );
    assert_eq!(
        formulation_findings("增强“四个意识”：政治意识、核心意识、大局意识、看齐意识。"),
        vec![(FormulationMember, "政治意识、核心意识、大局意识、看齐意识".to_owned())]
    );
    assert_eq!(formulation_findings("聚焦学思想、强党性、重实践、建新功的总要求。"), vec![]);
    // Lists that go on past a comma, some members only, a 的 of style.
    for right in [
        "践行“三严三实”：严以修身、严以用权、严以律己，谋事要实、创业要实、做人要实。",
        "开展“两学一做”，即学党章党规、学系列讲话，做合格党员。",
        "坚决纠治形式主义、官僚主义等“四风”问题，“四风”特别是形式主义、官僚主义仍需警惕。",
        "清醒认识“四种危险”：精神懈怠的危险、能力不足的危险、脱离群众的危险、消极腐败的危险。",
    ] {
        assert_eq!(formulation_findings(right), vec![], "{right}");
    }
    assert_eq!(
        formulation_findings("聚焦学思想、强党性、重实践、见新功的总要求。"),
        vec![(FormulationMember, "见新功".to_owned())]
    );
}

#[test]
fn near_misses_of_canonical_phrases() {
    use LintKind::FormulationNearMiss;
    assert_eq!(formulation_findings("坚持以习近平新时代中国特色社会主义思想为指导。"), vec![]);
    assert_eq!(
        formulation_findings("坚持以习近平新时代中国特色社会主意思想为指导。"),
        vec![(FormulationNearMiss, "习近平新时代中国特色社会主意思想".to_owned())]
    );
    assert_eq!(
        formulation_findings("坚持以习近平新时代中国特色社会主义想为指导。"),
        vec![(FormulationNearMiss, "习近平新时代中国特色社会主义想".to_owned())]
    );
    assert_eq!(
        formulation_findings("紧密团结在以习近平同志为核心党中央周围。"),
        vec![(FormulationNearMiss, "以习近平同志为核心党中央".to_owned())]
    );
}

#[test]
fn outdated_wording_for_the_reports_year() {
    use LintKind::FormulationOutdated;
    let at = |year: &str, body: &str| {
        let analysis =
            analyze_report(&format!("{year}年述职报告.txt"), format!("一、情况\n{body}\n").as_bytes(), segmenter())
                .expect("reads");
        analysis.lint.iter().filter(|f| f.kind.is_formulation()).map(|f| (f.kind, f.text.clone())).collect::<Vec<_>>()
    };
    let old_centre = "紧密团结在以习近平同志为总书记的党中央周围。";
    assert_eq!(at("2015", old_centre), vec![]);
    assert_eq!(at("2023", old_centre), vec![(FormulationOutdated, "以习近平同志为总书记的党中央".to_owned())]);
    let goal = "为决胜全面建成小康社会而奋斗。";
    assert_eq!(at("2019", goal), vec![]);
    assert_eq!(at("2023", goal), vec![(FormulationOutdated, "全面建成小康社会".to_owned())]);
    assert_eq!(at("2023", "我们如期全面建成小康社会，历史性地解决了绝对贫困问题。"), vec![]);
    let four = "协调推进“四个全面”：全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。";
    assert_eq!(at("2018", four), vec![]);
    assert_eq!(
        at("2023", four),
        vec![(FormulationOutdated, "全面建成小康社会、全面深化改革、全面依法治国、全面从严治党".to_owned())]
    );
}

/// Every text file the tests hold: the seeds, the outline corpus, the genre,
/// year-over-year and format fixtures (text, Markdown, HTML and Word).
fn every_test_document() -> Vec<(String, Vec<u8>)> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = crate::seeds::seed_files();
    files.extend(crate::corpus::corpus_files());
    for folder in ["tests/fixtures/genres", "tests/fixtures/year-over-year", "tests/fixtures/formats"] {
        for entry in std::fs::read_dir(root.join(folder)).expect("a fixture folder is readable") {
            let path = entry.expect("an entry").path();
            let name = path.file_name().expect("a name").to_string_lossy().into_owned();
            let readable = [".txt", ".md", ".html", ".docx", ".doc", ".odt"].iter().any(|ext| name.ends_with(ext));
            if readable && name != "README.md" {
                files.push((format!("{folder}/{name}"), std::fs::read(&path).expect("a fixture is readable")));
            }
        }
    }
    files
}

#[test]
fn no_formulation_false_alarms_on_the_seeds_corpus_or_fixtures() {
    let files = every_test_document();
    assert!(files.len() >= 60, "{} documents", files.len());
    let mut alarms = Vec::new();
    for (name, bytes) in files {
        let Ok(analysis) = analyze_report(&name, &bytes, segmenter()) else { continue };
        for finding in analysis.lint.iter().filter(|f| f.kind.is_formulation()) {
            alarms
                .push(format!("{name}:{}: {:?} 「{}」 {}", finding.line, finding.kind, finding.text, finding.message));
        }
    }
    assert!(alarms.is_empty(), "formulation findings on correct documents:\n{}", alarms.join("\n"));
}

#[test]
fn numbering_site_marks_and_redactions_are_listed_with_the_writing_flaws() {
    let numbered = lint_report_of("一、学习\n内容。\n三、作风\n内容。\n");
    assert_eq!(found(&numbered), vec![(LintKind::Numbering, "三、")]);
    assert!(numbered[0].message.contains("缺少 2"), "{}", numbered[0].message);
    let seed003 = analyze_seed("003");
    let marks: Vec<(&str, u32)> =
        seed003.lint.iter().filter(|f| f.kind == LintKind::SiteMark).map(|f| (f.text.as_str(), f.line)).collect();
    assert_eq!(marks, vec![("##paidbegin##", 4), ("^【更多素^材尽在哒&哒~文*库】", 6), ("##paidend##", 8)]);
    // The paywall marker stood mid-sentence: its place is in the text.
    let paid = seed003.lint.iter().find(|f| f.kind == LintKind::SiteMark).expect("the marker");
    assert!(paid.range.is_empty() && paid.range.start > seed003.cleaned.lines[0].range.end);
    let seed000 = analyze_seed("000");
    let redacted = seed000.lint.iter().filter(|f| f.kind == LintKind::Redaction).count();
    assert_eq!(redacted, seed000.figures.iter().filter(|f| f.redacted).count());
    assert_eq!(redacted, 7);
}

fn lint_report_of(text: &str) -> Vec<LintFinding> {
    analyze_report("l.txt", text.as_bytes(), segmenter()).expect("reads").lint
}

#[test]
fn canon_table_reads_and_every_count_adds_up() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/canon.tsv")).expect("canon.tsv");
    let table = CanonTable::parse(&text).expect("the canon table parses");
    assert_eq!(&table, builtin(), "the built-in table is the file");
    assert!(table.len() >= 60, "{} rows", table.len());
    for list in &table.lists {
        if let Some(count) = list.stated_count() {
            assert_eq!(count, list.members.len(), "{}: {:?}", list.name, list.members);
        }
        assert!(!list.source.is_empty());
    }
    let mut wordings: Vec<&str> = table.phrases.iter().map(|p| p.wording.as_str()).collect();
    wordings.extend(table.lists.iter().map(|l| l.name.as_str()));
    let all = wordings.len();
    wordings.sort();
    wordings.dedup();
    assert_eq!(wordings.len(), all, "a name or wording repeats");
    assert!(CanonTable::parse("list\t四个意识\t-\t政治意识\t2016-01\t-\t来源").is_err());
    assert!(CanonTable::parse("phrase\t-\t中国特色社会主义\t-\t2016\t-\t来源").is_err());
    assert!(CanonTable::parse("phrase\t-\t中国特色社会主义\t-\t2012-11\t-\t-").is_err());
}

/// Every note, outline diagnostic and 校对 finding over the seeds and the
/// outline corpus (numbering flaws, a table of contents, site marks …) has
/// an English message that quotes nothing Chinese, so the page's English
/// chrome stays English.
#[test]
fn every_message_has_an_english_form_without_chinese() {
    let chinese = |text: &str| text.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c));
    let files = crate::seeds::seed_files().into_iter().chain(crate::corpus::corpus_files());
    let mut seen = std::collections::BTreeSet::new();
    for (name, bytes) in files {
        let analysis = gongwen_core::analyze_report(&name, &bytes, crate::segmenter()).expect("the file decodes");
        let diagnostics = analysis.notes.iter().chain(&analysis.outline.diagnostics);
        for diagnostic in diagnostics {
            assert!(
                !diagnostic.message_en.is_empty() && !chinese(&diagnostic.message_en),
                "{name}: {} has the English {:?}",
                diagnostic.code,
                diagnostic.message_en
            );
            seen.insert(diagnostic.code.clone());
        }
        for finding in &analysis.lint {
            assert!(
                !finding.message_en.is_empty() && !chinese(&finding.message_en),
                "{name}: {:?} has the English {:?}",
                finding.kind,
                finding.message_en
            );
            seen.insert(format!("{:?}", finding.kind));
        }
    }
    for expected in ["table-of-contents", "numbering-gap", "Numbering", "SiteMark"] {
        assert!(seen.contains(expected), "the files give a {expected} message (seen: {seen:?})");
    }
}
