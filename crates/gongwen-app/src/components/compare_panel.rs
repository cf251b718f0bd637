//! The comparison view (比对): how much the loaded reports share. Settings
//! (the shortest passage, template passages left out or not, which reports
//! are templates), the worker's progress with a cancel button, the
//! similarity heatmap or graph (关系图) with each report's own-text share
//! (`similarity_view.rs`; click a cell or an edge to read the pair side by
//! side), and the shared passages across the set, each occurrence a link to
//! the reader. Its third mode, 对照, sets a report against an earlier year's
//! (`year_pairs.rs`).

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use gongwen_core::compare::CompareSettings;
use gongwen_core::file_name::display_file_name;
use gongwen_core::tables::{passages_csv, similarity_csv};
use gongwen_core::text::TextRange;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::similarity_view::{SimilarityChartKind, SimilarityView};
use super::year_pairs::YearPairs;
use crate::comparison::{ComparisonStatus, SharedComparison, describe_progress};
use crate::download::offer_csv;
use crate::hooks::use_comparison::ComparisonHandle;
use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::protocol::ReportId;
use crate::state::AnalysedReports;

/// The most passages listed: a large stack shares thousands.
const MAX_PASSAGES: usize = 200;

/// The shortest-passage choices offered.
const MIN_CHARS_CHOICES: [usize; 5] = [12, 20, 30, 50, 100];

/// Properties of [`ComparePanel`].
#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// The comparison and its controls.
    pub handle: ComparisonHandle,
    /// The settings in use.
    pub settings: CompareSettings,
    /// Called with changed settings.
    pub on_settings: Callback<CompareSettings>,
    /// The reports used as templates (模板 / 上级文件).
    pub templates: Rc<BTreeSet<ReportId>>,
    /// Called with a report whose template mark the user toggled.
    pub on_toggle_template: Callback<ReportId>,
    /// Called with a pair to read side by side.
    pub on_open_pair: Callback<(ReportId, ReportId)>,
    /// Called with a place to open in the reader.
    pub on_open_at: Callback<(ReportId, TextRange)>,
    /// The reports set against each other in 对照 now (later, earlier), if any.
    pub years_open: Option<(ReportId, ReportId)>,
    /// Called with a pair (later, earlier) to set against each other.
    pub on_open_years: Callback<(ReportId, ReportId)>,
}

/// What the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CompareMode {
    /// Similarity as a heatmap.
    Heatmap,
    /// Similarity as a graph.
    Graph,
    /// This year against last year.
    Years,
}

/// A mode's name and what it shows, in Chinese and in English.
struct ModeText {
    mode: CompareMode,
    name: (&'static str, &'static str),
    title: (&'static str, &'static str),
}

/// The modes, in order, with their names.
const MODES: [ModeText; 3] = [
    ModeText {
        mode: CompareMode::Heatmap,
        name: ("热力图", "Heatmap"),
        title: ("每两份报告之间的相似度", "How similar every two reports are"),
    },
    ModeText {
        mode: CompareMode::Graph,
        name: ("关系图", "Graph"),
        title: ("报告为点，共有文字多的两份报告之间连线", "Reports as points, linked where two share much text"),
    },
    ModeText {
        mode: CompareMode::Years,
        name: ("对照", "Year on year"),
        title: ("今年的报告与上一年的报告逐句对照", "This year's report against last year's, sentence by sentence"),
    },
];

/// A duration for people: milliseconds below a second, else seconds.
fn duration(language: Language, millis: f64) -> String {
    if millis < 1000.0 {
        language.pick(format!("{millis:.0} 毫秒"), format!("{millis:.0} ms"))
    } else {
        language.pick(format!("{:.1} 秒", millis / 1000.0), format!("{:.1} s", millis / 1000.0))
    }
}

