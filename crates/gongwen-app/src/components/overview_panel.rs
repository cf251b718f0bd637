//! The overview (总览): the landing view once two or more reports are in —
//! one line per report with the numbers that tell which are thin, vague,
//! evasive, copied or careless (characters, sections, points, figures per
//! 1,000 characters, redactions, the 问题 part's share, own-text share once
//! compared, 校对 findings, its first distinctive words), small bars to
//! compare them at a glance, a
//! filter, and a sort on every column. A line opens its report; a number
//! opens the view behind it. Only the lines in view are drawn, so a
//! thousand reports scroll as smoothly as ten.

use std::collections::HashMap;
use std::rc::Rc;

use gongwen_core::file_name::display_file_name;
use gongwen_core::overview::{OverviewRow, overview_csv};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use crate::download::download;
use crate::hooks::use_keyness::DistinctiveTops;
use crate::overview_table::{
    OverviewColumn, OverviewLine, OverviewOrder, arranged_lines, line_label, number_of, visible_window,
    with_distinctive,
};
use crate::protocol::ReportId;
use crate::state::AnalysedReports;

/// A line's height in pixels: `.overview-table tbody tr.line` in
/// `www/style.css` has the same.
const LINE_HEIGHT: f64 = 30.0;

/// Lines drawn beyond the viewport on each side.
const OVERSCAN: usize = 8;

/// A 问题 part smaller than this share of the text is marked.
const THIN_PROBLEMS: f64 = 0.03;

/// Own text below this share is marked.
const LOW_OWN_SHARE: f64 = 0.5;

/// The view behind a number of the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewTarget {
    /// The report itself: outline and reader.
    Report,
    /// 数据: its figures.
    Figures,
    /// 结构: its parts and the checklist.
    Structure,
    /// 比对: what it shares with the others.
    Compare,
    /// 校对: its findings.
    Lint,
    /// 特色词: its distinctive words.
    Keyness,
}

/// A file the overview offers that only the page can make (it needs every
/// analysis and the comparison); the overview's own CSV it makes itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewExport {
    /// Every report's outline as Markdown.
    Outlines,
    /// The whole analysis as JSON.
    Analysis,
    /// The overview, figures, structure and findings as an Excel workbook.
    Workbook,
    /// One summary page per report, printed.
    Print,
}

/// Properties of [`OverviewPanel`].
#[derive(Properties, PartialEq)]
pub struct OverviewPanelProps {
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// Each report's own-text share, once the loaded reports are compared.
    pub own_shares: Option<Rc<HashMap<ReportId, f64>>>,
    /// Each report's first distinctive words, once the keyness worker has
    /// answered.
    pub distinctive_tops: Option<Rc<DistinctiveTops>>,
    /// Called with a report and the view to open it in.
    pub on_open: Callback<(ReportId, OverviewTarget)>,
    /// Called to export what the page makes.
    pub on_export: Callback<OverviewExport>,
}

