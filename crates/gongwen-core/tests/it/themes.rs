//! Genre detection and theme attribution: the built-in schemes, the genre of
//! the seeds and of one fixture per genre (`tests/fixtures/genres/`), what
//! the sections of each are attributed to, that every unit's themes add up
//! under every scheme, and a snapshot of each file's themes.

use std::fmt::Write as _;
use std::path::PathBuf;

use gongwen_core::themes::scheme::built_in_scheme_problems;
use gongwen_core::themes::{Genre, ThemeBasis, ThemeCoverage};
use gongwen_core::{ReportAnalysis, analyze_report};

use crate::seeds::{analyze_seed, seed_files};

/// The genre fixtures as (file name, analysis), in name order.
fn genre_fixtures() -> Vec<(String, ReportAnalysis)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/genres");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/genres/ is readable")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name != "README.md")
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(dir.join(&name)).expect("a fixture is readable");
            let analysis = analyze_report(&name, &bytes, crate::segmenter()).expect("a fixture reads");
            (name, analysis)
        })
        .collect()
}

/// The analysis of the genre fixture named `name`.
fn genre_fixture(name: &str) -> ReportAnalysis {
    genre_fixtures().into_iter().find(|(n, _)| n == name).map(|(_, a)| a).expect("the fixture exists")
}

/// Every analysis the theme tests look at: the seeds and the genre fixtures.
fn every_report() -> Vec<(String, ReportAnalysis)> {
    let seeds = seed_files().into_iter().map(|(name, bytes)| {
        let analysis = analyze_report(&name, &bytes, crate::segmenter()).expect("a seed reads");
        (name, analysis)
    });
    seeds.chain(genre_fixtures()).collect()
}

/// The heading whose title starts with `start`.
fn heading_index(analysis: &ReportAnalysis, start: &str) -> usize {
    analysis
        .outline
        .headings
        .iter()
        .position(|h| h.title.starts_with(start))
        .unwrap_or_else(|| panic!("heading {start}"))
}

#[test]
fn built_in_schemes_read_without_problems() {
    for genre in Genre::ALL {
        assert_eq!(built_in_scheme_problems(genre), Vec::<String>::new(), "{genre}");
        assert_eq!(Genre::from_name(genre.id()), Some(genre));
        assert_eq!(Genre::from_name(genre.label()), Some(genre));
    }
}

#[test]
fn each_report_is_given_its_genre() {
    let expected = [
        ("gov-work-report.txt", Genre::GovernmentWork),
        ("party-congress-report.txt", Genre::PartyCongress),
        ("personal-duty-report.txt", Genre::PartyBuilding),
        ("work-summary.md", Genre::WorkSummary),
    ];
    for (name, analysis) in every_report() {
        let genre = expected.iter().find(|(n, _)| *n == name).map_or(Genre::PartyBuilding, |(_, g)| *g);
        let detection = &analysis.themes.detection;
        assert_eq!(detection.genre, genre, "{name}: {detection:?}");
        assert!(!detection.evidence.is_empty(), "{name}: the genre comes with its cues");
        assert_eq!(analysis.themes.detected().scheme, genre);
    }
}

#[test]
fn a_text_without_cues_is_a_work_summary_with_no_evidence() {
    let analysis =
        analyze_report("plain.txt", "今天天气很好，我们去公园散步。".as_bytes(), crate::segmenter()).expect("reads");
    assert_eq!(analysis.themes.detection.genre, Genre::WorkSummary);
    assert!(analysis.themes.detection.evidence.is_empty());
    let coverage = analysis.themes.detected();
    assert_eq!(coverage.sections.len(), 1);
    assert_eq!(coverage.sections[0].basis, ThemeBasis::Fallback);
    assert_eq!(coverage.share_of("其他工作"), 1.0);
}

#[test]
fn a_government_report_is_not_read_as_party_building() {
    let analysis = genre_fixture("gov-work-report.txt");
    let coverage = analysis.themes.detected();
    assert!(coverage.party_building_share() < 0.30, "党的建设 {}", coverage.party_building_share());
    let headings = &analysis.outline.headings;
    for (start, theme) in
        [("2021年工作回顾", "经济发展"), ("切实保障和改善民生", "民生保障"), ("全面加强政府自身建设", "政府建设")]
    {
        let index = heading_index(&analysis, start);
        assert_eq!(coverage.dominant_theme_under(headings, index), Some(theme), "{start}");
    }
    // The review covers several fields: its sections are shared among them.
    let review = heading_index(&analysis, "2021年工作回顾");
    let mut review_themes: Vec<&str> = coverage
        .sections
        .iter()
        .filter(|s| s.heading.is_some_and(|h| h == review || headings[h].parent == Some(review)))
        .flat_map(|s| s.themes.iter().map(|p| p.theme.as_str()))
        .collect();
    review_themes.sort_unstable();
    review_themes.dedup();
    assert!(review_themes.len() >= 6, "{review_themes:?}");
}