/// The settings bar, in `language`; `years` leaves out what only the
/// similarity uses.
fn settings_bar(language: Language, props: &ComparePanelProps, years: bool) -> Html {
    let settings = props.settings;
    let on_min = {
        let on_settings = props.on_settings.clone();
        Callback::from(move |event: Event| {
            let value = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|input| input.value());
            if let Some(min_chars) = value.and_then(|v| v.parse().ok()) {
                on_settings.emit(CompareSettings { min_chars, ..settings });
            }
        })
    };
    let on_exclude = {
        let on_settings = props.on_settings.clone();
        Callback::from(move |_: Event| {
            on_settings.emit(CompareSettings { exclude_templates: !settings.exclude_templates, ..settings })
        })
    };
    html! {
        <div class="compare-settings">
            <label title={language.pick(
                "短于此字数的相同文字不算共有段落（只计汉字、字母和数字）",
                "Identical text shorter than this is not a shared passage (counting only Chinese characters, letters and digits)",
            )}>
                { language.pick("最短 ", "Shortest ") }
                <select onchange={on_min} aria-label={language.pick("最短共有段落", "Shortest shared passage")}>
                    { for MIN_CHARS_CHOICES.iter().map(|&n| html! {
                        <option value={n.to_string()} selected={n == settings.min_chars}>
                            { language.pick(format!("{n} 字"), format!("{n} chars")) }
                        </option>
                    }) }
                </select>
            </label>
            if !years {
                <label title={language.pick(
                    "套话：见于多数报告（不少于 60% 且不少于 3 份）或见于模板文件的段落",
                    "Boilerplate: passages found in most reports (at least 60% of them and at least 3) or in a template file",
                )}>
                    <input type="checkbox" checked={settings.exclude_templates} onchange={on_exclude} />
                    { language.pick(" 相似度不计套话", " Leave boilerplate out of similarity") }
                </label>
            }
        </div>
    }
}

/// The panel.
#[component]
pub fn ComparePanel(props: &ComparePanelProps) -> Html {
    let language = use_language();
    let mode = use_state(|| CompareMode::Heatmap);
    let names: HashMap<ReportId, String> =
        props.reports.iter().map(|(id, analysis)| (*id, analysis.name.clone())).collect();
    let kind = match *mode {
        CompareMode::Graph => SimilarityChartKind::Graph,
        CompareMode::Heatmap | CompareMode::Years => SimilarityChartKind::Heatmap,
    };
    let body = match &props.handle.status {
        ComparisonStatus::Idle => {
            html! {
                <p class="panel-note">
                    { language.pick("载入至少两份报告，即可比对它们之间的共有段落。", "Load at least two reports to compare the passages they share.") }
                </p>
            }
        }
        ComparisonStatus::Running { reports, progress } => {
            let cancel = props.handle.cancel.reform(|_: MouseEvent| ());
            html! {
                <div class="compare-progress" role="status">
                    <span class="spinner" aria-hidden="true"></span>
                    <span>{ describe_progress(language, *reports, *progress) }</span>
                    <button onclick={cancel}>{ language.pick("取消", "Cancel") }</button>
                </div>
            }
        }
        ComparisonStatus::Cancelled => html! {
            <div class="compare-progress">
                <span>{ language.pick("比对已取消。", "Comparison cancelled.") }</span>
                <button onclick={props.handle.retry.reform(|_: MouseEvent| ())}>{ language.pick("重新比对", "Compare again") }</button>
            </div>
        },
        ComparisonStatus::Failed(failure) => html! {
            <div class="compare-progress failed" role="alert">
                <span>{ failure.describe(language) }</span>
                <button onclick={props.handle.retry.reform(|_: MouseEvent| ())}>{ language.pick("重试", "Retry") }</button>
            </div>
        },
        ComparisonStatus::Ready(comparison) => html! {
            <CompareResult comparison={comparison.clone()} names={Rc::new(names)} {kind} on_open_pair={props.on_open_pair.clone()}
                on_open_at={props.on_open_at.clone()} />
        },
    };
    let years = *mode == CompareMode::Years;
    html! {
        <section class="compare-panel" aria-label={language.pick("报告比对", "Report comparison")}>
            <div class="compare-modes chips" role="tablist" aria-label={language.pick("比对方式", "Comparison mode")}>
                { for MODES.iter().map(|text| {
                    let target = text.mode;
                    let active = *mode == target;
                    let onclick = { let mode = mode.clone(); Callback::from(move |_: MouseEvent| mode.set(target)) };
                    html! {
                        <button class={classes!("chip", "compare-mode", active.then_some("active"))} role="tab"
                            aria-selected={active.to_string()} title={language.pick(text.title.0, text.title.1)} {onclick}>
                            { language.pick(text.name.0, text.name.1) }
                        </button>
                    }
                }) }
            </div>
            { settings_bar(language, props, years) }
            if years {
                <YearPairs reports={props.reports.clone()} open={props.years_open} on_open={props.on_open_years.clone()} />
            } else {
                <details class="template-choice">
                    <summary>
                        { language.pick(
                            format!("模板 / 上级文件（{} 份）", props.templates.len()),
                            format!("Templates / higher-level documents ({})", props.templates.len()),
                        ) }
                    </summary>
                    <p class="panel-note">
                        { language.pick(
                            "勾选的文件作为模板：其中出现的段落都算套话，它们本身不参与相似度。",
                            "Ticked files serve as templates: every passage found in them counts as boilerplate, and they are left out of the similarity.",
                        ) }
                    </p>
                    <ul>
                        { for props.reports.iter().map(|(id, analysis)| {
                            let id = *id;
                            let toggle = props.on_toggle_template.reform(move |_: Event| id);
                            html! {
                                <li><label><input type="checkbox" checked={props.templates.contains(&id)} onchange={toggle} />
                                    <span lang={CONTENT_LANG}>{ display_file_name(&analysis.name) }</span></label></li>
                            }
                        }) }
                    </ul>
                </details>
                { body }
            }
        </section>
    }
}

