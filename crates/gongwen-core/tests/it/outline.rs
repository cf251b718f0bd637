//! Outline extraction: the heading grammar of DOMAIN.md §2 on small inline
//! fixtures, and the worked example of seed 002.

use gongwen_core::clean::clean_text;
use gongwen_core::outline::{Outline, extract_outline};

fn outline_of(source: &str) -> Outline {
    extract_outline(&clean_text(source))
}

/// Renders each heading as `L<line> <kind> <level> <marker>|<title>` and
/// compares with `expected`.
fn check(source: &str, expected: &[&str]) {
    let outline = outline_of(source);
    let actual: Vec<String> = outline
        .headings
        .iter()
        .map(|h| format!("L{} {} {} {}|{}", h.line, h.kind.label(), h.level, h.marker, h.title))
        .collect();
    assert_eq!(actual, expected, "outline of:\n{source}");
}

#[test]
fn seed_002_gives_the_worked_example_of_domain_md() {
    let analysis = crate::seeds::analyze_seed("002");
    let rows: Vec<String> = analysis
        .outline
        .headings
        .iter()
        .map(|h| format!("L{} kind={} {} {} level {}", h.line, h.kind.label(), h.marker, h.title, h.level))
        .collect();
    let expected = [
        "L2 kind=chinese 一、 坚持政治建设首位首抓，聚焦“两个维护”落实主体责任 level 1",
        "L3 kind=enumeration 一是 夯实工作基础，进一步健全党建工作机制 level 2",
        "L3 kind=enumeration 二是 加强政治监督，确保政令畅通、令行禁止 level 2",
        "L3 kind=enumeration 三是 加强理想信念教育，严守政治纪律和政治规矩 level 2",
        "L4 kind=chinese 二、 坚持思想铸魂，扎实开展习近平新时代中国特色社会主义思想主题教育 level 1",
        "L5 kind=paren_chinese （一） 坚持思想建党，深入开展主题教育 level 2",
        "L6 kind=paren_chinese （二） 强化阵地管理，严格落实意识形态工作责任制 level 2",
        "L7 kind=chinese 三、 深化基层组织和干部队伍建设，夯实基层战斗堡垒 level 1",
        "L8 kind=paren_chinese （一） 强化基层组织建设 level 2",
        "L9 kind=paren_chinese （二） 持续激励干部担当作为 level 2",
        "L10 kind=paren_chinese （三） 丰富干部锻炼培训平台 level 2",
        "L11 kind=chinese 四、 深化正风肃纪，坚定不移推进全面从严治党 level 1",
        "L12 kind=paren_chinese （一） 持之以恒加强作风建设 level 2",
        "L13 kind=paren_chinese （二） 严格强化监督执纪问责 level 2",
        "L14 kind=paren_chinese （三） 涵养风清气正良好生态 level 2",
        "L15 kind=closing  回顾过去一年，在市委的坚强领导和各部门的权力支持下，局党建工作取得了一定成效 level 1",
        "L15 kind=enumeration 一是 持续加强政治机关建设 level 2",
        "L15 kind=enumeration 二是 不断改进和完善党建工作机制 level 2",
        "L15 kind=enumeration 三是 坚持不懈改进作风 level 2",
    ];
    assert_eq!(rows, expected);
    // The closing part is a top-level node, not a child of the last （三）.
    let closing = &analysis.outline.headings[15];
    assert_eq!(closing.parent, None);
    assert_eq!(analysis.outline.headings[16].parent, Some(15));
}

#[test]
fn levels_are_tree_depths_with_skipped_levels() {
    check(
        "一、甲\n一是乙。正文\n二、丙\n（一）丁。正文\n1.戊\n（1）己\n①庚\n",
        &[
            "L1 chinese 1 一、|甲",
            "L2 enumeration 2 一是|乙",
            "L3 chinese 1 二、|丙",
            "L4 paren_chinese 2 （一）|丁",
            "L5 arabic 3 1.|戊",
            "L6 paren_arabic 4 （1）|己",
            "L7 circled 5 ①|庚",
        ],
    );
}

#[test]
fn run_on_headings_end_at_the_first_full_stop() {
    check("（一） 组织推动有力有效。坚持把学习，一体推进。\n", &["L1 paren_chinese 1 （一）|组织推动有力有效"]);
    let outline = outline_of("（一）突出思想引领。把学习贯彻\n（二）单独一行\n");
    assert!(outline.headings[0].inline);
    assert!(!outline.headings[1].inline);
}

