//! `gongwen`: the Gongwen Lens analyses on the command line, for batch use,
//! scripting and parity tests against the page.
//!
//! Subcommands take any number of files. A file that cannot be read or decoded
//! gets a one-line error on standard error naming it; the other files are still
//! processed and the exit status is 1. The `--json` shapes are contracts (see
//! `gongwen_core::report`): fields are added, never renamed or removed.

mod input;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use gongwen_core::compare::record::{CompareRecord, YearRecord};
use gongwen_core::compare::year_over_year::{compare_years, pair_by_year};
use gongwen_core::compare::{CompareSettings, CompareText, DEFAULT_MIN_CHARS, compare_texts};
use gongwen_core::decode::decode_bytes;
use gongwen_core::figures::{FiguresRecord, NumberedForms};
use gongwen_core::file_name::display_file_name;
use gongwen_core::keyness::SetTotals;
use gongwen_core::lexicon::Lexicon;
use gongwen_core::lint::LintRecord;
use gongwen_core::overview::OverviewRow;
use gongwen_core::render::render_outline;
use gongwen_core::report::{
    DEFAULT_KWIC_WIDTH, DEFAULT_TOP_WORDS, KwicRecord, OutlineRecord, ReportWords, ThemesRecord, WordsRecord,
};
use gongwen_core::structure::StructureRecord;
use gongwen_core::term_counts::{TermCountRecord, TermList, term_counts_csv};
use gongwen_core::themes::Genre;
use gongwen_core::themes::scheme::CuePlace;
use gongwen_core::words::WordFrequencies;
use gongwen_core::{ReadLimits, ReadReport, ReportAnalysis, Segmenter, read_report};
use input::{InputSource, list_inputs};
use rayon::prelude::*;

