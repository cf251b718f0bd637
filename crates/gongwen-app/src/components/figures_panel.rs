//! The figures view (数据): every figure (实绩数据) of the loaded reports in
//! one table — filterable by report, unit and text, sortable by position,
//! value or unit, each row a link to the reader — with each report's
//! figures per 1,000 characters and redacted count, and the table as CSV.

use gongwen_core::file_name::display_file_name;
use gongwen_core::text::TextRange;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::download::download;
use crate::figures_table::{FigureFilter, FigureOrder, figure_description, figure_rows, per_thousand, rows_csv, units};
use crate::protocol::ReportId;
use crate::state::AnalysedReports;

/// The most rows drawn: a large stack has tens of thousands of figures.
const MAX_ROWS: usize = 500;

/// Properties of [`FiguresPanel`].
#[derive(Properties, PartialEq)]
pub struct FiguresPanelProps {
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// Called with a place to open in the reader.
    pub on_open_at: Callback<(ReportId, TextRange)>,
}

/// The value of the element an event came from.
fn target_value(event: &Event) -> String {
    let target = event.target();
    target
        .clone()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .or_else(|| target.and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()))
        .unwrap_or_default()
}

/// The figures view.
#[component]
pub fn FiguresPanel(props: &FiguresPanelProps) -> Html {
    let filter = use_state(FigureFilter::default);
    let order = use_state(FigureOrder::default);
    let rows = use_memo((props.reports.clone(), (*filter).clone(), *order), |(reports, filter, order)| {
        figure_rows(reports, filter, *order)
    });
    let unit_choices = use_memo(props.reports.clone(), units);
    let set_filter = |change: fn(&mut FigureFilter, String)| {
        let filter = filter.clone();
        Callback::from(move |event: Event| {
            let mut next = (*filter).clone();
            change(&mut next, target_value(&event));
            filter.set(next);
        })
    };
    let on_report = set_filter(|f, v| f.report = v.parse().ok());
    let on_unit = set_filter(|f, v| f.unit = (v != "*").then_some(v));
    let on_text = set_filter(|f, v| f.text = v.trim().to_owned());
    let on_section = set_filter(|f, v| f.section = v.trim().to_owned());
    let on_redacted = set_filter(|f, _| f.redacted_only = !f.redacted_only);
    let on_order = {
        let order = order.clone();
        Callback::from(move |event: Event| {
            order.set(match target_value(&event).as_str() {
                "value" => FigureOrder::ValueDescending,
                "unit" => FigureOrder::Unit,
                _ => FigureOrder::Position,
            })
        })
    };
    let on_export = {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(error) = download("实绩数据.csv", "text/csv;charset=utf-8", &rows_csv(&rows)) {
                web_sys::console::error_2(&"gongwen: could not export the figures".into(), &error);
            }
        })
    };
    let total: usize = props.reports.iter().map(|(_, a)| a.figures.len()).sum();
    html! {
        <section class="figures-panel" aria-label="实绩数据">
            <table class="score-table figure-density">
                <thead><tr>
                    <th>{ "报告" }</th>
                    <th title="数字、百分比、金额、次数等实绩数据的个数，含隐去的">{ "数据" }</th>
                    <th title="每千字的数据个数">{ "每千字" }</th>
                    <th title="以 ** 等隐去了数值的数据">{ "隐去" }</th>
                </tr></thead>
                <tbody>
                    { for props.reports.iter().map(|(_, analysis)| {
                        let redacted = analysis.figures.iter().filter(|f| f.redacted).count();
                        html! {
                            <tr>
                                <td class="file-cell" title={display_file_name(&analysis.name)}>{ display_file_name(&analysis.name) }</td>
                                <td class="number">{ analysis.figures.len() }</td>
                                <td class="number">{ format!("{:.1}", per_thousand(analysis.figures.len(), analysis.chars)) }</td>
                                <td class={classes!("number", (redacted > 0).then_some("redacted-count"))}>{ redacted }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <div class="figure-filters">
                <select onchange={on_report} aria-label="按报告筛选">
                    <option value="" selected={filter.report.is_none()}>{ "全部报告" }</option>
                    { for props.reports.iter().map(|(id, analysis)| html! {
                        <option value={id.to_string()} selected={filter.report == Some(*id)}>{ display_file_name(&analysis.name) }</option>
                    }) }
                </select>
                <select onchange={on_unit} aria-label="按单位筛选">
                    <option value="*" selected={filter.unit.is_none()}>{ "全部单位" }</option>
                    { for unit_choices.iter().map(|unit| html! {
                        <option value={unit.clone()} selected={filter.unit.as_deref() == Some(unit.as_str())}>
                            { if unit.is_empty() { "（无单位）" } else { unit.as_str() } }
                        </option>
                    }) }
                </select>
                <input type="search" placeholder="查找数据或计数对象" onchange={on_text} aria-label="查找" />
                <input type="search" class="figure-section-filter" placeholder="章节标题" onchange={on_section} aria-label="按章节" />
                <label><input type="checkbox" checked={filter.redacted_only} onchange={on_redacted} />{ " 只看隐去的" }</label>
                <select onchange={on_order} aria-label="排序">
                    <option value="position" selected={*order == FigureOrder::Position}>{ "按位置" }</option>
                    <option value="value" selected={*order == FigureOrder::ValueDescending}>{ "按数值" }</option>
                    <option value="unit" selected={*order == FigureOrder::Unit}>{ "按单位" }</option>
                </select>
                <button onclick={on_export} title="导出为 CSV 文件（可用表格软件打开）">{ "导出 CSV" }</button>
            </div>
            <p class="panel-note figures-summary">{ format!("共 {total} 个数据，当前列出 {} 个。点击一行在阅读区打开。", rows.len()) }</p>
            <table class="score-table figures">
                <thead><tr><th>{ "报告" }</th><th>{ "行" }</th><th>{ "章节" }</th><th>{ "数据" }</th><th>{ "计数对象" }</th></tr></thead>
                <tbody>
                    { for rows.iter().take(MAX_ROWS).map(|row| {
                        let (id, range) = (row.report, row.figure.range);
                        let title = figure_description(&row.figure);
                        html! {
                            <tr class={classes!("figure-row", row.figure.redacted.then_some("redacted"))} {title}
                                onclick={props.on_open_at.reform(move |_: MouseEvent| (id, range))}>
                                <td class="file-cell">{ &row.report_name }</td>
                                <td class="number">{ row.figure.line }</td>
                                <td class="figure-section" title={row.section.clone()}>{ row.section.rsplit(" › ").next().unwrap_or("") }</td>
                                <td class="figure-text">{ &row.figure.text }</td>
                                <td class="figure-subject">{ row.figure.subject.as_deref().unwrap_or("") }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            if rows.len() > MAX_ROWS {
                <p class="panel-note">{ format!("列出前 {MAX_ROWS} 个；筛选或导出 CSV 可看全部。") }</p>
            }
        </section>
    }
}
