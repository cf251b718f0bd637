//! Cleaning: line endings, indentation and site marks, each removal reported.

use gongwen_core::clean::clean_text;
use gongwen_core::noise::NoiseKind;

/// Cleans `source` and compares the cleaned lines and the removals, rendered
/// as `line:column kind text`.
fn check(source: &str, expected_lines: &[&str], expected_removed: &[&str]) {
    let cleaned = clean_text(source);
    let lines: Vec<&str> = (0..cleaned.lines.len()).map(|index| cleaned.line_text(index)).collect();
    assert_eq!(lines, expected_lines);
    let removed: Vec<String> = cleaned
        .removed
        .iter()
        .map(|noise| format!("{}:{} {:?} {}", noise.line, noise.column, noise.kind, noise.text))
        .collect();
    assert_eq!(removed, expected_removed);
    for (index, line) in cleaned.lines.iter().enumerate() {
        assert_eq!(line.source_line as usize, index + 1, "cleaning keeps line numbers");
    }
}

#[test]
fn line_endings_count_one_break_each() {
    check("甲\r\n乙\n丙\r丁", &["甲", "乙", "丙", "丁"], &[]);
    check("甲\r\n\r\n乙\r\n", &["甲", "", "乙", ""], &[]);
}

#[test]
fn full_width_indentation_and_space_only_lines_are_trimmed() {
    check("\u{3000}\u{3000}一、总体情况\n   \n\u{a0}正文 ", &["一、总体情况", "", "正文"], &[]);
}

#[test]
fn site_marks_are_removed_and_reported_with_positions() {
    check(
        "党中央的决策部署上##paidbegin##来。\n提醒廉洁过节。^【更多素^材尽在哒&哒~文*库】\n##paidend##",
        &["党中央的决策部署上来。", "提醒廉洁过节。", ""],
        &[
            "1:10 PaywallMarker ##paidbegin##",
            "2:8 SiteAdvert ^【更多素^材尽在哒&哒~文*库】",
            "3:1 PaywallMarker ##paidend##",
        ],
    );
}

#[test]
fn columns_count_the_original_indentation() {
    check("\u{3000}\u{3000}甲##paidend##", &["甲"], &["1:4 PaywallMarker ##paidend##"]);
}

#[test]
fn ordinary_brackets_and_hashes_are_kept() {
    check("【典型案例】某局做法\n#标签 ##", &["【典型案例】某局做法", "#标签 ##"], &[]);
}

#[test]
fn invisible_characters_are_removed() {
    let cleaned = clean_text("两个\u{200B}维护");
    assert_eq!(cleaned.text, "两个维护");
    assert_eq!(cleaned.removed[0].kind, NoiseKind::InvisibleCharacter);
    assert_eq!(cleaned.removed[0].column, 3);
}
