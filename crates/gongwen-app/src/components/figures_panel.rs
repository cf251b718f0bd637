//! The figures view (数据): every figure (实绩数据) of the loaded reports in
//! one table — filterable by report, unit and text, sortable by position,
//! value or unit, each row a link to the reader — with each report's
//! figures per 1,000 characters and redacted count, and the table as CSV.
//! The controls speak the page's language; the CSV stays Chinese.

use gongwen_core::file_name::display_file_name;
use gongwen_core::text::TextRange;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::download::download;
use crate::figures_table::{FigureFilter, FigureOrder, figure_description, figure_rows, per_thousand, rows_csv, units};
use crate::i18n::{CONTENT_LANG, use_language};
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
    let language = use_language();
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
        <section class="figures-panel" aria-label={language.pick("实绩数据", "Figures")}>
            <table class="score-table figure-density">
                <thead><tr>
                    <th>{ language.pick("报告", "Report") }</th>
                    <th title={language.pick(
                        "数字、百分比、金额、次数等实绩数据的个数，含隐去的",
                        "How many concrete figures (numbers, percentages, amounts, counts) the report gives, redacted ones included",
                    )}>{ language.pick("数据", "Figures") }</th>
                    <th title={language.pick("每千字的数据个数", "Figures per 1,000 characters")}>{ language.pick("每千字", "Per 1k chars") }</th>
                    <th title={language.pick("以 ** 等隐去了数值的数据", "Figures whose value is hidden (** and the like)")}>
                        { language.pick("隐去", "Redacted") }
                    </th>
                </tr></thead>
                <tbody>
                    { for props.reports.iter().map(|(_, analysis)| {
                        let redacted = analysis.figures.iter().filter(|f| f.redacted).count();
                        html! {
                            <tr>
                                <td class="file-cell" lang={CONTENT_LANG} title={display_file_name(&analysis.name)}>{ display_file_name(&analysis.name) }</td>
                                <td class="number">{ analysis.figures.len() }</td>
                                <td class="number">{ format!("{:.1}", per_thousand(analysis.figures.len(), analysis.chars)) }</td>
                                <td class={classes!("number", (redacted > 0).then_some("redacted-count"))}>{ redacted }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <div class="figure-filters">
                <select onchange={on_report} aria-label={language.pick("按报告筛选", "Filter by report")}>
                    <option value="" selected={filter.report.is_none()}>{ language.pick("全部报告", "All reports") }</option>
                    { for props.reports.iter().map(|(id, analysis)| html! {
                        <option lang={CONTENT_LANG} value={id.to_string()} selected={filter.report == Some(*id)}>{ display_file_name(&analysis.name) }</option>
                    }) }
                </select>
                <select onchange={on_unit} aria-label={language.pick("按单位筛选", "Filter by unit")}>
                    <option value="*" selected={filter.unit.is_none()}>{ language.pick("全部单位", "All units") }</option>
                    { for unit_choices.iter().map(|unit| html! {
                        <option value={unit.clone()} selected={filter.unit.as_deref() == Some(unit.as_str())}
                            lang={(!unit.is_empty()).then_some(CONTENT_LANG)}>
                            { if unit.is_empty() { language.pick("（无单位）", "(no unit)") } else { unit.as_str() } }
                        </option>
                    }) }
                </select>
                <input type="search" placeholder={language.pick("查找数据或计数对象", "Find a figure or subject")} onchange={on_text}
                    aria-label={language.pick("查找", "Find")} />
                <input type="search" class="figure-section-filter" placeholder={language.pick("章节标题", "Section heading")} onchange={on_section}
                    aria-label={language.pick("按章节", "Filter by section")} />
                <label><input type="checkbox" checked={filter.redacted_only} onchange={on_redacted} />{ language.pick(" 只看隐去的", " Redacted only") }</label>
                <select onchange={on_order} aria-label={language.pick("排序", "Order")}>
                    <option value="position" selected={*order == FigureOrder::Position}>{ language.pick("按位置", "By position") }</option>
                    <option value="value" selected={*order == FigureOrder::ValueDescending}>{ language.pick("按数值", "By value") }</option>
                    <option value="unit" selected={*order == FigureOrder::Unit}>{ language.pick("按单位", "By unit") }</option>
                </select>
                <button onclick={on_export} title={language.pick("导出为 CSV 文件（可用表格软件打开）", "Export as a CSV file (opens in spreadsheet programs)")}>
                    { language.pick("导出 CSV", "Export CSV") }
                </button>
            </div>
            <p class="panel-note figures-summary">{ language.pick(
                format!("共 {total} 个数据，当前列出 {} 个。点击一行在阅读区打开。", rows.len()),
                format!(
                    "{}, {} listed. Click a row to open it in the reader.",
                    language.things(total, "个", "figure", "figures"),
                    language.count(rows.len()),
                ),
            ) }</p>
            <table class="score-table figures">
                <thead><tr>
                    <th>{ language.pick("报告", "Report") }</th>
                    <th>{ language.pick("行", "Line") }</th>
                    <th>{ language.pick("章节", "Section") }</th>
                    <th>{ language.pick("数据", "Figure") }</th>
                    <th>{ language.pick("计数对象", "Subject") }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().take(MAX_ROWS).map(|row| {
                        let (id, range) = (row.report, row.figure.range);
                        let title = figure_description(&row.figure, language);
                        // Every cell of a row is the report's (its name, a
                        // line number, its words), and so is the tooltip's gist.
                        html! {
                            <tr class={classes!("figure-row", row.figure.redacted.then_some("redacted"))} lang={CONTENT_LANG} {title}
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
                <p class="panel-note">{ language.pick(
                    format!("列出前 {MAX_ROWS} 个；筛选或导出 CSV 可看全部。"),
                    format!("Only the first {MAX_ROWS} are listed; filter, or export the CSV to see them all."),
                ) }</p>
            }
        </section>
    }
}
