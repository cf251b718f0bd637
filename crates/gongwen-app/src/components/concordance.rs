//! The concordance panel (KWIC): every occurrence of the looked-up word in
//! every loaded report, with left and right context, report and section;
//! sortable by position or by the context on either side (the controls sit in
//! the table's sticky header), with an adjustable width. Dispersion strips
//! show where in each report the word occurs. Clicking a line or a tick
//! opens the reader there. The controls speak the page's language; the
//! lines are the reports' text.
//!
//! Both contexts read left to right, as the text does: the left one is
//! right-aligned against the word and, when it is wider than its column,
//! loses its beginning (a flex box aligned to its end clips the start), so
//! punctuation stays where the text has it. The word's column is as wide as
//! the longest match, up to [`MAX_MATCH_EM`]; a longer word wraps.
//!
//! The strips are SVG: a tick's place is a presentation attribute, not an
//! inline style, which the page's CSP forbids. A word that occurs thousands
//! of times gets one tick per stretch of the report, not one per occurrence.

use gongwen_core::ReportAnalysis;
use gongwen_core::concordance::{ConcordanceLine, concordance};
use gongwen_core::file_name::display_file_name;
use gongwen_core::text::TextRange;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::pinyin_order::PinyinOrder;
use crate::protocol::ReportId;
use crate::state::{AnalysedReports, SharedAnalysis};
use crate::state::{KwicSort, Lookup};

/// The most lines listed; the count still covers all.
const MAX_LINES: usize = 500;

/// The most ticks on one dispersion strip; more occurrences share ticks.
const MAX_TICKS: usize = 400;

/// The width of a strip in its SVG user units.
const STRIP_UNITS: f64 = 1000.0;

/// The widest the word's column grows, in em (one em is one Chinese
/// character); longer matches wrap.
const MAX_MATCH_EM: usize = 8;

/// Properties of [`Concordance`].
#[derive(Properties, PartialEq)]
pub struct ConcordanceProps {
    /// The analysed reports, in list order.
    pub reports: AnalysedReports,
    /// The word, width and order.
    pub lookup: Lookup,
    /// Called with a report and a range to open.
    pub on_open: Callback<(ReportId, TextRange)>,
    /// Called with a new context width.
    pub on_width: Callback<usize>,
    /// Called with a new order.
    pub on_sort: Callback<KwicSort>,
    /// Called to close the panel.
    pub on_close: Callback<()>,
    /// Called to add the word to the stopwords.
    pub on_ignore: Callback<String>,
    /// Called to add the word to the lexicon.
    pub on_keep: Callback<String>,
}

/// One line with the report it came from.
#[derive(PartialEq)]
struct Row {
    report: ReportId,
    name: String,
    /// Where the line is, as users read it in the page's language:
    /// 「第 3 行」, 「第 12 段」, 「第 2 页第 5 行」, `Line 3`.
    place: String,
    line: ConcordanceLine,
}

/// The lines of the looked-up word in `reports`, in the lookup's order,
/// their places named in `language`.
fn rows_of(reports: &[(ReportId, SharedAnalysis)], lookup: &Lookup, language: Language) -> Vec<Row> {
    let mut rows: Vec<Row> = reports
        .iter()
        .flat_map(|(id, analysis)| {
            let name = display_file_name(&analysis.name);
            let analysis: &ReportAnalysis = analysis;
            concordance(analysis, &lookup.word, lookup.width).into_iter().map(move |line| Row {
                report: *id,
                name: name.clone(),
                place: language.place(&analysis.unit, line.line),
                line,
            })
        })
        .collect();
    match lookup.sort {
        KwicSort::Position => {}
        // By the words nearest the match, in pinyin order: the left context
        // read backwards from the match, the right context forwards.
        KwicSort::Left => {
            let order = PinyinOrder::new();
            let reversed = |row: &Row| row.line.left.chars().rev().collect::<String>();
            rows.sort_by(|a, b| order.compare(&reversed(a), &reversed(b)));
        }
        KwicSort::Right => {
            let order = PinyinOrder::new();
            rows.sort_by(|a, b| order.compare(&a.line.right, &b.line.right));
        }
    }
    rows
}