#[test]
fn points_start_a_paragraph_or_follow_a_sentence_end() {
    check(
        "（二）加强政治建设。一是坚决做到“两个维护”。统一是前提；二是严肃政治生活：三是严守纪律\n",
        &[
            "L1 paren_chinese 1 （二）|加强政治建设",
            "L1 enumeration 2 一是|坚决做到“两个维护”",
            "L1 enumeration 2 二是|严肃政治生活：三是严守纪律",
        ],
    );
    check("唯一是我们的目标。\n", &[]);
    check(
        "第一，加强学习。第二，强化监督。\n",
        &["L1 enumeration 1 第一，|加强学习", "L1 enumeration 1 第二，|强化监督"],
    );
}

#[test]
fn ordinal_words_count_only_as_a_sequence() {
    check(
        "一、甲\n首先，抓学习。其次，抓落实。最后，抓监督。\n",
        &[
            "L1 chinese 1 一、|甲",
            "L2 enumeration 2 首先，|抓学习",
            "L2 enumeration 2 其次，|抓落实",
            "L2 enumeration 2 最后，|抓监督",
        ],
    );
    check("一、甲\n最后，感谢大家。\n", &["L1 chinese 1 一、|甲"]);
}

#[test]
fn traps_are_not_headings() {
    check("一、二季度经济运行平稳。\n1.5万名党员参加学习。\n各位代表：\n", &[]);
}

#[test]
fn crlf_sources_keep_editor_line_numbers() {
    check("\r\n标题\r\n一、甲\r\n（一）乙\r\n", &["L3 chinese 1 一、|甲", "L4 paren_chinese 2 （一）|乙"]);
}

#[test]
fn title_line_and_preamble() {
    let source = "\n2023年度述职报告\n2023年，我局坚持……。现将有关情况报告如下：\n一、主要工作\n";
    let cleaned = clean_text(source);
    let outline = extract_outline(&cleaned);
    let title = outline.title.expect("a title");
    assert_eq!((title.text.as_str(), title.line), ("2023年度述职报告", 2));
    let preamble = outline.preamble.expect("a preamble");
    assert!(preamble.slice(&cleaned.text).starts_with("2023年，我局坚持"));
    // A long first paragraph is a preamble, not a title.
    assert!(outline_of("2023年，在市委的正确领导下，我坚持……。\n一、甲\n").title.is_none());
}

#[test]
fn closing_paragraph_after_the_last_section() {
    check(
        "一、甲\n（一）乙。正文。\n回顾一年，取得成效。下一步：一是继续。二是加强。\n",
        &[
            "L1 chinese 1 一、|甲",
            "L2 paren_chinese 2 （一）|乙",
            "L3 closing 1 |回顾一年，取得成效",
            "L3 enumeration 2 一是|继续",
            "L3 enumeration 2 二是|加强",
        ],
    );
    // Under a plans heading, the last paragraph is that section's body.
    check(
        "一、成效\n二、下一步工作打算\n回顾一年，下一步将继续努力。\n",
        &["L1 chinese 1 一、|成效", "L2 chinese 1 二、|下一步工作打算"],
    );
    // A heading alone on its line owns the paragraph after it.
    check("一、甲\n（三）乙\n回顾一年，正文。\n", &["L1 chinese 1 一、|甲", "L2 paren_chinese 2 （三）|乙"]);
}

#[test]
fn sections_run_to_the_next_heading_that_is_not_a_descendant() {
    let cleaned = clean_text("一、甲\n（一）乙\n正文\n二、丙\n正文二");
    let outline = extract_outline(&cleaned);
    let section = |index: usize| outline.headings[index].section.slice(&cleaned.text).to_owned();
    assert_eq!(section(0), "一、甲\n（一）乙\n正文");
    assert_eq!(section(1), "（一）乙\n正文");
    assert_eq!(section(2), "二、丙\n正文二");
}

#[test]
fn markdown_headings() {
    check("# 总结\n## 一、版本发布\n正文\n", &["L1 markdown 1 #|总结", "L2 markdown 2 ##|一、版本发布"]);
}

#[test]
fn no_headings_is_a_diagnostic_not_a_failure() {
    let outline = outline_of("只是一段话。");
    assert!(outline.headings.is_empty());
    assert_eq!(outline.diagnostics[0].code, "no-headings");
}

#[test]
fn decimal_numbering_nests_by_depth() {
    check(
        "一、总体\n1.1 发布\n1.1.1 测试\n1.2 质量\n1.5万个缺陷已修复。\n",
        &["L1 chinese 1 一、|总体", "L2 decimal 2 1.1|发布", "L3 decimal 3 1.1.1|测试", "L4 decimal 2 1.2|质量"],
    );
}