/// The overview.
#[component]
pub fn OverviewPanel(props: &OverviewPanelProps) -> Html {
    let rows = use_memo(props.reports.clone(), |reports| {
        reports.iter().map(|(id, analysis)| (*id, Rc::new(OverviewRow::of(analysis)))).collect::<Vec<_>>()
    });
    let filter = use_state(String::new);
    let order = use_state(OverviewOrder::default);
    // Lines, their order and the bars' scales change with the reports, the
    // comparison, the filter and the order, not with each scroll.
    let inputs = (rows, props.own_shares.clone(), props.distinctive_tops.clone(), (*filter).clone(), *order);
    let table = use_memo(inputs, |(rows, own_shares, tops, filter, order)| {
        let lines: Vec<OverviewLine> = rows
            .iter()
            .map(|(id, row)| OverviewLine {
                id: *id,
                row: match tops.as_deref() {
                    Some(tops) => Rc::new(with_distinctive((**row).clone(), Some(tops), *id)),
                    None => row.clone(),
                },
                own_share: own_shares.as_ref().and_then(|shares| shares.get(id).copied()),
            })
            .collect();
        let most =
            |column: OverviewColumn| lines.iter().filter_map(|line| number_of(line, column)).fold(0.0f64, f64::max);
        let scales = (
            most(OverviewColumn::Chars),
            most(OverviewColumn::FiguresPerThousand),
            most(OverviewColumn::ProblemsShare),
        );
        let arranged = arranged_lines(&lines, filter, *order);
        (lines.len(), Rc::new(arranged), scales)
    });
    let (total, arranged, (most_chars, most_figures, most_problems)) = (table.0, table.1.clone(), table.2);
    // The scroll position and height of the lines' box, for the window drawn.
    let scroller = use_node_ref();
    let viewport = use_state_eq(|| (0.0f64, 600.0f64));
    {
        let (scroller, viewport) = (scroller.clone(), viewport.clone());
        use_effect_with((), move |()| {
            if let Some(element) = scroller.cast::<Element>() {
                viewport.set((f64::from(element.scroll_top()), f64::from(element.client_height())));
            }
        });
    }
    let on_scroll = {
        let viewport = viewport.clone();
        Callback::from(move |event: Event| {
            let element: Element = event.target_unchecked_into();
            viewport.set((f64::from(element.scroll_top()), f64::from(element.client_height())));
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let (start, end) = visible_window(viewport.0, viewport.1, LINE_HEIGHT, arranged.len(), OVERSCAN);

    let header = |column: OverviewColumn, label: &'static str, title: &'static str| {
        let order = order.clone();
        let active = order.column == column;
        let sort = match (active, order.descending) {
            (false, _) => "none",
            (true, true) => "descending",
            (true, false) => "ascending",
        };
        let arrow = match sort {
            "descending" => " ▼",
            "ascending" => " ▲",
            _ => "",
        };
        html! {
            <th aria-sort={sort} {title} class={classes!(active.then_some("active"))}>
                <button class="sort-button" onclick={Callback::from(move |_: MouseEvent| order.set(order.clicked(column)))}>
                    { label }{ arrow }
                </button>
            </th>
        }
    };
    let open = |id: ReportId, target: OverviewTarget| {
        props.on_open.reform(move |event: MouseEvent| {
            event.stop_propagation();
            (id, target)
        })
    };
    let bar = |value: f64, most: f64| {
        let width = if most > 0.0 { (value / most * 100.0).clamp(0.0, 100.0) } else { 0.0 };
        html! {
            <svg class="mini-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                <rect class="mini-bar-track" width="100" height="6" />
                <rect class="mini-bar-value" width={format!("{width:.1}")} height="6" />
            </svg>
        }
    };
    let columns = 11;
    let spacer = |lines: usize| {
        (lines > 0).then(|| {
            html! {
                <tr class="spacer" aria-hidden="true"><td colspan={columns.to_string()} height={format!("{}", lines as f64 * LINE_HEIGHT)}></td></tr>
            }
        })
    };
    let compared = props.own_shares.is_some();
    let on_csv = {
        let arranged = arranged.clone();
        Callback::from(move |_: MouseEvent| {
            let lines: Vec<(&OverviewRow, Option<f64>)> =
                arranged.iter().map(|line| (&*line.row, line.own_share)).collect();
            if let Err(error) = download("总览.csv", "text/csv;charset=utf-8", &overview_csv(&lines)) {
                web_sys::console::error_2(&"gongwen: could not export the overview".into(), &error);
            }
        })
    };

    html! {
        <section class="overview-pane" aria-label="总览">
            <header class="overview-header">
                <h2 class="pane-title">{ format!("总览：{} 份报告", total) }</h2>
                <input type="search" class="overview-filter" placeholder="按文件名、标题或单位筛选" aria-label="筛选报告"
                    value={(*filter).clone()} oninput={on_filter} />
                if arranged.len() != total {
                    <span class="panel-note">{ format!("列出 {} 份", arranged.len()) }</span>
                }
                <span class="overview-exports">
                    <button onclick={on_csv} title="列出的报告及各项数字，可用 Excel、WPS 打开">{ "导出 CSV" }</button>
                    <button onclick={props.on_export.reform(|_: MouseEvent| OverviewExport::Workbook)} title="总览、数据、结构、校对各一张表，Excel / WPS 工作簿">{ "导出 Excel" }</button>
                    <button onclick={props.on_export.reform(|_: MouseEvent| OverviewExport::Print)} title="每份报告一页：大纲、数据、结构、校对、共有段落，供评议会使用">{ "打印摘要" }</button>
                    <button onclick={props.on_export.reform(|_: MouseEvent| OverviewExport::Outlines)} title="每份报告的大纲，Markdown 格式">{ "导出大纲" }</button>
                    <button onclick={props.on_export.reform(|_: MouseEvent| OverviewExport::Analysis)} title="全部分析结果（含比对），JSON 格式，字段见 README">{ "导出 JSON" }</button>
                </span>
            </header>
            <div class="overview-scroll" ref={scroller} onscroll={on_scroll}>
                <table class="overview-table" aria-rowcount={(arranged.len() + 1).to_string()}>
                    <thead><tr aria-rowindex="1">
                        { header(OverviewColumn::Report, "报告", "标题（无标题时为文件名）；点击打开") }
                        { header(OverviewColumn::Unit, "单位", "署名，或标题、文件名开头的单位") }
                        { header(OverviewColumn::Chars, "字数", "正文字数，不计空白") }
                        { header(OverviewColumn::Sections, "章节", "一级标题（一、二、……）的个数") }
                        { header(OverviewColumn::Points, "要点", "“一是、二是……”的个数") }
                        { header(OverviewColumn::FiguresPerThousand, "数据/千字", "每千字的实绩数据个数；点击看「数据」") }
                        { header(OverviewColumn::Redactions, "隐去", "数值被隐去的数据（如 **件）") }
                        { header(OverviewColumn::ProblemsShare, "问题占比", "「存在问题」部分占全文的比例；点击看「结构」") }
                        { header(OverviewColumn::OwnShare, "自有文字", "不与其他报告共有的文字比例（在「比对」中比对后显示）") }
                        { header(OverviewColumn::Lint, "校对", "校对发现的问题数（其中警告数）；点击看「校对」") }
                        <th class="overview-distinctive-head" title="与其余报告相比最显著多用的词（G²，p < 0.05）；点击看「特色词」">{ "特色词" }</th>
                    </tr></thead>
                    <tbody>
                        { for spacer(start) }
                        { for arranged[start..end].iter().enumerate().map(|(offset, line)| {
                            let (id, row) = (line.id, &line.row);
                            let label = line_label(row);
                            let file = display_file_name(&row.file);
                            let problems = match row.problems_share {
                                Some(share) => html! {
                                    <button class={classes!("cell-link", (share < THIN_PROBLEMS).then_some("warn"))} onclick={open(id, OverviewTarget::Structure)}
                                        title={format!("问题部分占 {:.1}%", share * 100.0)}>
                                        { format!("{:.1}%", share * 100.0) }{ bar(share, most_problems) }
                                    </button>
                                },
                                None => html! {
                                    <button class="cell-link warn" onclick={open(id, OverviewTarget::Structure)} title="没有「存在问题」部分">{ "无" }</button>
                                },
                            };
                            let own = match line.own_share {
                                Some(share) => html! {
                                    <button class={classes!("cell-link", (share < LOW_OWN_SHARE).then_some("warn"))} onclick={open(id, OverviewTarget::Compare)}>
                                        { format!("{:.0}%", share * 100.0) }
                                    </button>
                                },
                                None => html! {
                                    <button class="cell-link muted" onclick={open(id, OverviewTarget::Compare)}
                                        title={if compared { "未参与比对" } else { "在「比对」中比对后显示" }}>{ "—" }</button>
                                },
                            };
                            html! {
                                <tr class="line" key={id.to_string()} aria-rowindex={(start + offset + 2).to_string()}
                                    onclick={props.on_open.reform(move |_: MouseEvent| (id, OverviewTarget::Report))}>
                                    <td class="overview-report">
                                        <button class="cell-link report-link" title={format!("{label}\n{file}")} onclick={open(id, OverviewTarget::Report)}>{ label }</button>
                                    </td>
                                    <td class="overview-unit" title={row.unit.clone().unwrap_or_default()}>{ row.unit.clone().unwrap_or_default() }</td>
                                    <td class="number">{ row.chars }{ bar(row.chars as f64, most_chars) }</td>
                                    <td class="number"><button class="cell-link" onclick={open(id, OverviewTarget::Report)}>{ row.sections }</button></td>
                                    <td class="number"><button class="cell-link" onclick={open(id, OverviewTarget::Report)}>{ row.points }</button></td>
                                    <td class="number">
                                        <button class="cell-link" onclick={open(id, OverviewTarget::Figures)} title={format!("{} 个数据", row.figures)}>
                                            { format!("{:.2}", row.figures_per_thousand) }{ bar(row.figures_per_thousand, most_figures) }
                                        </button>
                                    </td>
                                    <td class="number">
                                        <button class={classes!("cell-link", (row.redactions > 0).then_some("warn"))} onclick={open(id, OverviewTarget::Figures)}>{ row.redactions }</button>
                                    </td>
                                    <td class="number">{ problems }</td>
                                    <td class="number">{ own }</td>
                                    <td class="number">
                                        <button class={classes!("cell-link", (row.lint_warnings > 0).then_some("warn"))} onclick={open(id, OverviewTarget::Lint)}
                                            title={format!("{} 处，其中警告 {} 处", row.lint, row.lint_warnings)}>
                                            { format!("{}（{}）", row.lint, row.lint_warnings) }
                                        </button>
                                    </td>
                                    <td class="overview-distinctive">
                                        <button class="cell-link" onclick={open(id, OverviewTarget::Keyness)} title={row.distinctive.join("、")}>
                                            { row.distinctive.join(" · ") }
                                        </button>
                                    </td>
                                </tr>
                            }
                        }) }
                        { for spacer(arranged.len() - end) }
                    </tbody>
                </table>
            </div>
            <p class="panel-note overview-note">{ "点击一行打开该报告，点击数字打开对应视图；点击列名排序。「问题占比」标红：没有问题部分或不足 3%；「自有文字」标红：不足一半；「隐去」「校对」标红：有隐去的数据或校对警告。" }</p>
        </section>
    }
}