/// The concordance panel.
#[component]
pub fn Concordance(props: &ConcordanceProps) -> Html {
    let language = use_language();
    let rows = use_memo((props.reports.clone(), props.lookup.clone(), language), |(reports, lookup, language)| {
        rows_of(reports, lookup, *language)
    });
    let lookup = &props.lookup;
    let on_width = props.on_width.reform(|event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        input.value().parse().unwrap_or(crate::state::DEFAULT_LOOKUP_WIDTH)
    });
    let sort_button = |sort: KwicSort, label: &'static str| {
        let active = lookup.sort == sort;
        html! {
            <button class={classes!("chip", active.then_some("active"))} aria-pressed={active.to_string()}
                onclick={props.on_sort.reform(move |_: MouseEvent| sort)}>{ label }</button>
        }
    };
    let word = lookup.word.clone();
    let on_ignore = props.on_ignore.reform(move |_: MouseEvent| word.clone());
    let word = lookup.word.clone();
    let on_keep = props.on_keep.reform(move |_: MouseEvent| word.clone());
    let reports_with = props.reports.iter().filter(|(id, _)| rows.iter().any(|row| row.report == *id)).count();
    let inside = rows.iter().filter(|row| row.line.inside_word.is_some()).count();
    // The word's column fits the longest match listed. Set through the CSSOM:
    // the page's CSP forbids inline styles. A new word gets a new table (its
    // lines start at the top), so the width is set again for it.
    let match_column = use_node_ref();
    {
        let match_column = match_column.clone();
        let widest = rows.iter().take(MAX_LINES).map(|row| row.line.matched.chars().count()).max().unwrap_or(0);
        use_effect_with((widest, lookup.word.clone(), rows.is_empty()), move |(widest, _, _)| {
            if let Some(column) = match_column.cast::<web_sys::HtmlElement>() {
                let em = (*widest).clamp(2, MAX_MATCH_EM);
                let _ = column.style().set_property("width", &format!("calc({em}em + 12px)"));
            }
        });
    }
    let sort_of = |sort: KwicSort| if lookup.sort == sort { "ascending" } else { "none" };
    html! {
        <section class="concordance" aria-label={language.pick("索引", "Concordance")}>
            <header class="concordance-header">
                <h3>{ language.pick("索引：", "Concordance: ") }<strong lang={CONTENT_LANG}>{ &lookup.word }</strong>
                    <span class="concordance-count" title={language.pick(
                        "原文中的全部出现，与 Ctrl-F 查找一致；不随停用词设置变化",
                        "Every occurrence in the text, as Ctrl-F finds them; stopwords do not change it",
                    )}>
                        { language.pick(
                            format!("共 {} 处，见于 {} 份报告", rows.len(), reports_with),
                            format!(
                                "{} in {}",
                                language.things(rows.len(), "处", "occurrence", "occurrences"),
                                language.things(reports_with, "份报告", "report", "reports"),
                            ),
                        ) }
                        if inside > 0 {
                            { language.pick(
                                format!("（其中 {inside} 处在更长的词语之内）"),
                                format!(" ({} inside longer words)", language.count(inside)),
                            ) }
                        }
                    </span>
                </h3>
                <div class="concordance-tools">
                    <label class="width-control">{ language.pick("上下文", "Context") }
                        <input type="range" min="4" max="60" value={lookup.width.to_string()} oninput={on_width}
                            aria-label={language.pick("上下文字数", "Context width in characters")} />
                        { language.pick(format!("{} 字", lookup.width), format!("{} chars", lookup.width)) }
                    </label>
                    <button class="chip" onclick={on_keep}
                        title={language.pick("作为完整词语计数（加入自定义词表）", "Count it as one whole word (add it to the custom words)")}>
                        { language.pick("加入词表", "Keep whole") }
                    </button>
                    <button class="chip" onclick={on_ignore}
                        title={language.pick("不再计入词频（加入停用词）", "Stop counting it (add it to the stopwords)")}>
                        { language.pick("设为停用词", "Make stopword") }
                    </button>
                </div>
                <button class="concordance-close" onclick={props.on_close.reform(|_: MouseEvent| ())}
                    aria-label={language.pick("关闭索引", "Close the concordance")}>{ "×" }</button>
            </header>
            <div class="kwic-scroll" key={lookup.word.clone()}>
                <div class="dispersion" aria-label={language.pick("分布", "Dispersion")}>
                    { for props.reports.iter().map(|(id, analysis)| render_strip(*id, analysis, &rows, &props.on_open, language)) }
                </div>
                if rows.is_empty() {
                    <p class="concordance-empty">{ language.pick("没有找到这个词。", "The word was not found.") }</p>
                } else {
                    <table class="kwic">
                        <colgroup>
                            <col class="kwic-col-left" />
                            <col class="kwic-col-match" ref={match_column} />
                            <col class="kwic-col-right" />
                            <col class="kwic-col-where" />
                        </colgroup>
                        <thead>
                            <tr>
                                <th class="kwic-head-left" aria-sort={sort_of(KwicSort::Left)}>
                                    { sort_button(KwicSort::Left, language.pick("按左侧", "By left")) }
                                </th>
                                <th class="kwic-head-match"><span class="visually-hidden">{ language.pick("检索词", "Match") }</span></th>
                                <th class="kwic-head-right" aria-sort={sort_of(KwicSort::Right)}>
                                    { sort_button(KwicSort::Right, language.pick("按右侧", "By right")) }
                                </th>
                                <th class="kwic-head-where" aria-sort={sort_of(KwicSort::Position)}>
                                    <span class="kwic-head-label">{ language.pick("出处", "Source") }</span>
                                    { sort_button(KwicSort::Position, language.pick("按位置", "By position")) }
                                </th>
                            </tr>
                        </thead>
                        <tbody>
                            { for rows.iter().take(MAX_LINES).map(|row| render_line(row, &props.on_open, language)) }
                        </tbody>
                    </table>
                    if rows.len() > MAX_LINES {
                        <p class="concordance-empty">{ language.pick(
                            format!("只列出前 {MAX_LINES} 处。"),
                            format!("Only the first {MAX_LINES} are listed."),
                        ) }</p>
                    }
                }
            </div>
        </section>
    }
}

