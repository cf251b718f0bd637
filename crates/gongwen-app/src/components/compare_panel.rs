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
use gongwen_core::text::TextRange;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::similarity_view::{SimilarityChartKind, SimilarityView};
use super::year_pairs::YearPairs;
use crate::comparison::{ComparisonStatus, SharedComparison, describe_progress};
use crate::hooks::use_comparison::ComparisonHandle;
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

/// The modes, in order, with their names.
const MODES: [(CompareMode, &str, &str); 3] = [
    (CompareMode::Heatmap, "热力图", "每两份报告之间的相似度"),
    (CompareMode::Graph, "关系图", "报告为点，共有文字多的两份报告之间连线"),
    (CompareMode::Years, "对照", "今年的报告与上一年的报告逐句对照"),
];

/// A duration for people: milliseconds below a second, else seconds.
fn duration(millis: f64) -> String {
    if millis < 1000.0 { format!("{millis:.0} 毫秒") } else { format!("{:.1} 秒", millis / 1000.0) }
}

/// The settings bar; `years` leaves out what only the similarity uses.
fn settings_bar(props: &ComparePanelProps, years: bool) -> Html {
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
            <label title="短于此字数的相同文字不算共有段落（只计汉字、字母和数字）">
                { "最短 " }
                <select onchange={on_min} aria-label="最短共有段落">
                    { for MIN_CHARS_CHOICES.iter().map(|&n| html! {
                        <option value={n.to_string()} selected={n == settings.min_chars}>{ format!("{n} 字") }</option>
                    }) }
                </select>
            </label>
            if !years {
                <label title="套话：见于多数报告（不少于 60% 且不少于 3 份）或见于模板文件的段落">
                    <input type="checkbox" checked={settings.exclude_templates} onchange={on_exclude} />
                    { " 相似度不计套话" }
                </label>
            }
        </div>
    }
}