#[test]
fn title_block_lines_are_not_headings() {
    let outline =
        outline_of("关于2023年工作的报告\n——在全局干部大会上\n局长　张某\n（2024年1月5日）\n同志们：\n一、工作回顾\n");
    assert_eq!(outline.title.map(|t| t.text), Some("关于2023年工作的报告".to_owned()));
    assert_eq!(outline.subtitle.map(|t| t.line), Some(2));
    assert_eq!(outline.author.map(|t| t.text), Some("局长　张某".to_owned()));
    assert_eq!(outline.date.map(|t| t.line), Some(4));
    let titles: Vec<&str> = outline.headings.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles, ["工作回顾"]);
}

#[test]
fn table_of_contents_entries_are_not_headings() {
    check(
        "报告\n目录\n一、成效……1\n二、问题\n一、成效\n正文。\n二、问题\n正文。\n",
        &["L5 chinese 1 一、|成效", "L7 chinese 1 二、|问题"],
    );
}

#[test]
fn problems_paragraph_without_a_heading_is_its_own_part() {
    check(
        "一、成效\n（一）甲。正文。\n同时也要看到，工作中还存在一些问题：一是乙；二是丙。\n",
        &[
            "L1 chinese 1 一、|成效",
            "L2 paren_chinese 2 （一）|甲",
            "L3 problems 1 |同时也要看到，工作中还存在一些问题",
            "L3 enumeration 2 一是|乙",
            "L3 enumeration 2 二是|丙",
        ],
    );
    // A report with a problems heading keeps such a paragraph as that section's body.
    check(
        "一、成效\n二、存在的问题\n同时也要看到，还存在一些问题。\n",
        &["L1 chinese 1 一、|成效", "L2 chinese 1 二、|存在的问题"],
    );
}

#[test]
fn a_point_before_its_sequence_is_recovered() {
    check(
        "一、甲\n今后，我们将一是深化改革；二是扩大开放。\n",
        &["L1 chinese 1 一、|甲", "L2 enumeration 2 一是|深化改革", "L2 enumeration 2 二是|扩大开放"],
    );
    // But not inside a larger numeral: 十一是 does not supply 一是.
    check("甲\n其中十一是其他；二是乙。\n", &["L2 enumeration 1 二是|乙"]);
}

/// The diagnostics of an outline as `L<line> <code>`.
fn diagnostics_of(source: &str) -> Vec<String> {
    outline_of(source).diagnostics.iter().map(|d| format!("L{} {}", d.line.unwrap_or(0), d.code)).collect()
}

#[test]
fn numbering_flaws_are_diagnosed_on_their_headings() {
    assert_eq!(
        diagnostics_of("一、甲\n（一）乙\n（三）丙\n二、丁\n二、戊\n（一）己\n（二）辛\n（一）庚\n"),
        ["L3 numbering-gap", "L5 numbering-repeat", "L8 numbering-restart"]
    );
    assert_eq!(diagnostics_of("一、甲\n（一）乙\n(二)丙\n（三)丁\n"), ["L3 bracket-width", "L4 bracket-width"]);
    assert_eq!(diagnostics_of("二、甲\n三、乙\n"), ["L1 numbering-start"]);
    assert_eq!(diagnostics_of("一、甲\n三是乙。\n"), ["L2 numbering-start"]);
    let outline = outline_of("一、甲\n（一）乙\n（三）丙\n");
    assert_eq!(outline.diagnostics[0].heading, Some(2));
}

#[test]
fn markup_headings_rank_by_depth_and_align_plain_numbered_ones() {
    let cleaned = gongwen_core::clean::clean_document(
        "<h2>一、甲</h2><p>（一）乙。正文</p><p><strong>二、丙</strong></p><h3>表格</h3>",
        gongwen_core::source::SourceFormat::Html,
    );
    let outline = extract_outline(&cleaned);
    let rows: Vec<String> =
        outline.headings.iter().map(|h| format!("{} {} {}{}", h.kind.label(), h.level, h.marker, h.title)).collect();
    assert_eq!(rows, ["chinese 1 一、甲", "paren_chinese 2 （一）乙", "chinese 1 二、丙", "markdown 2 ###表格"]);
}

#[test]
fn bold_captions_are_not_headings() {
    let cleaned = gongwen_core::clean::clean_document(
        "一、总体情况\n\n**表1　主要指标**\n\n**工作亮点**\n",
        gongwen_core::source::SourceFormat::Markdown,
    );
    let titles: Vec<String> = extract_outline(&cleaned).headings.iter().map(|h| h.title.clone()).collect();
    assert_eq!(titles, ["总体情况", "工作亮点"]);
}

#[test]
fn sections_count_characters_and_points() {
    let outline = outline_of("一、甲\n一是乙。二是丙。\n二、丁\n");
    assert_eq!((outline.headings[0].chars, outline.headings[0].points), (11, 2));
    assert_eq!((outline.headings[3].chars, outline.headings[3].points), (3, 0));
}