/// One line: the left context (right-aligned, its start clipped), the
/// match, the right context (its end clipped) and where it is. Every cell
/// is the report's text; the tooltips are in `language` around it.
fn render_line(row: &Row, on_open: &Callback<(ReportId, TextRange)>, language: Language) -> Html {
    let target = (row.report, row.line.range);
    let section = row.line.section.clone().unwrap_or_default();
    let source = if section.is_empty() {
        format!("{}\n{}", row.name, row.place)
    } else {
        format!("{}\n{section}\n{}", row.name, row.place)
    };
    let title = language.pick(format!("{} {}", row.name, row.place), format!("{} · {}", row.name, row.place));
    html! {
        <tr class="kwic-line" lang={CONTENT_LANG} onclick={on_open.reform(move |_: MouseEvent| target)} {title}>
            <td class="kwic-left"><div class="kwic-left-clip"><span class="kwic-left-text">{ &row.line.left }</span></div></td>
            <td class={classes!("kwic-match", row.line.inside_word.is_some().then_some("inside-word"))}
                title={row.line.inside_word.as_ref().map(|word| language.pick(format!("在「{word}」之内"), format!("Inside “{word}”")))}>
                { &row.line.matched }
            </td>
            <td class="kwic-right">{ &row.line.right }</td>
            <td class="kwic-where" title={source}>
                <div class="kwic-where-line">
                    <span class="kwic-report">{ &row.name }</span>
                    if !section.is_empty() {
                        <span class="kwic-section">{ section }</span>
                    }
                </div>
            </td>
        </tr>
    }
}

/// One report's dispersion strip: a tick at each occurrence, by position;
/// past [`MAX_TICKS`] occurrences, a tick for each stretch holding some.
/// The ticks' tooltips are in `language`.
fn render_strip(
    id: ReportId,
    analysis: &ReportAnalysis,
    rows: &[Row],
    on_open: &Callback<(ReportId, TextRange)>,
    language: Language,
) -> Html {
    let length = analysis.cleaned.text.len().max(1) as f64;
    let ticks: Vec<&Row> = rows.iter().filter(|row| row.report == id).collect();
    let place = |row: &Row| row.line.range.start as f64 / length * STRIP_UNITS;
    let marks: Vec<(f64, usize, &Row)> = if ticks.len() <= MAX_TICKS {
        ticks.iter().map(|row| (place(row), 1, *row)).collect()
    } else {
        let mut bins: Vec<Option<(usize, &Row)>> = vec![None; MAX_TICKS];
        for row in &ticks {
            let bin = ((place(row) / STRIP_UNITS * MAX_TICKS as f64) as usize).min(MAX_TICKS - 1);
            match &mut bins[bin] {
                Some((count, _)) => *count += 1,
                empty => *empty = Some((1, row)),
            }
        }
        bins.into_iter().flatten().map(|(count, row)| (place(row), count, row)).collect()
    };
    let name = display_file_name(&analysis.name);
    html! {
        <div class="dispersion-row">
            <span class="dispersion-name" lang={CONTENT_LANG} title={name.clone()}>{ name }</span>
            <svg class="dispersion-strip" viewBox={format!("0 0 {STRIP_UNITS} 10")} preserveAspectRatio="none" aria-hidden="true">
                { for marks.into_iter().map(|(x, count, row)| {
                    let target = (id, row.line.range);
                    let label = if count == 1 {
                        row.place.clone()
                    } else {
                        language.pick(format!("{}起 {count} 处", row.place), format!("{} onwards: {count} occurrences", row.place))
                    };
                    html! {
                        <rect class="dispersion-tick" x={format!("{x:.1}")} y="0" width="2" height="10"
                            onclick={on_open.reform(move |_: MouseEvent| target)}>
                            <title>{ label }</title>
                        </rect>
                    }
                }) }
            </svg>
            <span class="dispersion-count">{ ticks.len() }</span>
        </div>
    }
}