/// The panel.
#[component]
pub fn ComparePanel(props: &ComparePanelProps) -> Html {
    let mode = use_state(|| CompareMode::Heatmap);
    let names: HashMap<ReportId, String> =
        props.reports.iter().map(|(id, analysis)| (*id, analysis.name.clone())).collect();
    let kind = match *mode {
        CompareMode::Graph => SimilarityChartKind::Graph,
        CompareMode::Heatmap | CompareMode::Years => SimilarityChartKind::Heatmap,
    };
    let body = match &props.handle.status {
        ComparisonStatus::Idle => {
            html! { <p class="panel-note">{ "载入至少两份报告，即可比对它们之间的共有段落。" }</p> }
        }
        ComparisonStatus::Running { reports, progress } => {
            let cancel = props.handle.cancel.reform(|_: MouseEvent| ());
            html! {
                <div class="compare-progress" role="status">
                    <span class="spinner" aria-hidden="true"></span>
                    <span>{ describe_progress(*reports, *progress) }</span>
                    <button onclick={cancel}>{ "取消" }</button>
                </div>
            }
        }
        ComparisonStatus::Cancelled => html! {
            <div class="compare-progress">
                <span>{ "比对已取消。" }</span>
                <button onclick={props.handle.retry.reform(|_: MouseEvent| ())}>{ "重新比对" }</button>
            </div>
        },
        ComparisonStatus::Failed(message) => html! {
            <div class="compare-progress failed" role="alert">
                <span>{ message }</span>
                <button onclick={props.handle.retry.reform(|_: MouseEvent| ())}>{ "重试" }</button>
            </div>
        },
        ComparisonStatus::Ready(comparison) => html! {
            <CompareResult comparison={comparison.clone()} names={Rc::new(names)} {kind} on_open_pair={props.on_open_pair.clone()}
                on_open_at={props.on_open_at.clone()} />
        },
    };
    let years = *mode == CompareMode::Years;
    html! {
        <section class="compare-panel" aria-label="报告比对">
            <div class="compare-modes chips" role="tablist" aria-label="比对方式">
                { for MODES.iter().map(|&(target, label, title)| {
                    let active = *mode == target;
                    let onclick = { let mode = mode.clone(); Callback::from(move |_: MouseEvent| mode.set(target)) };
                    html! {
                        <button class={classes!("chip", "compare-mode", active.then_some("active"))} role="tab"
                            aria-selected={active.to_string()} {title} {onclick}>{ label }</button>
                    }
                }) }
            </div>
            { settings_bar(props, years) }
            if years {
                <YearPairs reports={props.reports.clone()} open={props.years_open} on_open={props.on_open_years.clone()} />
            } else {
                <details class="template-choice">
                    <summary>{ format!("模板 / 上级文件（{} 份）", props.templates.len()) }</summary>
                    <p class="panel-note">{ "勾选的文件作为模板：其中出现的段落都算套话，它们本身不参与相似度。" }</p>
                    <ul>
                        { for props.reports.iter().map(|(id, analysis)| {
                            let id = *id;
                            let toggle = props.on_toggle_template.reform(move |_: Event| id);
                            html! {
                                <li><label><input type="checkbox" checked={props.templates.contains(&id)} onchange={toggle} />
                                    { display_file_name(&analysis.name) }</label></li>
                            }
                        }) }
                    </ul>
                </details>
                { body }
            }
        </section>
    }
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
    let set = &props.comparison;
    let comparison = &set.comparison;
    let templates = comparison.passages.iter().filter(|p| p.template).count();
    let near = comparison.passages.iter().filter(|p| p.near_copy).count();
    html! {
        <div class="compare-result">
            <p class="panel-note compare-summary" data-millis={format!("{:.0}", set.millis)} data-memory={set.memory_bytes.to_string()}
                title={format!("比对线程用时 {:.0} 毫秒，内存 {:.0} MB", set.millis, set.memory_bytes as f64 / 1_048_576.0)}>
                { format!("{} 份报告，共有段落 {} 段（其中套话 {templates} 段、近似复制 {near} 段），用时 {}。",
                    set.ids.len(), comparison.passages.len(), duration(set.millis)) }
            </p>
            <SimilarityView comparison={props.comparison.clone()} names={props.names.clone()} kind={props.kind}
                on_open_pair={props.on_open_pair.clone()} />
            <h4 class="list-title">{ "共有段落（按长度）" }</h4>
            <ol class="passage-list">
                { for comparison.passages.iter().take(MAX_PASSAGES).map(|passage| {
                    let occurrences = passage.occurrences.iter().filter_map(|occurrence| {
                        let id = set.report_id(occurrence.text)?;
                        let range = occurrence.range;
                        let label = format!("{} 第 {} 行", display_file_name(props.names.get(&id).map_or("", String::as_str)), occurrence.line);
                        Some(html! {
                            <button class="occurrence-link" title={label.clone()} onclick={props.on_open_at.reform(move |_: MouseEvent| (id, range))}>{ label }</button>
                        })
                    });
                    html! {
                        <li class={classes!("passage", passage.template.then_some("template"))}>
                            <div class="passage-head">
                                <span class="number">{ format!("{} 字", passage.chars) }</span>
                                <span>{ format!("{} 份", passage.reports) }</span>
                                if passage.template { <span class="badge template-badge" title="见于多数报告或模板文件">{ "套话" }</span> }
                                if passage.near_copy { <span class="badge" title="各处只有个别字词不同（年份、数字、单位名等）">{ "近似" }</span> }
                            </div>
                            <p class="passage-text" title={passage.text.clone()}>{ &passage.text }</p>
                            <div class="occurrences">{ for occurrences }</div>
                        </li>
                    }
                }) }
            </ol>
            if comparison.passages.len() > MAX_PASSAGES {
                <p class="panel-note">{ format!("共 {} 段，列出最长的 {MAX_PASSAGES} 段", comparison.passages.len()) }</p>
            }
        </div>
    }
}
