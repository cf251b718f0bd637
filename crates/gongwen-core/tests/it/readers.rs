//! Readers: each seed in every format gives the outline of its plain-text
//! copy; Word's automatic numbering renders as Word shows it; hostile files
//! get their message and cost little. Fixtures live in `tests/fixtures/`,
//! made by the `make.py` script beside them.

use std::fmt::Write as _;
use std::path::PathBuf;

use gongwen_core::ReadLimits;
use gongwen_core::noise::NoiseKind;
use gongwen_core::source::archive::unpack_reports;
use gongwen_core::source::pdf_text::PdfPage;
use gongwen_core::source::{LineHint, LineUnit, SourceDocument, read_source};
use gongwen_core::{ReportAnalysis, analyze_pdf_report, analyze_report};

use crate::seeds::seed_files;
use crate::segmenter;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(path)).unwrap_or_else(|error| panic!("fixture {path}: {error}"))
}

fn read(path: &str) -> SourceDocument {
    read_source(path, &fixture(path), &ReadLimits::default()).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn analyze(name: &str, bytes: &[u8]) -> ReportAnalysis {
    analyze_report(name, bytes, segmenter()).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// `(level, marker, title)` of every heading.
fn headings(analysis: &ReportAnalysis) -> Vec<(u32, String, String)> {
    analysis.outline.headings.iter().map(|h| (h.level, h.marker.clone(), h.title.clone())).collect()
}

/// Characters of text, whitespace not counted.
fn text_chars(analysis: &ReportAnalysis) -> usize {
    analysis.chars
}

#[test]
fn word_numbering_formats_render_as_word_shows_them() {
    let document = read("formats/numbering-formats.docx");
    let expected = String::from_utf8(fixture("formats/numbering-formats.expected.txt")).expect("UTF-8");
    let actual: Vec<&str> = document.lines.iter().map(|line| line.text.as_str()).collect();
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(actual, expected);
}

#[test]
fn docx_features_keep_what_a_reader_sees() {
    let document = read("formats/features.docx");
    let text: String = document.lines.iter().map(|line| line.text.as_str()).collect::<Vec<_>>().join("\n");
    let expected = String::from_utf8(fixture("formats/features.expected.txt")).expect("UTF-8");
    // The oracle has one cell per line; the reader gives a table row per
    // line. The text, whitespace aside, is the same.
    let squeeze = |text: &str| text.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(squeeze(&text), squeeze(&expected));
    assert!(text.contains("指标\t2022年\t2023年"), "a table row is one line, cells in order: {text}");
    assert_eq!(text.matches("文本框内容").count(), 1, "the text box is read once, not again from its fallback");
    assert_eq!(document.lines[0].hint, LineHint::Title, "Word's title style gives the title");
}

/// The formats every seed comes in, besides its .txt.
const FORMATS: &[&str] = &["marked.docx", "autonum.docx", "doc", "gbk.txt", "md", "html"];

#[test]
fn each_seed_in_every_format_gives_the_outline_of_its_txt() {
    let mut table = String::from("seed  ");
    for format in FORMATS {
        let _ = write!(table, "| {format:<12} ");
    }
    table.push('\n');
    let mut failures = Vec::new();
    for (name, bytes) in seed_files() {
        let seed = &name[..3];
        let plain = analyze(&name, &bytes);
        let _ = write!(table, "{seed}   ");
        for format in FORMATS {
            let path = format!("formats/{seed}.{format}");
            let copy = analyze(&path, &fixture(&path));
            let same_headings = headings(&copy) == headings(&plain);
            let (a, b) = (text_chars(&copy) as f64, text_chars(&plain) as f64);
            let within = (a - b).abs() <= b * 0.01;
            let cell = match (same_headings, within) {
                (true, true) => "same".to_owned(),
                (false, _) => format!("{} headings", copy.outline.headings.len()),
                (true, false) => format!("{:+.1}% text", (a - b) / b * 100.0),
            };
            if cell != "same" {
                failures.push(format!("{path}: {cell}"));
            }
            let _ = write!(table, "| {cell:<12} ");
        }
        table.push('\n');
    }
    insta::assert_snapshot!("round_trip", table);
    assert!(failures.is_empty(), "{failures:?}");
}

/// Reads a PDF fixture from the text items pdf.js extracted from it
/// (`NNN.pdf.items.json`, made by `tests/fixtures/formats/pdf_items.mjs`),
/// then analyses it as the page does.
fn analyze_pdf_items(path: &str) -> ReportAnalysis {
    let pages: Vec<PdfPage> = serde_json::from_slice(&fixture(&format!("{path}.items.json"))).expect("items JSON");
    analyze_pdf_report(path, &pages, pages.len(), segmenter(), &ReadLimits::default())
        .unwrap_or_else(|error| panic!("{path}: {error}"))
}

#[test]
fn each_seed_printed_to_pdf_gives_the_outline_of_its_txt() {
    let mut failures = Vec::new();
    for (name, bytes) in seed_files() {
        let seed = &name[..3];
        let plain = analyze(&name, &bytes);
        let copy = analyze_pdf_items(&format!("formats/{seed}.pdf"));
        let (a, b) = (copy.chars as f64, plain.chars as f64);
        if headings(&copy) != headings(&plain) {
            failures.push(format!("{seed}: {:?}", headings(&copy).iter().map(|h| h.2.clone()).collect::<Vec<_>>()));
        }
        if (a - b).abs() > b * 0.01 {
            failures.push(format!("{seed}: {a} chars against {b}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_paged_pdf_loses_its_running_header_and_page_numbers() {
    let (name, bytes) = seed_files().into_iter().nth(2).expect("seed 002");
    let plain = analyze(&name, &bytes);
    let paged = analyze_pdf_items("formats/002.paged.pdf");
    assert_eq!(headings(&paged), headings(&plain));
    let removed: Vec<(NoiseKind, &str)> =
        paged.cleaned.removed.iter().map(|noise| (noise.kind, noise.text.as_str())).collect();
    let pages = removed.iter().filter(|(kind, _)| *kind == NoiseKind::PageNumber).count();
    let headers =
        removed.iter().filter(|(kind, text)| *kind == NoiseKind::RunningHeader && *text == "××市××局文件").count();
    assert_eq!((pages, headers), (7, 7), "{removed:?}");
    assert!(!paged.cleaned.text.contains("××市××局文件"));
    let first = &paged.outline.headings[0];
    assert_eq!(paged.unit.describe(first.line), "第 1 页第 11 行", "the header is line 1, the preamble lines 2–10");
}

#[test]
fn a_pdf_over_the_page_limit_is_read_up_to_it_and_says_so() {
    let pages: Vec<PdfPage> = serde_json::from_slice(&fixture("formats/002.paged.pdf.items.json")).expect("items");
    let limits = ReadLimits { max_pdf_pages: 2, ..ReadLimits::default() };
    let analysis = analyze_pdf_report("long.pdf", &pages, pages.len(), segmenter(), &limits).expect("read");
    assert!(analysis.notes.iter().any(|note| note.code == "pdf-pages-truncated"), "{:?}", analysis.notes);
    let LineUnit::PageLine { page_starts } = &analysis.unit else { panic!("{:?}", analysis.unit) };
    assert_eq!(page_starts.len(), 2);
}

#[test]
fn a_pdf_without_text_is_a_scan() {
    let pages = vec![PdfPage { width: 595.0, height: 842.0, items: Vec::new() }; 2];
    let error =
        analyze_pdf_report("scan.pdf", &pages, pages.len(), segmenter(), &ReadLimits::default()).expect_err("no text");
    assert!(error.to_string().starts_with("PDF 没有文字层"), "{error}");
}

#[test]
fn headings_given_only_as_word_styles_keep_their_levels_and_titles() {
    for (name, _) in seed_files() {
        let seed = &name[..3];
        let path = format!("formats/{seed}.styles.docx");
        let copy = analyze(&path, &fixture(&path));
        // The same document as text, one paragraph a line, without markers.
        let expected_text = fixture(&format!("formats/{seed}.styles.expected.txt"));
        let expected_lines: Vec<String> =
            String::from_utf8(expected_text).expect("UTF-8").lines().map(str::to_owned).collect();
        let style_headings: Vec<(u32, &str)> = copy
            .outline
            .headings
            .iter()
            .filter(|heading| heading.marker.starts_with('#'))
            .map(|heading| (heading.level, heading.title.as_str()))
            .collect();
        assert!(!style_headings.is_empty(), "{path}: no style headings");
        for (level, title) in &style_headings {
            assert!(expected_lines.iter().any(|line| line.starts_with(title)), "{path}: {title} is a paragraph");
            assert!((1..=3).contains(level), "{path}: {title} at level {level}");
        }
    }
}

#[test]
fn odt_gives_the_outline_of_its_txt() {
    let (name, bytes) = seed_files().into_iter().nth(2).expect("seed 002");
    let odt = analyze("formats/002.odt", &fixture("formats/002.odt"));
    assert_eq!(odt.format, gongwen_core::source::SourceFormat::Odt);
    assert_eq!(headings(&odt), headings(&analyze(&name, &bytes)));
}

#[test]
fn doc_without_its_numbers_says_so() {
    let document = read("formats/002.autonum.doc");
    assert!(document.notes.iter().any(|note| note.code == "doc-numbering-missing"), "{:?}", document.notes);
    let wps = read("formats/002.wps");
    assert_eq!(wps.format, gongwen_core::source::SourceFormat::Doc);
}

/// What each hostile file gives: an analysis, or the start of its message.
const HOSTILE: &[(&str, Result<&str, &str>)] = &[
    ("zip-bomb.docx", Err("Word 文档（.docx）超出读取限制，已拒绝")),
    ("zip-bomb-overlap.docx", Err("Word 文档（.docx）超出读取限制，已拒绝")),
    ("zip-bomb-declared.docx", Err("Word 文档（.docx）超出读取限制，已拒绝")),
    ("zip-bomb-entries.zip", Err("ZIP 压缩包超出读取限制，已拒绝：压缩包内有 20000 个文件")),
    ("truncated.docx", Err("Word 文档（.docx）已损坏或不完整")),
    ("no-document-xml.docx", Err("Word 文档（.docx）已损坏或不完整：缺少正文部分 word/document.xml")),
    ("encrypted.pdf", Err("命令行和 JavaScript 接口不读取 PDF")),
    ("no-text.pdf", Err("命令行和 JavaScript 接口不读取 PDF")),
    ("renamed-binary.txt", Err("暂不支持读取PNG 图片")),
    ("empty.txt", Ok("")),
    ("invalid-utf8.txt", Err("无法识别文件编码")),
    ("utf16le-nobom.txt", Ok("utf-16le")),
    ("utf16be-nobom.txt", Ok("utf-16be")),
    ("deep-nesting.html", Ok("utf-8")),
    ("deep-nesting.docx", Err("Word 文档（.docx）超出读取限制，已拒绝：XML 元素嵌套超过 256 层")),
    ("xml-entities.docx", Ok("utf-8")),
    ("xxe.docx", Ok("utf-8")),
    ("fake.ofd", Err("暂不支持读取OFD 版式文件")),
    ("sheet.xlsx", Err("暂不支持读取Excel 表格（.xlsx）")),
    ("slides.pptx", Err("暂不支持读取PowerPoint 演示文稿（.pptx）")),
    ("picture.png", Err("暂不支持读取PNG 图片")),
    ("old.rtf", Err("暂不支持读取RTF 富文本（.rtf）")),
];

#[test]
fn hostile_files_get_their_message() {
    for (file, expected) in HOSTILE {
        let path = format!("hostile/{file}");
        let result = analyze_report(&path, &fixture(&path), segmenter());
        match (result, expected) {
            (Ok(analysis), Ok(encoding)) => {
                assert!(encoding.is_empty() || analysis.encoding.label() == *encoding, "{file}: {}", analysis.encoding)
            }
            (Err(error), Err(message)) => {
                assert!(error.to_string().starts_with(message), "{file}: {error}")
            }
            (Ok(_), Err(message)) => panic!("{file}: analysed, expected «{message}»"),
            (Err(error), Ok(_)) => panic!("{file}: {error}"),
        }
    }
}

#[test]
fn entities_declared_by_the_document_are_never_expanded() {
    for file in ["hostile/xml-entities.docx", "hostile/xxe.docx"] {
        let document = read(file);
        let text: usize = document.lines.iter().map(|line| line.text.len()).sum();
        assert!(text < 1_000, "{file}: {text} bytes of text");
    }
}

#[test]
fn a_zip_of_reports_unpacks_with_gbk_names_and_without_system_files() {
    let entries = unpack_reports(&fixture("hostile/reports.zip"), &ReadLimits::default()).expect("unpacks");
    let names: Vec<&str> = entries.iter().map(|entry| entry.path.as_str()).collect();
    assert!(names.iter().all(|name| !name.contains("__MACOSX") && !name.contains(".DS_Store")), "{names:?}");
    assert!(names.iter().any(|name| name.ends_with("述职报告.txt")), "a GBK-named entry decodes: {names:?}");
    for entry in &entries {
        let bytes = entry.content.as_ref().expect("every report unpacks");
        analyze(&entry.path, bytes);
    }
    let nested = unpack_reports(&fixture("hostile/nested.zip"), &ReadLimits::default()).expect("unpacks");
    assert!(nested.iter().all(|entry| entry.content.is_err()), "an inner archive is not opened");
}

#[test]
fn utf16le_without_bom_is_text_not_binary() {
    let analysis = analyze("hostile/utf16le-nobom.txt", &fixture("hostile/utf16le-nobom.txt"));
    let (seed_name, seed) = seed_files().into_iter().nth(1).expect("seed 001");
    assert_eq!(analysis.cleaned.text, analyze(&seed_name, &seed).cleaned.text);
}

#[test]
fn markdown_javascript_link_keeps_only_its_label() {
    let analysis = analyze("x.md", "点击[x](javascript:alert(1)) p 结束。".as_bytes());
    assert_eq!(analysis.cleaned.text, "点击x p 结束。");
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let limits = ReadLimits { max_file_bytes: 10, ..ReadLimits::default() };
    let error = read_source("big.txt", "一、超过十个字节的报告".as_bytes(), &limits).expect_err("too large");
    assert_eq!(error.to_string(), "文件大小 33 B 超过上限 10 B，未读取；请拆分后再试");
}

#[test]
fn the_fuzz_corpus_replays_without_a_panic() {
    use gongwen_core::clean::{clean_document, clean_text};
    use gongwen_core::decode::decode_bytes;
    use gongwen_core::outline::extract_outline;
    use gongwen_core::source::SourceFormat;
    use gongwen_core::source::doc::read_doc;
    use gongwen_core::source::docx::read_docx;

    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let limits = ReadLimits::default();
    let mut replayed = 0;
    for target in std::fs::read_dir(&corpus).expect("the fuzz corpus exists").flatten() {
        let target_name = target.file_name().to_string_lossy().into_owned();
        for input in std::fs::read_dir(target.path()).expect("a target's corpus").flatten() {
            let bytes = std::fs::read(input.path()).expect("a corpus input");
            let text = String::from_utf8_lossy(&bytes);
            // The same calls as fuzz/fuzz_targets/<target>.rs.
            match target_name.as_str() {
                "decode" => {
                    let _ = decode_bytes(&bytes);
                    let _ = read_source("input.txt", &bytes, &limits);
                }
                "docx" => drop(read_docx(&bytes, &limits)),
                "doc" => drop(read_doc(&bytes, &limits)),
                "zip" => drop(unpack_reports(&bytes, &ReadLimits { max_unpacked_bytes: 8 << 20, ..limits })),
                "html" => drop(extract_outline(&clean_document(&text, SourceFormat::Html))),
                "markdown" => drop(extract_outline(&clean_document(&text, SourceFormat::Markdown))),
                "outline" => drop(extract_outline(&clean_text(&text))),
                other => panic!("no replay for fuzz target {other}"),
            }
            replayed += 1;
        }
    }
    assert!(replayed >= 7, "only {replayed} corpus inputs");
}