/// 公文透镜：分析述职报告、工作总结等公文的结构与用词。
#[derive(Debug, Parser)]
#[command(name = "gongwen", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print each file's outline (title, headings by level).
    Outline {
        /// Print one JSON array, one object per file, instead of text.
        #[arg(long)]
        json: bool,
        /// Report files: .txt, .md, .html (UTF-8, GBK/GB18030, UTF-16), .docx,
        /// .doc/.wps, .odt; folders are walked and .zip archives unpacked.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print each file's most frequent words, the words that distinguish it
    /// from the other files given, and the formulations (提法) it uses.
    Words {
        /// Print one JSON array, one object per file, instead of text.
        #[arg(long)]
        json: bool,
        /// How many words to list per file.
        #[arg(long, default_value_t = DEFAULT_TOP_WORDS)]
        top: usize,
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print every occurrence of a word with its context (a concordance).
    Kwic {
        /// Print one JSON array of all lines instead of text.
        #[arg(long)]
        json: bool,
        /// Characters of context on each side.
        #[arg(long, default_value_t = DEFAULT_KWIC_WIDTH)]
        width: usize,
        /// The word or phrase to look up.
        word: String,
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print each file's genre and how its text divides among the themes of
    /// that genre's scheme (or of the scheme chosen with --scheme).
    Themes {
        /// Print one JSON array, one object per file, instead of text.
        #[arg(long)]
        json: bool,
        /// The theme scheme: auto (each file's detected genre), party-building
        /// (党建述职), government-work (政府工作报告), party-congress (党代会报告)
        /// or work-summary (工作总结).
        #[arg(long, default_value = "auto", value_parser = parse_scheme)]
        scheme: SchemeChoice,
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print every figure (实绩数据) of each file: number, unit,
    /// approximation word, what it counts, where; redacted figures included.
    Figures {
        /// Print one JSON array, one object per file, instead of text.
        #[arg(long)]
        json: bool,
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print each file's 成效 / 问题 / 打算 parts with their shares, and what
    /// a reviewer would question (no problems part, no plans …).
    Structure {
        /// Print one JSON array, one object per file, instead of text.
        #[arg(long)]
        json: bool,
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print careless writing in each file: doubled words and punctuation,
    /// half-width punctuation, unmatched quotes and brackets, likely typos,
    /// mixed number styles.
    Lint {
        /// Print one JSON array, one object per file, instead of text.
        #[arg(long)]
        json: bool,
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print one line per file with the numbers of the page's overview (总览):
    /// title, unit, characters, sections, points, figures per 1,000
    /// characters, redactions, the 问题 part's share, 校对 findings, and each
    /// file's distinctive words against the other files.
    Overview {
        /// Print one JSON array, one object per file, instead of text.
        #[arg(long)]
        json: bool,
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Count the terms of a word list (词表统计) in each file: each term's
    /// and each category's count and density per 10,000 characters, with
    /// the year and reporting unit read from the title or file name.
    Count {
        /// Print one JSON array, one object per file, instead of text.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print the files × terms table as CSV (UTF-8 with BOM, for Excel
        /// and WPS) instead of text.
        #[arg(long)]
        csv: bool,
        /// The word list: one term a line, optionally a tab and its category;
        /// empty lines and lines starting with # are skipped (UTF-8 or GBK).
        #[arg(long)]
        words: PathBuf,
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compare the files with each other: the passages they share, how much
    /// of each is shared with each other file, how much is its own, and which
    /// shared passages are template phrasing (套话).
    Compare {
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// The shortest shared passage, in characters (letters, digits and
        /// CJK characters; punctuation and whitespace are not counted).
        #[arg(long, default_value_t = DEFAULT_MIN_CHARS)]
        min_chars: usize,
        /// A template or higher-level document (模板 / 上级文件): passages
        /// found in it are template phrasing. May be given more than once.
        #[arg(long)]
        template: Vec<PathBuf>,
        /// Leave template passages out of similarity and own-text shares.
        #[arg(long)]
        exclude_templates: bool,
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Compare each report with its earlier version (对照): what it kept, what
    /// is new and what was dropped, section by section. Reports are paired by
    /// file name once the year is taken out (市局2023年度述职报告 with
    /// 市局2022年度述职报告), or with --previous.
    Years {
        /// Print one JSON array, one object per pair, instead of text.
        #[arg(long)]
        json: bool,
        /// The shortest kept passage, in characters.
        #[arg(long, default_value_t = DEFAULT_MIN_CHARS)]
        min_chars: usize,
        /// The earlier report to compare the one FILE with, instead of pairing by name.
        #[arg(long)]
        previous: Option<PathBuf>,
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(all_files_read) if all_files_read => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("gongwen: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a command; `Ok(false)` when some file could not be analysed.
///
/// Files are read on every core (rayon), a chunk at a time, and each one
/// goes through just the analyses its command prints (`outline` none, `lint`
/// figures and lint …), reduced right away to what is printed, so that
/// memory stays bounded however many files are given; output keeps argument
/// order. Only `compare` and `years`, which need every text at once, keep
/// whole analyses.
fn run(cli: Cli) -> Result<bool> {
    let (Command::Outline { files, .. }
    | Command::Words { files, .. }
    | Command::Kwic { files, .. }
    | Command::Themes { files, .. }
    | Command::Figures { files, .. }
    | Command::Structure { files, .. }
    | Command::Lint { files, .. }
    | Command::Count { files, .. }
    | Command::Overview { files, .. }
    | Command::Compare { files, .. }
    | Command::Years { files, .. }) = &cli.command;
    let inputs = list_inputs(files);
    let mut stdout = std::io::stdout().lock();
    // Built only by the commands that segment or look words up: it takes a
    // fifth of a second. Figures need only the lexicon's numbered forms.
    let segmenter = || Segmenter::new().context("无法初始化分词器");
    let numbered_forms = || Ok::<_, anyhow::Error>(NumberedForms::of(&Lexicon::builtin().context("无法读取内置词表")?));
    let all_ok = match &cli.command {
        Command::Outline { json: true, .. } => {
            print_each(&inputs, &mut stdout, json_list(), |read| vec![json_item(&OutlineRecord::of(read.reading()))])?
        }
        Command::Outline { json: false, .. } => {
            print_each(&inputs, &mut stdout, text_list(), |read| vec![render_outline(read.reading())])?
        }
        Command::Words { json, top, .. } => {
            let segmenter = segmenter()?;
            let (reports, all_ok) = read_each(&inputs, |read| {
                let (words, _) = read.words(&segmenter);
                let formulations = read.formulations(&segmenter, &words);
                ReportWords::of(&read.name, words, &formulations)
            });
            let totals = WordsRecord::set_totals(&reports);
            let mut list = if *json { json_list() } else { text_list() };
            // Rendered on every core and printed a chunk at a time, so that
            // the whole output is never held at once.
            for chunk in reports.chunks(FILES_PER_CHUNK) {
                let items: Vec<String> = chunk
                    .par_iter()
                    .map(|report| {
                        let record = WordsRecord::against(report, &totals, *top);
                        if *json { json_item(&record) } else { render_words(&record) }
                    })
                    .collect();
                items.iter().try_for_each(|item| list.write(&mut stdout, item))?;
            }
            list.finish(&mut stdout)?;
            all_ok
        }
        Command::Kwic { json, width, word, .. } => {
            let segmenter = segmenter()?;
            let list = if *json { json_list() } else { ItemList::concatenated() };
            print_each(&inputs, &mut stdout, list, |read| {
                // Only what a concordance reads: the words, not figures or lint.
                let (words, occurrences) = read.words(&segmenter);
                let records =
                    KwicRecord::for_word(&read.name, read.concordance_text(&words, &occurrences), word, *width);
                if *json { records.iter().map(json_item).collect() } else { vec![render_kwic(&records, *width)] }
            })?
        }
        Command::Themes { json, scheme, .. } => print_records(
            &inputs,
            &mut stdout,
            *json,
            |read| ThemesRecord::of(&read.name, &read.themes(), &read.outline, scheme.0),
            render_themes,
        )?,
        Command::Figures { json, .. } => {
            let numbered_forms = numbered_forms()?;
            let record = |read: ReadReport| FiguresRecord::of(&read.name, &read.figures(&numbered_forms));
            print_records(&inputs, &mut stdout, *json, record, render_figures)?
        }
        Command::Structure { json, .. } => {
            let record = |read: ReadReport| StructureRecord::of(&read.name, &read.structure());
            print_records(&inputs, &mut stdout, *json, record, render_structure)?
        }
        Command::Lint { json, .. } => {
            let numbered_forms = numbered_forms()?;
            let record = |read: ReadReport| LintRecord::of(&read.name, &read.lint(&read.figures(&numbered_forms)));
            print_records(&inputs, &mut stdout, *json, record, render_lint)?
        }
        Command::Overview { json, .. } => {
            // Two passes: the distinctive words need every file's counts.
            let segmenter = segmenter()?;
            let (lines, all_ok) = read_each(&inputs, |read| {
                let analysis = read.analyze(&segmenter);
                (OverviewRow::of(&analysis), analysis.words)
            });
            let frequencies: Vec<&WordFrequencies> = lines.iter().map(|(_, words)| words).collect();
            let totals = SetTotals::of(&frequencies);
            let mut list = if *json { json_list() } else { text_list() };
            for (row, words) in lines {
                let record = row.with_distinctive_against(&words, &totals);
                list.write(&mut stdout, &if *json { json_item(&record) } else { render_overview(&record) })?;
            }
            list.finish(&mut stdout)?;
            all_ok
        }
        Command::Count { json, csv, words, .. } => {
            let list = read_term_list(words)?;
            if *csv {
                let (records, all_ok) = read_each(&inputs, |read| TermCountRecord::of(&list, read.reading()));
                write_out(&mut stdout, &term_counts_csv(&list, &records))?;
                all_ok
            } else {
                let record = |read: ReadReport| TermCountRecord::of(&list, read.reading());
                print_records(&inputs, &mut stdout, *json, record, render_term_counts)?
            }
        }
        Command::Compare { json, min_chars, template, exclude_templates, .. } => {
            // The comparison reads texts and headings only: nothing is
            // segmented or analysed.
            let lexicon = Lexicon::builtin().context("无法读取内置词表")?;
            let (reports, reports_ok) = read_each(&inputs, |read| read);
            let (templates, templates_ok) = read_each(&list_inputs(template), |read| read);
            let settings = CompareSettings {
                min_chars: *min_chars,
                exclude_templates: *exclude_templates,
                ..CompareSettings::default()
            };
            let reports: Vec<CompareText> = reports.iter().map(CompareText::from).collect();
            let templates: Vec<CompareText> = templates.iter().map(CompareText::from).collect();
            let comparison = compare_texts(&reports, &templates, &lexicon, &settings, &mut |_| {});
            let record = CompareRecord::from_comparison(&comparison, &reports, &templates);
            let text = if *json { to_json(&record)? } else { render_comparison(&record) };
            write_out(&mut stdout, &text)?;
            reports_ok && templates_ok
        }
        Command::Years { json, min_chars, previous, .. } => {
            let segmenter = segmenter()?;
            let (analyses, analyses_ok) = read_each(&inputs, |read| read.analyze(&segmenter));
            let (earlier, earlier_ok) = match previous {
                Some(path) => read_each(&list_inputs(std::slice::from_ref(path)), |read| read.analyze(&segmenter)),
                None => (Vec::new(), true),
            };
            let pairs: Vec<(&ReportAnalysis, &ReportAnalysis)> = match (previous.is_some(), earlier.first()) {
                (true, Some(earlier)) => analyses.iter().map(|current| (current, earlier)).collect(),
                (true, None) => Vec::new(),
                (false, _) => {
                    let reports: Vec<&ReportAnalysis> = analyses.iter().collect();
                    pair_by_year(&reports)
                        .into_iter()
                        .map(|(later, earlier)| (reports[later], reports[earlier]))
                        .collect()
                }
            };
            if pairs.is_empty() && previous.is_none() {
                eprintln!(
                    "gongwen: 没有可对照的报告：文件名去掉年份后相同、年份不同的报告才会配对，或用 --previous 指定上一年的报告"
                );
            }
            let records: Vec<YearRecord> = pairs
                .into_par_iter()
                .map(|(current, earlier)| {
                    YearRecord::from_comparison(&compare_years(current, earlier, *min_chars), current, earlier)
                })
                .collect();
            let text = if *json {
                to_json(&records)?
            } else {
                records.iter().map(render_years).collect::<Vec<_>>().join("\n")
            };
            write_out(&mut stdout, &text)?;
            analyses_ok && earlier_ok
        }
    };
    stdout.flush().context("无法写入标准输出")?;
    Ok(all_ok)
}

/// The word list at `path`, its skipped lines reported on standard error.
fn read_term_list(path: &std::path::Path) -> Result<TermList> {
    let shown = display_file_name(&path.to_string_lossy());
    let bytes = std::fs::read(path).with_context(|| format!("无法读取词表 {shown}"))?;
    let text = decode_bytes(&bytes).with_context(|| format!("无法识别词表 {shown} 的编码"))?.text;
    let (list, diagnostics) = TermList::parse(&text).with_context(|| format!("词表 {shown} 无法使用"))?;
    for diagnostic in diagnostics {
        eprintln!("gongwen: 词表 {shown}：{}", diagnostic.message);
    }
    Ok(list)
}

/// Inputs read at once: enough to keep every core busy, few enough that
/// their analyses fit in memory together.
const FILES_PER_CHUNK: usize = 256;

/// Reads every input on all cores, a chunk at a time, and hands each report
/// read to `reduce` (which runs the analyses its command needs) on the
/// thread that read it; the chunk's results then go to `take` in argument
/// order. A file that fails gets one line on standard error naming it with
/// its control and bidi characters escaped, in argument order too. Returns
/// whether every file succeeded.
fn read_in_chunks<T: Send>(
    inputs: &[InputSource],
    reduce: impl Fn(ReadReport) -> T + Sync,
    mut take: impl FnMut(T) -> Result<()>,
) -> Result<bool> {
    let limits = ReadLimits::default();
    let mut all_ok = true;
    for chunk in inputs.chunks(FILES_PER_CHUNK) {
        let results: Vec<Vec<Result<T, String>>> = chunk
            .par_iter()
            .map(|source| {
                source
                    .read(&limits)
                    .into_iter()
                    .map(|input| {
                        let result = input.bytes.and_then(|bytes| {
                            read_report(&input.name, &bytes, &limits).map_err(|error| error.to_string())
                        });
                        result.map(&reduce).map_err(|message| {
                            format!("gongwen: {}: {}", display_file_name(&input.name), display_file_name(&message))
                        })
                    })
                    .collect()
            })
            .collect();
        for result in results.into_iter().flatten() {
            match result {
                Ok(item) => take(item)?,
                Err(line) => {
                    eprintln!("{line}");
                    all_ok = false;
                }
            }
        }
    }
    Ok(all_ok)
}

/// What `reduce` makes of every input read, in argument order, and whether
/// every file succeeded.
fn read_each<T: Send>(inputs: &[InputSource], reduce: impl Fn(ReadReport) -> T + Sync) -> (Vec<T>, bool) {
    let mut items = Vec::with_capacity(inputs.len());
    let all_ok = read_in_chunks(inputs, reduce, |item| {
        items.push(item);
        Ok(())
    });
    // Collecting never fails: `take` above always succeeds.
    (items, all_ok.unwrap_or(false))
}

/// Prints what `items` makes of each report read as soon as its chunk is
/// done, as one list: a file may give any number of items (a concordance's
/// lines).
fn print_each(
    inputs: &[InputSource],
    out: &mut impl Write,
    mut list: ItemList,
    items: impl Fn(ReadReport) -> Vec<String> + Sync,
) -> Result<bool> {
    let all_ok = read_in_chunks(inputs, items, |items| items.iter().try_for_each(|item| list.write(out, item)))?;
    list.finish(out)?;
    Ok(all_ok)
}

/// Prints one record per file (`record` makes it), as JSON or as readable
/// text (`render` writes it): only the form asked for is made.
fn print_records<R: serde::Serialize>(
    inputs: &[InputSource],
    out: &mut impl Write,
    json: bool,
    record: impl Fn(ReadReport) -> R + Sync,
    render: fn(&R) -> String,
) -> Result<bool> {
    let list = if json { json_list() } else { text_list() };
    print_each(inputs, out, list, |read| {
        let record = record(read);
        vec![if json { json_item(&record) } else { render(&record) }]
    })
}

/// A list printed item by item: a JSON array exactly as
/// `serde_json::to_string_pretty` writes one (plus a final newline), or
/// readable items joined by `separator`.
struct ItemList {
    json: bool,
    separator: &'static str,
    written: usize,
}

impl ItemList {
    /// Readable items printed one after another.
    fn concatenated() -> Self {
        Self { json: false, separator: "", written: 0 }
    }

    /// Writes one item (for JSON, made by [`json_item`]).
    fn write(&mut self, out: &mut impl Write, item: &str) -> Result<()> {
        let before = match (self.json, self.written) {
            (true, 0) => "[\n  ",
            (true, _) => ",\n  ",
            (false, 0) => "",
            (false, _) => self.separator,
        };
        self.written += 1;
        write_out(out, before)?;
        write_out(out, item)
    }

    /// Closes the list.
    fn finish(self, out: &mut impl Write) -> Result<()> {
        match (self.json, self.written) {
            (true, 0) => write_out(out, "[]\n"),
            (true, _) => write_out(out, "\n]\n"),
            (false, _) => Ok(()),
        }
    }
}

/// A JSON array of records.
fn json_list() -> ItemList {
    ItemList { json: true, separator: "", written: 0 }
}

/// Readable records separated by an empty line's newline, as they were
/// always joined.
fn text_list() -> ItemList {
    ItemList { json: false, separator: "\n", written: 0 }
}

/// One record as an element of a pretty-printed JSON array: its pretty JSON
/// indented by two spaces (JSON strings hold no raw newline, so every line
/// break is the printer's).
fn json_item<T: serde::Serialize>(record: &T) -> String {
    // The records are plain structs with string keys: serialising them
    // cannot fail.
    serde_json::to_string_pretty(record).expect("a record serialises as JSON").replace('\n', "\n  ")
}

fn write_out(out: &mut impl Write, text: &str) -> Result<()> {
    out.write_all(text.as_bytes()).context("无法写入标准输出")
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    let mut text = serde_json::to_string_pretty(value).context("无法生成 JSON")?;
    text.push('\n');
    Ok(text)
}

/// The readable word list: the top words, the distinctive words with their
/// G², and the formulations.
fn render_words(record: &WordsRecord) -> String {
    let mut out = format!("文件：{}（{} 词）\n高频词：\n", display_file_name(&record.file), record.tokens);
    for entry in &record.top {
        out.push_str(&format!("{:>6}  {}\n", entry.count, entry.word));
    }
    if !record.distinctive.is_empty() {
        out.push_str("特色词（对数似然比 G²）：\n");
        for entry in &record.distinctive {
            out.push_str(&format!("{:>9.2}  {:>4}  {}\n", entry.g2, entry.count, entry.word));
        }
    }
    if !record.formulations.is_empty() {
        out.push_str("提法与词表词：\n");
        for entry in &record.formulations {
            out.push_str(&format!("{:>6}  {}（{}）\n", entry.count, entry.term, entry.category.label()));
        }
    }
    out
}

/// The readable concordance: right-aligned left context, the match, the
/// right context, and where.
fn render_kwic(records: &[KwicRecord], width: usize) -> String {
    let mut out = String::new();
    for record in records {
        let pad = width.saturating_sub(record.left.chars().count());
        let section = record.section.as_deref().unwrap_or("");
        out.push_str(&format!(
            "{}{}【{}】{}  ——{}:{} {}\n",
            "　".repeat(pad),
            record.left,
            record.matched,
            record.right,
            display_file_name(&record.file),
            record.line,
            section
        ));
    }
    out
}

/// The readable theme table: the genre and why, then characters and share
/// per theme.
fn render_themes(record: &ThemesRecord) -> String {
    let mut out = format!(
        "文件：{}
",
        display_file_name(&record.file)
    );
    let evidence: Vec<String> = record
        .genre_evidence
        .iter()
        .map(|hit| match hit.place {
            CuePlace::Title => format!("标题含「{}」", hit.phrase),
            CuePlace::Text if hit.count > 1 => format!("正文「{}」×{}", hit.phrase, hit.count),
            CuePlace::Text => format!("正文「{}」", hit.phrase),
        })
        .collect();
    let evidence = if evidence.is_empty() { "未见体裁特征".to_owned() } else { evidence.join("，") };
    out.push_str(&format!(
        "体裁：{}（{}）
",
        record.detected_genre.label(),
        evidence
    ));
    if record.scheme != record.detected_genre {
        out.push_str(&format!(
            "主题方案：{}
",
            record.scheme.label()
        ));
    }
    for share in &record.themes {
        out.push_str(&format!("{:>7} 字  {:>5.1}%  {}\n", share.chars, share.share * 100.0, share.theme));
    }
    out
}

/// The readable comparison: each file's own-text share, the similarity
/// matrix (row shared with column, percent), and the shared passages.
fn render_comparison(record: &CompareRecord) -> String {
    let mut out = String::from("各报告：\n");
    for (index, report) in record.reports.iter().enumerate() {
        out.push_str(&format!(
            "{:>3}  {:>6} 字  自有 {:>5.1}%  {}\n",
            index + 1,
            report.chars,
            report.own_share * 100.0,
            display_file_name(&report.file)
        ));
    }
    out.push_str("相似度（行报告与列报告共有的文字占行报告的百分比）：\n     ");
    for index in 0..record.reports.len() {
        out.push_str(&format!("{:>6}", index + 1));
    }
    out.push('\n');
    for (index, row) in record.similarity.iter().enumerate() {
        out.push_str(&format!("{:>3}  ", index + 1));
        for value in row {
            out.push_str(&format!("{:>6.1}", value * 100.0));
        }
        out.push('\n');
    }
    out.push_str(&format!("共有段落（{} 段，不少于 {} 字）：\n", record.passages.len(), record.settings.min_chars));
    for passage in &record.passages {
        let places: Vec<String> =
            passage.occurrences.iter().map(|o| format!("{}:{}", display_file_name(&o.file), o.line)).collect();
        let mark = if passage.template { "【套话】" } else { "" };
        out.push_str(&format!(
            "{:>5} 字 {} 份 {mark}{}\n       {}\n",
            passage.chars,
            passage.reports,
            passage.text,
            places.join("  ")
        ));
    }
    out
}

/// The readable lint list: line, kind, text, message.
fn render_lint(record: &LintRecord) -> String {
    let mut out = format!("文件：{}（{} 处）\n", display_file_name(&record.file), record.diagnostics.len());
    for entry in &record.diagnostics {
        out.push_str(&format!("{:>5}  {}  「{}」 {}\n", entry.line, entry.kind.label(), entry.text, entry.message));
    }
    out
}

/// The readable overview line of a file.
fn render_overview(row: &OverviewRow) -> String {
    let problems = row.problems_share.map_or_else(|| "无".to_owned(), |share| format!("{:.1}%", share * 100.0));
    let distinctive = if row.distinctive.is_empty() { "（无）".to_owned() } else { row.distinctive.join("、") };
    format!(
        "文件：{}\n  标题：{}  单位：{}  字数 {}  章节 {}  要点 {}  数据/千字 {:.2}  隐去 {}  问题占比 {problems}  校对 {}（警告 {}）  特色词 {distinctive}\n",
        display_file_name(&row.file),
        row.title.as_deref().unwrap_or("（无）"),
        row.unit.as_deref().unwrap_or("（无）"),
        row.chars,
        row.sections,
        row.points,
        row.figures_per_thousand,
        row.redactions,
        row.lint,
        row.lint_warnings,
    )
}

/// The readable word-list counts: the file with its year, unit and size,
/// then each term and category found, with its density.
fn render_term_counts(record: &TermCountRecord) -> String {
    let mut about = Vec::new();
    if let Some(year) = record.year {
        about.push(format!("{year} 年"));
    }
    if let Some(unit) = &record.unit {
        about.push(unit.clone());
    }
    about.push(format!("{} 字", record.chars));
    let mut out = format!("文件：{}（{}）\n", display_file_name(&record.file), about.join("，"));
    let rows =
        record.counts.0.iter().zip(&record.densities.0).map(|((term, count), (_, density))| ("", term, count, density));
    let category_rows = record
        .categories
        .0
        .iter()
        .zip(&record.category_densities.0)
        .map(|((category, count), (_, density))| ("类别：", category, count, density));
    for (prefix, name, count, density) in rows.chain(category_rows) {
        out.push_str(&format!("  {prefix}{name}  {count} 次  每万字 {density}\n"));
    }
    out
}

/// The readable structure: each part's share, then the flags.
fn render_structure(record: &StructureRecord) -> String {
    let mut out = format!("文件：{}\n", display_file_name(&record.file));
    for part in &record.parts {
        out.push_str(&format!(
            "  {}  {:>5.1}%  {:>6} 字  自第 {} 行\n",
            part.part.label(),
            part.share * 100.0,
            part.chars,
            part.line
        ));
    }
    for flag in &record.flags {
        out.push_str(&format!("  ⚠ {}\n", flag.message()));
    }
    out
}

/// The readable figure list: line, figure, what it counts.
fn render_figures(record: &FiguresRecord) -> String {
    let redacted = record.figures.iter().filter(|f| f.redacted).count();
    let mut out = format!(
        "文件：{}（{} 个数据，其中 {redacted} 个隐去）\n",
        display_file_name(&record.file),
        record.figures.len()
    );
    for figure in &record.figures {
        out.push_str(&format!("{:>5}  {}  {}\n", figure.line, figure.text, figure.subject.as_deref().unwrap_or("")));
    }
    out
}

/// The readable year-over-year comparison: shares, sections, and the new
/// and dropped text.
fn render_years(record: &YearRecord) -> String {
    let mut out = format!(
        "{} 对照 {}：沿用 {:.1}%，上一年的 {:.1}% 仍在\n",
        display_file_name(&record.file),
        display_file_name(&record.previous),
        record.kept_share * 100.0,
        record.previous_kept_share * 100.0
    );
    for section in &record.sections {
        let total = (section.kept + section.edited + section.changed).max(1);
        out.push_str(&format!(
            "  {:>5.1}% 新写  {}\n",
            section.changed as f64 * 100.0 / total as f64,
            section.heading.as_deref().unwrap_or("（开头）")
        ));
    }
    for (label, changes) in [("新增", &record.new), ("删去", &record.dropped)] {
        for change in changes {
            out.push_str(&format!("  【{label}】第 {} 行：{}\n", change.line, change.text));
        }
    }
    out
}

/// The theme scheme chosen on the command line; `None` for each file's own genre.
#[derive(Debug, Clone, Copy)]
struct SchemeChoice(Option<Genre>);

/// Parses `--scheme`: auto, or a genre by its ASCII or Chinese name.
fn parse_scheme(name: &str) -> Result<SchemeChoice, String> {
    if name == "auto" {
        return Ok(SchemeChoice(None));
    }
    Genre::from_name(name).map(|genre| SchemeChoice(Some(genre))).ok_or_else(|| {
        let names: Vec<String> = Genre::ALL.iter().map(|g| format!("{} ({})", g.id(), g.label())).collect();
        format!("unknown scheme {name}; use auto, {}", names.join(", "))
    })
}