/// The summary of a finished comparison of `reports` reports: its shared
/// passages (`templates` of them boilerplate, `near` near copies) and how
/// long it took.
fn summary(language: Language, reports: usize, passages: usize, templates: usize, near: usize, millis: f64) -> String {
    language.pick(
        format!(
            "{reports} 份报告，共有段落 {passages} 段（其中套话 {templates} 段、近似复制 {near} 段），用时 {}。",
            duration(language, millis)
        ),
        format!(
            "{}, {} ({} boilerplate, {} near {}), in {}.",
            language.things(reports, "份", "report", "reports"),
            language.things(passages, "段", "shared passage", "shared passages"),
            language.count(templates),
            language.count(near),
            if near == 1 { "copy" } else { "copies" },
            duration(language, millis)
        ),
    )
}

/// The summary's tooltip: the worker's time and memory.
fn summary_title(language: Language, millis: f64, memory_bytes: u64) -> String {
    let megabytes = memory_bytes as f64 / 1_048_576.0;
    language.pick(
        format!("比对线程用时 {millis:.0} 毫秒，内存 {megabytes:.0} MB"),
        format!("Comparison worker: {millis:.0} ms, {megabytes:.0} MB of memory"),
    )
}

/// Properties of [`CompareResult`].
#[derive(Properties, PartialEq)]
struct CompareResultProps {
    comparison: SharedComparison,
    names: Rc<HashMap<ReportId, String>>,
    kind: SimilarityChartKind,
    on_open_pair: Callback<(ReportId, ReportId)>,
    on_open_at: Callback<(ReportId, TextRange)>,
}