#[test]
fn a_party_congress_report_has_its_army_section_and_party_building_part() {
    let analysis = genre_fixture("party-congress-report.txt");
    let coverage = analysis.themes.detected();
    let headings = &analysis.outline.headings;
    for (start, theme) in [
        ("加强党管武装", "国防和军队"),
        ("把党的政治建设摆在首位", "政治建设"),
        ("坚定不移推进反腐败斗争", "纪律建设和反腐败"),
        ("发展社会主义民主法治", "民主法治"),
    ] {
        let index = heading_index(&analysis, start);
        assert_eq!(coverage.dominant_theme_under(headings, index), Some(theme), "{start}");
    }
    assert!(coverage.share_of("作风建设") < 0.1, "作风建设 {}", coverage.share_of("作风建设"));
}

#[test]
fn seed_sections_are_attributed_to_the_themes_their_headings_name() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "004",
            &[
                ("坚持思想铸魂", "思想建设"),
                ("践行两个维护", "政治建设"),
                ("夯实战斗堡垒", "组织建设"),
                ("织密廉洁自律防线", "党风廉政/反腐败"),
            ],
        ),
        (
            "002",
            &[
                ("坚持政治建设首位首抓", "政治建设"),
                ("坚持思想铸魂", "思想建设"),
                ("深化基层组织和干部队伍建设", "组织建设"),
                ("强化阵地管理", "意识形态"),
            ],
        ),
        ("003", &[("扎实开展习近平", "思想建设"), ("加强基层党组织", "组织建设")]),
    ];
    for (seed, expected) in cases {
        let analysis = analyze_seed(seed);
        let coverage = analysis.themes.detected();
        for (title_start, theme) in *expected {
            let index = heading_index(&analysis, title_start);
            let found = coverage.dominant_theme_under(&analysis.outline.headings, index);
            assert_eq!(found, Some(*theme), "seed {seed}: {title_start}");
        }
    }
}

#[test]
fn a_seed_that_opens_with_political_building_has_a_political_share() {
    let analysis = analyze_seed("000");
    assert!(analysis.cleaned.text.contains("坚持以政治建设为统领"));
    assert!(analysis.themes.detected().share_of("政治建设") > 0.0);
}

/// The title block's characters, which no unit holds.
fn title_block_chars(analysis: &ReportAnalysis) -> usize {
    let outline = &analysis.outline;
    [&outline.title, &outline.subtitle, &outline.author, &outline.date]
        .into_iter()
        .flatten()
        .map(|line| line.text.chars().filter(|c| !c.is_whitespace()).count())
        .sum()
}

/// Checks that a coverage's units hold the report's text once and that its
/// themes add up, unit by unit and in total.
fn check_coverage_adds_up(name: &str, analysis: &ReportAnalysis, coverage: &ThemeCoverage) {
    let unit_chars: usize = coverage.sections.iter().map(|s| s.chars).sum();
    let body = analysis.chars - title_block_chars(analysis);
    assert!(unit_chars <= analysis.chars && unit_chars + 8 >= body, "{name}: units {unit_chars}, body {body}");
    for section in &coverage.sections {
        let sum: usize = section.themes.iter().map(|p| p.chars).sum();
        assert_eq!(sum, section.chars, "{name}: a unit's themes add up");
        assert!(section.themes.windows(2).all(|w| w[0].chars >= w[1].chars), "{name}: most first");
    }
    let total_chars: usize = coverage.totals.iter().map(|t| t.chars).sum();
    assert_eq!(total_chars, unit_chars, "{name}");
    let total_share: f64 = coverage.totals.iter().map(|t| t.share).sum();
    assert!((0.99..=1.01).contains(&total_share), "{name}: shares add up to {total_share}");
}

#[test]
fn every_scheme_attributes_all_of_every_report_once() {
    for (name, analysis) in every_report() {
        assert_eq!(analysis.themes.coverages.len(), Genre::ALL.len());
        for (genre, coverage) in Genre::ALL.into_iter().zip(&analysis.themes.coverages) {
            assert_eq!(coverage.scheme, genre);
            check_coverage_adds_up(&format!("{name} under {genre}"), &analysis, coverage);
        }
    }
}

/// A readable summary of a report's themes: its genre, the shares, and each
/// unit's themes.
fn render_themes(analysis: &ReportAnalysis) -> String {
    let themes = &analysis.themes;
    let coverage = themes.detected();
    let mut out = format!("genre: {}\n", themes.detection.genre);
    for hit in &themes.detection.evidence {
        let _ = writeln!(out, "  cue: {:?} {} ×{}", hit.place, hit.phrase, hit.count);
    }
    for share in coverage.totals.iter().filter(|s| s.chars > 0) {
        let _ = writeln!(out, "{:>6} {:>5.1}% {}", share.chars, share.share * 100.0, share.theme);
    }
    for section in &coverage.sections {
        let name = section.heading.map_or("（前言）".to_owned(), |i| {
            let heading = &analysis.outline.headings[i];
            format!("{}{}", heading.marker, heading.title.chars().take(16).collect::<String>())
        });
        let parts: Vec<String> = section.themes.iter().map(|p| format!("{} {}", p.theme, p.chars)).collect();
        let _ = writeln!(out, "{name} [{:?}, {:?}] {}", section.part, section.basis, parts.join("，"));
    }
    out
}

#[test]
fn themes_of_every_seed_and_genre_fixture() {
    for (name, analysis) in every_report() {
        let stem = name.split(['_', '.']).next().unwrap_or(&name).to_owned();
        insta::assert_snapshot!(format!("themes_{stem}"), render_themes(&analysis));
    }
}
