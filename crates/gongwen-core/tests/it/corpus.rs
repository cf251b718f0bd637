//! The outline test corpus in `tests/corpus/`: documents of the genre in every
//! form users drop them (web pages, Markdown, CRLF text with full-width
//! indentation, speeches, government work reports …). Each readable outline
//! is a snapshot that was checked by eye against its text.

use std::path::PathBuf;

use gongwen_core::render::render_outline;
use gongwen_core::{ReportAnalysis, analyze_report};

/// The corpus files as (file name, bytes), in name order.
pub fn corpus_files() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("tests/corpus/ is readable")
        .map(|entry| entry.expect("a corpus entry").path())
        .map(|path| {
            let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            (name, std::fs::read(&path).expect("a corpus file is readable"))
        })
        .collect();
    files.sort();
    assert!(files.len() >= 12, "the corpus holds at least 12 documents");
    files
}

/// The analysis of the corpus file whose name starts with `prefix`.
pub fn analyze_corpus_file(prefix: &str) -> ReportAnalysis {
    let (name, bytes) =
        corpus_files().into_iter().find(|(name, _)| name.starts_with(prefix)).expect("the corpus file exists");
    analyze_report(&name, &bytes, crate::segmenter()).expect("a corpus file decodes")
}

#[test]
fn readable_outline_of_every_corpus_document() {
    for (name, bytes) in corpus_files() {
        let analysis = analyze_report(&name, &bytes, crate::segmenter()).expect("a corpus file decodes");
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem);
        insta::assert_snapshot!(format!("corpus_{stem}"), render_outline(analysis.reading()));
    }
}