/// A finished comparison: summary, heatmap or graph with own text, passages.
#[component]
fn CompareResult(props: &CompareResultProps) -> Html {
    let language = use_language();
    let set = &props.comparison;
    let comparison = &set.comparison;
    let templates = comparison.passages.iter().filter(|p| p.template).count();
    let near = comparison.passages.iter().filter(|p| p.near_copy).count();
    // The compared reports' files, in the comparison's order.
    let files = {
        let (set, names) = (props.comparison.clone(), props.names.clone());
        move || -> Vec<String> { set.ids.iter().map(|id| names.get(id).cloned().unwrap_or_default()).collect() }
    };
    let on_similarity_csv = {
        let (set, files) = (props.comparison.clone(), files.clone());
        Callback::from(move |_: MouseEvent| {
            let files = files();
            let names: Vec<&str> = files.iter().map(String::as_str).collect();
            offer_csv("相似度.csv", &similarity_csv(&names, &set.comparison));
        })
    };
    let on_passages_csv = {
        let set = props.comparison.clone();
        Callback::from(move |_: MouseEvent| {
            let files = files();
            let names: Vec<&str> = files.iter().map(String::as_str).collect();
            offer_csv("共有段落.csv", &passages_csv(&names, &[], &set.with_passage_texts()));
        })
    };
    html! {
        <div class="compare-result">
            <p class="panel-note compare-summary" data-millis={format!("{:.0}", set.millis)} data-memory={set.memory_bytes.to_string()}
                title={summary_title(language, set.millis, set.memory_bytes)}>
                { summary(language, set.ids.len(), comparison.passages.len(), templates, near, set.millis) }
            </p>
            <p class="compare-exports">
                <button class="chip export-csv" data-export="similarity" onclick={on_similarity_csv}
                    title={language.pick("相似度矩阵：第 A 行第 B 列为 A 与 B 共有文字占 A 的比例", "The similarity matrix: row A, column B is the share of A's text it shares with B")}>
                    { language.pick("导出相似度 CSV", "Similarity CSV") }
                </button>
                <button class="chip export-csv" data-export="passages" onclick={on_passages_csv}
                    title={language.pick("全部共有段落，每处出现一行", "Every shared passage, a row per occurrence")}>
                    { language.pick("导出共有段落 CSV", "Passages CSV") }
                </button>
            </p>
            <SimilarityView comparison={props.comparison.clone()} names={props.names.clone()} kind={props.kind}
                on_open_pair={props.on_open_pair.clone()} />
            <h4 class="list-title">{ language.pick("共有段落（按长度）", "Shared passages (longest first)") }</h4>
            <ol class="passage-list">
                { for comparison.passages.iter().take(MAX_PASSAGES).map(|passage| {
                    let occurrences = passage.occurrences.iter().filter_map(|occurrence| {
                        let id = set.report_id(occurrence.text)?;
                        let range = occurrence.range;
                        let name = display_file_name(props.names.get(&id).map_or("", String::as_str));
                        let line = language.pick(format!(" 第 {} 行", occurrence.line), format!(", line {}", occurrence.line));
                        // The file name makes the button's tooltip Chinese; the line is the page's language.
                        Some(html! {
                            <button class="occurrence-link" lang={CONTENT_LANG} title={format!("{name}{line}")}
                                onclick={props.on_open_at.reform(move |_: MouseEvent| (id, range))}>
                                { name }<span lang={language.code()}>{ line }</span>
                            </button>
                        })
                    });
                    html! {
                        <li class={classes!("passage", passage.template.then_some("template"))}>
                            <div class="passage-head">
                                <span class="number">{ language.pick(format!("{} 字", passage.chars), format!("{} chars", language.count(passage.chars))) }</span>
                                <span>{ language.pick(format!("{} 份", passage.reports), language.things(passage.reports, "份", "report", "reports")) }</span>
                                if passage.template {
                                    <span class="badge template-badge" title={language.pick("见于多数报告或模板文件", "Found in most reports or in a template file")}>
                                        { language.pick("套话", "Boilerplate") }
                                    </span>
                                }
                                if passage.near_copy {
                                    <span class="badge" title={language.pick(
                                        "各处只有个别字词不同（年份、数字、单位名等）",
                                        "The occurrences differ in a few words only (years, figures, names of bodies…)",
                                    )}>{ language.pick("近似", "Near copy") }</span>
                                }
                            </div>
                            <p class="passage-text" lang={CONTENT_LANG} title={set.passage_text(passage).to_owned()}>{ set.passage_text(passage) }</p>
                            <div class="occurrences">{ for occurrences }</div>
                        </li>
                    }
                }) }
            </ol>
            if comparison.passages.len() > MAX_PASSAGES {
                <p class="panel-note">
                    { language.pick(
                        format!("共 {} 段，列出最长的 {MAX_PASSAGES} 段", comparison.passages.len()),
                        format!("{} passages; the {MAX_PASSAGES} longest are listed", language.count(comparison.passages.len())),
                    ) }
                </p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_is_told_in_either_language() {
        assert_eq!(
            summary(Language::Chinese, 3, 12, 2, 1, 1530.0),
            "3 份报告，共有段落 12 段（其中套话 2 段、近似复制 1 段），用时 1.5 秒。"
        );
        assert_eq!(
            summary(Language::English, 3, 12, 2, 1, 1530.0),
            "3 reports, 12 shared passages (2 boilerplate, 1 near copy), in 1.5 s."
        );
        assert_eq!(duration(Language::English, 420.0), "420 ms");
        assert_eq!(summary_title(Language::Chinese, 420.4, 3 * 1_048_576), "比对线程用时 420 毫秒，内存 3 MB");
    }
}
