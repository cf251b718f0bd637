//! The CLI's one integration-test binary: the `--json` contracts checked field
//! by field on the seeds, readable output, and bad files.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn seed(prefix: &str) -> String {
    let mut names: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("seeds/ is readable")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    names.sort();
    let path = names
        .into_iter()
        .find(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with(prefix)))
        .expect("the seed exists");
    path.to_string_lossy().into_owned()
}

fn gongwen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gongwen")).args(args).output().expect("gongwen runs")
}

fn json_of(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn outline_json_contract_field_by_field() {
    let file = seed("002");
    let output = gongwen(&["outline", "--json", &file]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json = json_of(&output);
    let records = json.as_array().expect("an array");
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record["file"], Value::from(file.as_str()));
    assert_eq!(record["encoding"], "utf-8");
    assert_eq!(record["title"], Value::Null);
    let headings = record["headings"].as_array().expect("headings");
    assert_eq!(headings.len(), 19);
    let first = &headings[0];
    assert_eq!(first["level"], 1);
    assert_eq!(first["kind"], "chinese");
    assert_eq!(first["marker"], "一、");
    assert_eq!(first["number"], 1);
    assert_eq!(first["title"], "坚持政治建设首位首抓，聚焦“两个维护”落实主体责任");
    assert_eq!(first["line"], 2);
    assert_eq!(first["inline"], false);
    assert_eq!(first["parent"], Value::Null);
    assert_eq!(first["points"], 3);
    assert!(first["chars"].as_u64().expect("chars") > 500);
    assert_eq!(record["format"], "plain_text");
    let point = &headings[1];
    assert_eq!(
        (&point["kind"], &point["marker"], &point["number"], &point["line"], &point["inline"], &point["parent"]),
        (
            &Value::from("enumeration"),
            &Value::from("一是"),
            &Value::from(1),
            &Value::from(3),
            &Value::from(true),
            &Value::from(0)
        ),
    );
    let paren = &headings[5];
    assert_eq!(
        (&paren["kind"], &paren["marker"], &paren["level"]),
        (&Value::from("paren_chinese"), &Value::from("（一）"), &Value::from(2))
    );
    let closing = &headings[15];
    assert_eq!(closing["kind"], "closing");
    assert_eq!(closing["marker"], "");
    assert_eq!(closing["number"], Value::Null);
    assert_eq!(closing["parent"], Value::Null);
    assert_eq!(closing["line"], 15);
    for heading in headings {
        let keys: Vec<&str> = heading.as_object().expect("an object").keys().map(String::as_str).collect();
        for key in ["level", "kind", "marker", "number", "title", "line", "inline", "parent", "chars", "points"] {
            assert!(keys.contains(&key), "heading has {key}");
        }
        assert!(heading["level"].as_u64().expect("level is an int") >= 1);
    }
}

#[test]
fn outline_json_keeps_argument_order_and_reports_title_and_noise() {
    let files = [seed("003"), seed("000")];
    let output = gongwen(&["outline", "--json", &files[0], &files[1]]);
    let json = json_of(&output);
    assert_eq!(json[0]["file"], Value::from(files[0].as_str()));
    assert_eq!(json[1]["file"], Value::from(files[1].as_str()));
    assert_eq!(json[0]["title"], "2023年度党组书记抓基层党建工作述职报告");
    let noise = json[0]["noise"].as_array().expect("noise");
    assert_eq!(noise.len(), 3);
    assert_eq!(noise[0]["text"], "##paidbegin##");
    assert_eq!(noise[0]["line"], 4);
}

#[test]
fn words_json_contract() {
    let file = seed("001");
    let output = gongwen(&["words", "--json", "--top", "5", &file]);
    assert!(output.status.success());
    let json = json_of(&output);
    let record = &json[0];
    assert_eq!(record["file"], Value::from(file.as_str()));
    assert!(record["tokens"].as_u64().expect("tokens") > 500);
    let top = record["top"].as_array().expect("top");
    assert_eq!(top.len(), 5);
    let counts: Vec<u64> = top.iter().map(|entry| entry["count"].as_u64().expect("count")).collect();
    assert!(counts.windows(2).all(|pair| pair[0] >= pair[1]), "most frequent first");
    assert!(top.iter().all(|entry| entry["word"].is_string()));
    let default = json_of(&gongwen(&["words", "--json", &file]));
    assert_eq!(default[0]["top"].as_array().expect("top").len(), 100);
    // Alone, a file has no rest of the set to be distinctive against.
    assert_eq!(default[0]["distinctive"], Value::Array(Vec::new()));
    let formulations = record["formulations"].as_array().expect("formulations");
    let first = &formulations[0];
    assert!(first["term"].is_string() && first["category"].is_string() && first["count"].as_u64() > Some(0));
    assert!(formulations.iter().any(|f| f["term"] == "两个维护" && f["category"] == "formulation"));
}

#[test]
fn words_json_distinctive_words_compare_each_file_with_the_others() {
    let files: Vec<String> = ["000", "001", "002", "003", "004"].iter().map(|prefix| seed(prefix)).collect();
    let mut args = vec!["words", "--json", "--top", "10"];
    args.extend(files.iter().map(String::as_str));
    let json = json_of(&gongwen(&args));
    for record in json.as_array().expect("array") {
        let distinctive = record["distinctive"].as_array().expect("distinctive");
        assert!(!distinctive.is_empty() && distinctive.len() <= 10, "{}", record["file"]);
        let scores: Vec<f64> = distinctive.iter().map(|d| d["g2"].as_f64().expect("g2")).collect();
        assert!(scores.windows(2).all(|pair| pair[0] >= pair[1]), "highest G² first");
        assert!(distinctive.iter().all(|d| d["word"].is_string() && d["count"].as_u64() >= Some(2)));
        // Significant at p < 0.05, with the effect size beside it.
        assert!(scores.iter().all(|&g2| g2 >= 3.84), "{scores:?}");
        assert!(distinctive.iter().all(|d| d["log_ratio"].as_f64().is_some_and(|ratio| ratio > 0.0)));
        // The text count is at least the token count: it adds occurrences inside longer words.
        assert!(distinctive.iter().all(|d| d["text_count"].as_u64() >= d["count"].as_u64()));
    }
}

#[test]
fn kwic_json_contract() {
    let files = [seed("001"), seed("004")];
    let json = json_of(&gongwen(&["kwic", "--json", "--width", "5", "两个维护", &files[0], &files[1]]));
    let lines = json.as_array().expect("array");
    assert_eq!(lines.len(), 4);
    let first = &lines[0];
    assert_eq!(first["file"], Value::from(files[0].as_str()));
    assert_eq!(first["line"], 4);
    assert_eq!(first["match"], "两个维护");
    assert_eq!(first["left"], "坚决做到“");
    assert_eq!(first["right"], "”。牢固树");
    assert_eq!(first["section"], "一是坚决做到“两个维护”");
    for line in lines {
        for key in ["file", "line", "left", "match", "right", "section"] {
            assert!(line.get(key).is_some(), "kwic line has {key}");
        }
        assert!(line["left"].as_str().expect("left").chars().count() <= 5);
    }
    assert_eq!(lines[2]["file"], Value::from(files[1].as_str()));
}

#[test]
fn themes_json_contract() {
    let file = seed("004");
    let json = json_of(&gongwen(&["themes", "--json", &file]));
    let themes = json[0]["themes"].as_array().expect("themes");
    assert_eq!(json[0]["file"], Value::from(file.as_str()));
    let names: Vec<&str> = themes.iter().map(|t| t["theme"].as_str().expect("theme")).collect();
    assert_eq!(
        names,
        [
            "政治建设",
            "思想建设",
            "组织建设",
            "作风建设",
            "纪律建设",
            "党风廉政/反腐败",
            "制度建设",
            "意识形态",
            "业务工作"
        ]
    );
    let share_sum: f64 = themes.iter().map(|t| t["share"].as_f64().expect("share")).sum();
    assert!((0.99..=1.01).contains(&share_sum));
    assert!(themes.iter().all(|t| t["chars"].is_u64()));
    let integrity = themes.iter().find(|t| t["theme"] == "党风廉政/反腐败").expect("theme");
    assert!(integrity["chars"].as_u64() > Some(200), "section 四（一） is about 清廉文化");
    assert!(themes.iter().all(|t| t["party_building"].is_boolean()));
    assert_eq!(json[0]["scheme"], "党建述职");
    assert_eq!(json[0]["detected_genre"], "党建述职");
    assert!(!json[0]["genre_evidence"].as_array().expect("evidence").is_empty());
    let sections = json[0]["sections"].as_array().expect("sections");
    let section_chars: u64 = sections.iter().map(|s| s["chars"].as_u64().expect("chars")).sum();
    let theme_chars: u64 = themes.iter().map(|t| t["chars"].as_u64().expect("chars")).sum();
    assert_eq!(section_chars, theme_chars, "the sections hold every attributed character");
    let first_heading = sections.iter().find_map(|s| s["heading"].as_str()).expect("a heading");
    assert!(first_heading.starts_with("一、"), "{first_heading}");
}

#[test]
fn themes_follow_the_genre_or_the_chosen_scheme() {
    let fixture = |name: &str| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/genres")
            .join(name)
            .to_string_lossy()
            .into_owned()
    };
    let government = fixture("gov-work-report.txt");
    let json = json_of(&gongwen(&["themes", "--json", &government]));
    assert_eq!(json[0]["detected_genre"], "政府工作报告");
    assert_eq!(json[0]["scheme"], "政府工作报告");
    assert!(json[0]["party_building_share"].as_f64().expect("share") < 0.3);
    let names: Vec<&str> =
        json[0]["themes"].as_array().expect("themes").iter().filter_map(|t| t["theme"].as_str()).collect();
    assert!(names.contains(&"民生保障") && names.contains(&"生态环境"), "{names:?}");
    // One scheme for all files, by its ASCII or Chinese name.
    for scheme in ["party-building", "党建述职"] {
        let json = json_of(&gongwen(&["themes", "--json", "--scheme", scheme, &government]));
        assert_eq!(json[0]["scheme"], "党建述职");
        assert_eq!(json[0]["detected_genre"], "政府工作报告");
    }
    let text = String::from_utf8(gongwen(&["themes", &government]).stdout).expect("UTF-8");
    assert!(text.contains("体裁：政府工作报告（标题含「政府工作报告」"), "{text}");
    let unknown = gongwen(&["themes", "--scheme", "novel", &government]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown scheme novel"));
}

#[test]
fn bad_files_get_one_line_errors_and_the_rest_is_processed() {
    let dir = std::env::temp_dir().join(format!("gongwen-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let binary = dir.join("picture.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0").expect("write");
    let missing = dir.join("missing.txt");
    let good = seed("004");
    let binary_arg = binary.to_string_lossy().into_owned();
    let missing_arg = missing.to_string_lossy().into_owned();
    let output = gongwen(&["outline", "--json", &binary_arg, &good, &missing_arg]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].contains(&binary_arg) && lines[0].contains("PNG"), "{}", lines[0]);
    assert!(lines[1].contains(&missing_arg) && lines[1].contains("无法读取"), "{}", lines[1]);
    let json = json_of(&output);
    assert_eq!(json.as_array().expect("array").len(), 1);
    assert_eq!(json[0]["file"], Value::from(good.as_str()));
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn readable_outline_is_indented() {
    let output = gongwen(&["outline", &seed("002")]);
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    insta::assert_snapshot!(text.replace(&seeds_dir().to_string_lossy().into_owned(), "seeds"));
}

#[test]
fn gbk_files_report_their_encoding() {
    let dir = std::env::temp_dir().join(format!("gongwen-cli-gbk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let text = std::fs::read_to_string(seed("000")).expect("seed");
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let path = dir.join("gbk.txt");
    std::fs::write(&path, &gbk).expect("write");
    let path_arg = path.to_string_lossy().into_owned();
    let gbk_json = json_of(&gongwen(&["outline", "--json", &path_arg]));
    let utf8_json = json_of(&gongwen(&["outline", "--json", &seed("000")]));
    assert_eq!(gbk_json[0]["encoding"], "gb18030");
    assert_eq!(gbk_json[0]["headings"], utf8_json[0]["headings"]);
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn html_and_markdown_files_go_through_the_same_command() {
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let html = corpus.join("01_seed002_saved_page.html").to_string_lossy().into_owned();
    let markdown = corpus.join("02_seed000_front_matter.md").to_string_lossy().into_owned();
    let json = json_of(&gongwen(&["outline", "--json", &html, &markdown]));
    assert_eq!(json[0]["format"], "html");
    assert_eq!(json[0]["headings"].as_array().expect("headings").len(), 19);
    assert_eq!(json[1]["format"], "markdown");
    assert_eq!(json[1]["title"], "2023年度局党组书记抓基层党建工作述职报告");
}

#[test]
fn numbering_diagnostics_are_in_json_and_readable_output() {
    let flawed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/10_numbering_flaws.txt");
    let path = flawed.to_string_lossy().into_owned();
    let json = json_of(&gongwen(&["outline", "--json", &path]));
    let diagnostics = json[0]["diagnostics"].as_array().expect("diagnostics");
    let codes: Vec<&str> = diagnostics.iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.contains(&"numbering-gap") && codes.contains(&"numbering-repeat"), "{codes:?}");
    let gap = diagnostics.iter().find(|d| d["code"] == "numbering-gap").expect("a gap");
    assert_eq!(gap["line"], 7);
    let heading = gap["heading"].as_u64().expect("the gap names its heading") as usize;
    assert_eq!(json[0]["headings"][heading]["line"], 7);
    let text = String::from_utf8(gongwen(&["outline", &path]).stdout).expect("UTF-8");
    assert!(text.contains("⚠ 编号跳号：3 之后是 5，缺少 4"), "{text}");
}

fn fixture(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(path).to_string_lossy().into_owned()
}

#[test]
fn word_documents_and_archives_are_read_like_text() {
    let docx = fixture("formats/002.autonum.docx");
    let doc = fixture("formats/002.doc");
    let archive = fixture("hostile/reports.zip");
    let output = gongwen(&["outline", "--json", &docx, &doc, &archive]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json = json_of(&output);
    let records = json.as_array().expect("an array");
    assert_eq!(records[0]["format"], "docx");
    assert_eq!(records[0]["headings"][0]["marker"], "一、", "Word's automatic numbering is rendered");
    assert_eq!(records[1]["format"], "doc");
    assert_eq!(records[1]["encoding"], "utf-16le");
    assert_eq!(records[0]["headings"], records[1]["headings"]);
    let unpacked: Vec<&str> = records[2..].iter().filter_map(|record| record["file"].as_str()).collect();
    assert!(unpacked.iter().all(|name| name.starts_with(&format!("{archive}/"))), "{unpacked:?}");
    assert!(unpacked.len() >= 3, "{unpacked:?}");
}

#[test]
fn cli_refuses_devices_and_fifos_instead_of_reading_forever() {
    let fifo = std::env::temp_dir().join(format!("gongwen-fifo-{}", std::process::id()));
    let made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|status| status.success());
    let fifo_name = fifo.to_string_lossy().into_owned();
    let mut args = vec!["outline", "/dev/zero"];
    if made {
        args.push(&fifo_name);
    }
    let file = seed("000");
    args.push(&file);
    let output = gongwen(&args);
    let _ = std::fs::remove_file(&fifo);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("/dev/zero: 不是普通文件"), "{stderr}");
    assert_eq!(stderr.lines().count(), if made { 2 } else { 1 }, "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("文件："), "the seed is still analysed");
}

#[test]
fn file_names_with_newlines_and_bidi_overrides_are_escaped() {
    let folder = std::env::temp_dir().join(format!("gongwen-names-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    let broken = folder.join("a\nb.docx");
    let reversed = folder.join("name_rtl_\u{202E}txt.exe");
    std::fs::write(&broken, b"PK\x03\x04 not really a zip").expect("written");
    std::fs::write(&reversed, "一、加强学习\n全年召开党组会65次。\n").expect("written");
    let output = gongwen(&["outline", &broken.to_string_lossy(), &reversed.to_string_lossy()]);
    let _ = std::fs::remove_dir_all(&folder);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line per bad file: {stderr}");
    assert!(stderr.contains("a\\u{000A}b.docx"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("name_rtl_\\u{202E}txt.exe") && !stdout.contains('\u{202E}'), "{stdout}");
}

#[test]
fn a_folder_is_walked_and_its_hidden_files_skipped() {
    let folder = std::env::temp_dir().join(format!("gongwen-folder-{}", std::process::id()));
    std::fs::create_dir_all(folder.join("sub")).expect("a temporary folder");
    std::fs::write(folder.join("sub/b.txt"), "一、第二份\n").expect("written");
    std::fs::write(folder.join("a.txt"), "一、第一份\n").expect("written");
    std::fs::write(folder.join(".hidden.txt"), "一、隐藏\n").expect("written");
    let output = gongwen(&["outline", "--json", &folder.to_string_lossy()]);
    let _ = std::fs::remove_dir_all(&folder);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json = json_of(&output);
    let files: Vec<&str> =
        json.as_array().expect("array").iter().filter_map(|record| record["file"].as_str()).collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].ends_with("a.txt") && files[1].ends_with("sub/b.txt"), "{files:?}");
}

#[test]
fn every_hostile_file_gets_one_line_and_the_rest_is_analysed() {
    let folder = fixture("hostile");
    let output = gongwen(&["outline", "--json", &folder]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let refused: Vec<&str> = stderr.lines().collect();
    for expected in [
        "zip-bomb.docx: Word 文档（.docx）超出读取限制",
        "zip-bomb-entries.zip: ZIP 压缩包超出读取限制",
        "truncated.docx: Word 文档（.docx）已损坏或不完整",
        "encrypted.pdf: 命令行和 JavaScript 接口不读取 PDF",
        "nested.zip/inner.zip: 暂不支持读取压缩包中的压缩包",
        "sheet.xlsx: 暂不支持读取Excel 表格（.xlsx）",
        "invalid-utf8.txt: 无法识别文件编码",
    ] {
        assert!(refused.iter().any(|line| line.contains(expected)), "missing «{expected}» in:\n{stderr}");
    }
    assert!(refused.iter().all(|line| line.starts_with("gongwen: ")), "{stderr}");
    let json = json_of(&output);
    let analysed: Vec<&str> = json.as_array().expect("array").iter().filter_map(|r| r["file"].as_str()).collect();
    for name in ["utf16le-nobom.txt", "utf16be-nobom.txt", "deep-nesting.html", "xml-entities.docx", "reports.zip/"] {
        assert!(analysed.iter().any(|file| file.contains(name)), "{name} is analysed: {analysed:?}");
    }
    // Readable output escapes the names that would reorder a terminal; JSON
    // keeps the exact name (as a JSON string) for tools that open the file.
    let readable = gongwen(&["outline", &folder]);
    let text = String::from_utf8_lossy(&readable.stdout);
    assert!(text.contains("name_rtl_\\u{202E}txt.exe") && !text.contains('\u{202E}'), "{text}");
    assert!(!String::from_utf8_lossy(&readable.stderr).contains('\u{202E}'));
}

#[test]
fn compare_json_contract() {
    let files: Vec<String> = ["000", "001", "002", "003", "004"].iter().map(|prefix| seed(prefix)).collect();
    let args: Vec<&str> = ["compare", "--json"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let json = json_of(&gongwen(&args));
    let reports = json["reports"].as_array().expect("reports");
    assert_eq!(reports.len(), 5);
    for (report, file) in reports.iter().zip(&files) {
        assert_eq!(report["file"], Value::from(file.as_str()));
        assert!(report["chars"].as_u64() > Some(2000));
        let own = report["own_share"].as_f64().expect("own_share");
        assert!((0.0..1.0).contains(&own));
    }
    let similarity = json["similarity"].as_array().expect("similarity");
    for (a, row) in similarity.iter().enumerate() {
        let row = row.as_array().expect("a row");
        assert_eq!(row.len(), 5);
        assert_eq!(row[a], 1.0);
    }
    let passages = json["passages"].as_array().expect("passages");
    assert!(passages.len() > 20);
    let compact = |text: &str| -> String { text.chars().filter(|c| c.is_alphanumeric() || *c == '*').collect() };
    for passage in passages {
        assert!(passage["chars"].as_u64() >= Some(20));
        assert!(passage["template"].is_boolean() && passage["near_copy"].is_boolean());
        let occurrences = passage["occurrences"].as_array().expect("occurrences");
        assert!(occurrences.len() >= 2);
        for occurrence in occurrences {
            for key in ["file", "line", "start", "end", "text", "section", "differences"] {
                assert!(occurrence.get(key).is_some(), "occurrence has {key}");
            }
            let text = occurrence["text"].as_str().expect("text");
            let (start, end) = (occurrence["start"].as_u64().expect("start"), occurrence["end"].as_u64().expect("end"));
            assert_eq!(end - start, text.chars().count() as u64, "start and end count characters");
            if passage["near_copy"] == false {
                assert_eq!(compact(text), compact(passage["text"].as_str().expect("text")));
            }
        }
    }
    let template = passages.iter().find(|p| p["template"] == true).expect("a template passage");
    assert!(template["reports"].as_u64() >= Some(3));
    let longer: Vec<&str> =
        ["compare", "--json", "--min-chars", "60"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let fewer = json_of(&gongwen(&longer));
    let fewer = fewer["passages"].as_array().expect("passages");
    assert!(!fewer.is_empty() && fewer.len() < passages.len());
    assert!(fewer.iter().all(|p| p["chars"].as_u64() >= Some(60)));
    let plain: Vec<&str> = ["compare"].into_iter().chain(files.iter().map(String::as_str)).collect();
    let text = String::from_utf8(gongwen(&plain).stdout).expect("UTF-8");
    assert!(text.contains("相似度") && text.contains("【套话】"), "{text}");
}

#[test]
fn years_pairs_by_name_and_year_or_takes_the_previous_given() {
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/year-over-year");
    let dir = std::env::temp_dir().join(format!("gongwen-years-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let later = dir.join("市局2023年度述职报告.txt");
    let earlier = dir.join("市局2022年度述职报告.txt");
    std::fs::copy(seed("001"), &later).expect("copy");
    std::fs::copy(fixture.join("001-2022.txt"), &earlier).expect("copy");
    let (later, earlier) = (later.to_string_lossy().into_owned(), earlier.to_string_lossy().into_owned());
    let json = json_of(&gongwen(&["years", "--json", &earlier, &later]));
    let records = json.as_array().expect("records");
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["file"], Value::from(later.as_str()));
    assert_eq!(records[0]["previous"], Value::from(earlier.as_str()));
    for key in ["kept_share", "previous_kept_share", "sections", "previous_sections", "new", "dropped", "edited"] {
        assert!(records[0].get(key).is_some(), "a year record has {key}");
    }
    assert_eq!(records[0]["new"].as_array().expect("new").len(), 2);
    assert_eq!(records[0]["dropped"].as_array().expect("dropped").len(), 2);
    let explicit = json_of(&gongwen(&["years", "--json", "--previous", &earlier, &later]));
    assert_eq!(explicit, json);
    let alone = gongwen(&["years", &later]);
    assert!(String::from_utf8_lossy(&alone.stderr).contains("没有可对照的报告"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn figures_json_contract() {
    let files = [seed("000"), seed("002")];
    let json = json_of(&gongwen(&["figures", "--json", &files[0], &files[1]]));
    let records = json.as_array().expect("records");
    assert_eq!(records.len(), 2);
    for record in records {
        for figure in record["figures"].as_array().expect("figures") {
            for key in ["text", "value", "unit", "approx", "redacted", "subject", "line", "section"] {
                assert!(figure.get(key).is_some(), "a figure has {key}");
            }
            assert_eq!(figure["redacted"] == true, figure["value"].is_null(), "{figure}");
        }
    }
    let redacted = records[0]["figures"].as_array().expect("figures").iter().filter(|f| f["redacted"] == true).count();
    assert_eq!(redacted, 7, "seed 000 redacts seven figures");
    let first = &records[1]["figures"][0];
    assert_eq!(first["text"], "65次");
    assert_eq!(first["value"], 65.0);
    assert_eq!(first["unit"], "次");
    assert_eq!(first["subject"], "召开党组会");
}

#[test]
fn structure_json_contract() {
    let files = [seed("000"), seed("004")];
    let json = json_of(&gongwen(&["structure", "--json", &files[0], &files[1]]));
    let records = json.as_array().expect("records");
    assert_eq!(records.len(), 2);
    let parts: Vec<&str> =
        records[0]["parts"].as_array().expect("parts").iter().filter_map(|p| p["part"].as_str()).collect();
    assert_eq!(parts, ["achievements", "problems", "plans"]);
    for part in records[0]["parts"].as_array().expect("parts") {
        for key in ["part", "chars", "share", "line"] {
            assert!(part.get(key).is_some(), "a part has {key}");
        }
    }
    let flags: Vec<&str> = records[1]["flags"].as_array().expect("flags").iter().filter_map(|f| f.as_str()).collect();
    assert_eq!(flags, ["no_problems", "no_plans"], "seed 004 states neither problems nor plans");
}

#[test]
fn lint_json_contract() {
    let file = seed("004");
    let json = json_of(&gongwen(&["lint", "--json", &file]));
    let diagnostics = json[0]["diagnostics"].as_array().expect("diagnostics");
    for entry in diagnostics {
        for key in ["kind", "severity", "message", "line", "text", "suggestion"] {
            assert!(entry.get(key).is_some(), "a diagnostic has {key}");
        }
    }
    let kinds: Vec<(&str, &str)> =
        diagnostics.iter().map(|d| (d["kind"].as_str().expect("kind"), d["text"].as_str().expect("text"))).collect();
    assert_eq!(kinds, [("doubled_word", "围绕围绕"), ("doubled_word", "深入深入"), ("typo", "新时达")]);
    assert_eq!(diagnostics[2]["suggestion"], "新时代");
}

/// Each command runs only the analyses it prints: what it prints is what
/// the whole analysis of each file gives, on the seeds and on fixtures of
/// every format (figures and lint, which take the lexicon without the
/// segmenter, included).
#[test]
fn each_command_prints_what_the_whole_analysis_gives() {
    use gongwen_core::figures::FiguresRecord;
    use gongwen_core::lint::LintRecord;
    use gongwen_core::report::{OutlineRecord, ThemesRecord};
    use gongwen_core::structure::StructureRecord;

    let mut files: Vec<String> = std::fs::read_dir(seeds_dir())
        .expect("seeds/ is readable")
        .map(|entry| entry.expect("an entry").path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files.extend(
        [
            "formats/001.autonum.docx",
            "formats/002.html",
            "genres/gov-work-report.txt",
            "lint/2023-misquoted-formulations.txt",
        ]
        .map(fixture),
    );
    let segmenter = gongwen_core::Segmenter::new().expect("the segmenter builds");
    let analyses: Vec<_> = files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).expect("the file is readable");
            gongwen_core::analyze_report(file, &bytes, &segmenter).expect("the file is analysed")
        })
        .collect();
    let expected = |record: &dyn Fn(&gongwen_core::ReportAnalysis) -> Value| -> Value {
        Value::Array(analyses.iter().map(record).collect())
    };
    let printed = |command: &str| -> Value {
        let mut args = vec![command, "--json"];
        args.extend(files.iter().map(String::as_str));
        let output = gongwen(&args);
        assert!(output.status.success(), "{command}: {}", String::from_utf8_lossy(&output.stderr));
        json_of(&output)
    };
    assert_eq!(printed("outline"), expected(&|a| serde_json::to_value(OutlineRecord::of(a.reading())).expect("JSON")));
    assert_eq!(
        printed("themes"),
        expected(&|a| serde_json::to_value(ThemesRecord::of(&a.name, &a.themes, &a.outline, None)).expect("JSON"))
    );
    assert_eq!(
        printed("figures"),
        expected(&|a| serde_json::to_value(FiguresRecord::of(&a.name, &a.figures)).expect("JSON"))
    );
    assert_eq!(
        printed("structure"),
        expected(&|a| serde_json::to_value(StructureRecord::of(&a.name, &a.structure)).expect("JSON"))
    );
    assert_eq!(printed("lint"), expected(&|a| serde_json::to_value(LintRecord::of(&a.name, &a.lint)).expect("JSON")));
    let words = gongwen_core::report::WordsRecord::for_set(&analyses, gongwen_core::report::DEFAULT_TOP_WORDS);
    assert_eq!(printed("words"), serde_json::to_value(words).expect("JSON"));
}

/// A word list written to a file of its own for one test.
fn word_list_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("gongwen-cli-test-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("the word list is written");
    path
}

#[test]
fn count_json_contract_and_counts_match_the_text() {
    let list = word_list_file(
        "terms.txt",
        "# 测试词表\n党建\t党的建设\n全面从严治党\t党的建设\n为民服务\t民生\n不存在的词\n".as_bytes(),
    );
    let files = [seed("001"), seed("003")];
    let output = gongwen(&["count", "--json", "--words", &list.to_string_lossy(), &files[0], &files[1]]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json = json_of(&output);
    let records = json.as_array().expect("an array");
    assert_eq!(records.len(), 2);
    // Keys keep the list's order (serde_json's Value sorts them: look at the text).
    let printed = String::from_utf8_lossy(&output.stdout);
    let at = |key: &str| printed.find(&format!("\"{key}\": ")).expect("the key is printed");
    assert!(
        at("党建") < at("全面从严治党") && at("全面从严治党") < at("为民服务") && at("为民服务") < at("不存在的词")
    );
    let segmenter = gongwen_core::Segmenter::new().expect("the segmenter builds");
    for (record, file) in records.iter().zip(&files) {
        for key in ["file", "year", "unit", "chars", "counts", "categories", "densities", "category_densities"] {
            assert!(record.get(key).is_some(), "a record has {key}");
        }
        assert_eq!(record["file"], file.as_str());
        let bytes = std::fs::read(file).expect("the seed is readable");
        let analysis = gongwen_core::analyze_report(file, &bytes, &segmenter).expect("analysed");
        assert_eq!(record["chars"], analysis.chars);
        assert_eq!(record["year"], serde_json::to_value(analysis.year).expect("JSON"));
        let counts = record["counts"].as_object().expect("counts by term");
        let terms = ["党建", "全面从严治党", "为民服务", "不存在的词"];
        assert_eq!(counts.len(), terms.len());
        for term in terms {
            assert_eq!(counts[term], analysis.cleaned.text.matches(term).count(), "{term}");
        }
        let sum = counts["党建"].as_u64().expect("a count") + counts["全面从严治党"].as_u64().expect("a count");
        assert_eq!(record["categories"]["党的建设"], sum);
        assert!(counts["党建"].as_u64().expect("a count") > 0, "the seeds speak of 党建");
        let density = record["densities"]["党建"].as_f64().expect("a density");
        let expected = counts["党建"].as_f64().expect("a count") * 10_000.0 / analysis.chars as f64;
        assert!((density - expected).abs() < 0.001, "{density} vs {expected}");
    }
}

#[test]
fn count_csv_opens_in_spreadsheets_and_bad_lists_are_refused() {
    let gbk_list = encoding_rs::GBK.encode("党建\t党的建设\n为民服务\n").0.into_owned();
    let list = word_list_file("gbk.txt", &gbk_list);
    let output = gongwen(&["count", "--csv", "--words", &list.to_string_lossy(), &seed("001")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let csv = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(csv.starts_with('\u{FEFF}'), "a byte order mark for Excel and WPS");
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 2, "a header and one row: {csv}");
    assert_eq!(
        lines[0],
        "\u{FEFF}文件,单位,年份,字数,党建,为民服务,类别：党的建设,党建（每万字）,为民服务（每万字）,类别：党的建设（每万字）"
    );
    let empty = word_list_file("empty.txt", "# 只有注释\n\n".as_bytes());
    let output = gongwen(&["count", "--json", "--words", &empty.to_string_lossy(), &seed("001")]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("词表里没有词"), "a message in Chinese");
    let output = gongwen(&["count", "--words", "/nonexistent/list.txt", &seed("001")]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("无法读取词表"));
}

#[test]
fn overview_json_contract_agrees_with_the_other_commands() {
    let files: Vec<String> = ["000", "001", "002", "003", "004"].map(seed).to_vec();
    let run = |command: &str| {
        let mut args = vec![command, "--json"];
        args.extend(files.iter().map(String::as_str));
        let output = gongwen(&args);
        assert!(output.status.success(), "{command}: {}", String::from_utf8_lossy(&output.stderr));
        json_of(&output)
    };
    let (overview, outline, figures, structure, lint, words) =
        (run("overview"), run("outline"), run("figures"), run("structure"), run("lint"), run("words"));
    let rows = overview.as_array().expect("an array");
    assert_eq!(rows.len(), files.len());
    for (index, row) in rows.iter().enumerate() {
        for key in [
            "file",
            "title",
            "unit",
            "year",
            "chars",
            "sections",
            "points",
            "figures",
            "figures_per_thousand",
            "redactions",
            "problems_share",
            "lint",
            "lint_warnings",
            "distinctive",
        ] {
            assert!(row.get(key).is_some(), "an overview row has {key}");
        }
        assert_eq!(row["file"], files[index].as_str());
        let headings = outline[index]["headings"].as_array().expect("headings");
        let top = headings.iter().filter(|h| h["level"] == 1).count();
        let points = headings.iter().filter(|h| h["kind"] == "enumeration").count();
        assert_eq!((row["sections"].as_u64(), row["points"].as_u64()), (Some(top as u64), Some(points as u64)));
        let listed = figures[index]["figures"].as_array().expect("figures");
        assert_eq!(row["figures"], listed.len());
        assert_eq!(row["redactions"], listed.iter().filter(|f| f["redacted"] == true).count());
        let problems = structure[index]["parts"].as_array().expect("parts").iter().find(|p| p["part"] == "problems");
        match problems {
            Some(part) => {
                let share = part["share"].as_f64().expect("a share");
                assert!((row["problems_share"].as_f64().expect("a share") - share).abs() < 0.0006);
            }
            None => assert!(row["problems_share"].is_null()),
        }
        assert_eq!(row["lint"], lint[index]["diagnostics"].as_array().expect("diagnostics").len());
        // The distinctive words are the first of `words`' against the same set.
        let distinctive: Vec<&serde_json::Value> = words[index]["distinctive"]
            .as_array()
            .expect("distinctive")
            .iter()
            .map(|word| &word["word"])
            .take(3)
            .collect();
        assert_eq!(row["distinctive"].as_array().expect("distinctive").iter().collect::<Vec<_>>(), distinctive);
    }
    assert!(rows.iter().any(|row| row["problems_share"].is_null()), "a seed states no problems");
    assert!(rows.iter().all(|row| row["distinctive"].as_array().is_some_and(|words| !words.is_empty())));
}