/// The text of a source line with tags removed and entities decoded, as a
/// reader of the source file sees it.
fn visible_text(line: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in line.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    gongwen_core::source::html::decode_entities(&text).chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn headings_of_html_and_markdown_files_point_at_their_source_lines() {
    for (name, bytes) in corpus_files() {
        let analysis = analyze_report(&name, &bytes, crate::segmenter()).expect("decodes");
        let source = String::from_utf8(bytes).expect("the corpus is UTF-8");
        let lines: Vec<&str> = gongwen_core::source::split_lines(&source).collect();
        for heading in &analysis.outline.headings {
            // A title may wrap onto the next source lines of an HTML paragraph,
            // but it starts on the heading's line.
            let at = heading.line as usize - 1;
            let first_line = visible_text(lines[at]);
            let wrapped: String = lines[at..(at + 3).min(lines.len())].iter().map(|l| visible_text(l)).collect();
            let title: String = heading.title.chars().filter(|c| !c.is_whitespace()).collect();
            let start: String = if heading.marker.starts_with(['#', '*']) || heading.marker.is_empty() {
                title.chars().take(2).collect()
            } else {
                heading.marker.chars().filter(|c| !c.is_whitespace()).collect()
            };
            assert!(first_line.contains(&start), "{name} L{}: {start:?} not in {first_line:?}", heading.line);
            assert!(wrapped.contains(&title), "{name} L{}: {:?} not in {wrapped:?}", heading.line, heading.title);
        }
    }
}

#[test]
fn html_pages_lose_their_site_chrome() {
    let analysis = analyze_corpus_file("01");
    let text = &analysis.cleaned.text;
    for chrome in ["首页", "当前位置", "分享到", "相关文章", "版权所有", "不应出现", "发布时间"]
    {
        assert!(!text.contains(chrome), "{chrome} was kept");
    }
    assert!(text.contains("“两个维护”"), "entities are decoded");
    // A paragraph wrapped over three source lines is one line, without spaces
    // between Chinese characters.
    let closing = analysis.outline.headings.iter().find(|h| h.title.starts_with("回顾")).expect("closing");
    let paragraph = analysis.cleaned.line_text(analysis.cleaned.line_index_at(closing.title_range.start));
    assert!(paragraph.contains("一是持续加强政治机关建设") && !paragraph.contains(' '));
}

#[test]
fn markdown_front_matter_gives_the_title_and_is_reported() {
    let analysis = analyze_corpus_file("02");
    let title = analysis.outline.title.expect("a title");
    assert_eq!((title.text.as_str(), title.line), ("2023年度局党组书记抓基层党建工作述职报告", 2));
    let removed: Vec<&str> = analysis.cleaned.removed.iter().map(|noise| noise.text.as_str()).collect();
    assert_eq!(removed, ["author: 局党组书记", "date: 2024-01-10", "tags: [述职, 党建]"]);
}

#[test]
fn the_content_decides_the_reader_not_the_extension() {
    use gongwen_core::source::SourceFormat;
    let check = |prefix: &str, expected: SourceFormat| {
        let analysis = analyze_corpus_file(prefix);
        assert_eq!(analysis.format, expected, "{prefix}");
    };
    // A scraped page saved as .txt, wrapped in the scraper's [ … ].
    check("15_", SourceFormat::Html);
    // Markdown saved as .txt.
    check("16_", SourceFormat::Markdown);
    // A plain report with `#3号楼` and `满意度<90%` stays plain.
    check("17_", SourceFormat::PlainText);
    // Markdown with HTML blocks stays Markdown.
    check("03_", SourceFormat::Markdown);
}

#[test]
fn salutations_in_any_markup_are_reported_and_take_no_heading_rank() {
    use gongwen_core::noise::NoiseKind;
    for prefix in ["15_", "18_", "19_"] {
        let analysis = analyze_corpus_file(prefix);
        let salutations: Vec<&str> = analysis
            .cleaned
            .removed
            .iter()
            .filter(|noise| noise.kind == NoiseKind::Salutation)
            .map(|noise| noise.text.as_str())
            .collect();
        assert!(!salutations.is_empty(), "{prefix}: no salutation reported");
        let first = &analysis.outline.headings[0];
        assert_eq!((first.marker.as_str(), first.level), ("一、", 1), "{prefix}: 一、 is a top-level heading");
        assert!(
            analysis.outline.headings.iter().all(|h| !h.title.starts_with("各位") && !h.title.starts_with("同志们"))
        );
    }
}

#[test]
fn markdown_tables_emphasis_images_and_placeholders_are_read_not_shown() {
    let analysis = analyze_corpus_file("20_");
    let text = &analysis.cleaned.text;
    for raw in ["**", "~~", "](", "![", "<!--", "| ---", "`"] {
        assert!(!text.contains(raw), "{raw} is shown raw in:\n{text}");
    }
    assert!(text.contains("统一身份认证\t320\t100%"), "a table row is its cells in order");
    assert!(!text.contains("项目进度图"), "an image leaves no text");
    for placeholder in ["XXX", "××××", "XX"] {
        assert!(analysis.words.index_of(placeholder).is_none(), "{placeholder} is counted as a word");
    }
}

#[test]
fn markdown_lists_are_points_and_contents_lists_are_removed() {
    use gongwen_core::noise::NoiseKind;
    let analysis = analyze_corpus_file("20_");
    let titles: Vec<&str> = analysis.outline.headings.iter().map(|heading| heading.title.as_str()).collect();
    assert_eq!(titles, ["项目交付", "总体情况", "重点项目", "运维保障", "存在的不足"]);
    let bold = &analysis.outline.headings[2];
    assert_eq!((bold.kind.label(), bold.marker.as_str()), ("bold", ""), "a bold-only line has no ** marker");
    let contents = analysis.cleaned.removed.iter().filter(|noise| noise.kind == NoiseKind::TableOfContents).count();
    assert_eq!(contents, 6, "the caption and five entries of the contents are removed");
    // No numbering diagnostics from the contents: 一、 二、 三、 are complete.
    assert!(analysis.outline.diagnostics.is_empty(), "{:?}", analysis.outline.diagnostics);
}

#[test]
fn the_marker_hierarchy_decides_levels_when_the_markup_contradicts_it() {
    for prefix in ["23_", "24_"] {
        let analysis = analyze_corpus_file(prefix);
        for heading in &analysis.outline.headings {
            let expected = if heading.marker.starts_with('（') { 2 } else { 1 };
            assert_eq!(heading.level, expected, "{prefix}: {}{}", heading.marker, heading.title);
        }
    }
}

#[test]
fn a_numbered_line_standing_as_a_heading_stays_one_beside_real_lists() {
    let analysis = analyze_corpus_file("26_");
    let headings: Vec<(&str, &str)> =
        analysis.outline.headings.iter().map(|heading| (heading.marker.as_str(), heading.title.as_str())).collect();
    assert_eq!(headings, [("1.", "项目交付"), ("2.", "运维保障"), ("3.", "下一步计划")]);
}
