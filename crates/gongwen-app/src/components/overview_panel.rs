//! The overview (总览): the landing view once two or more reports are in —
//! one line per report with the numbers that tell which are thin, vague,
//! evasive, copied or careless (characters, sections, points, figures per
//! 1,000 characters, redactions, the 问题 part's share, own-text share once
//! compared, 校对 findings, its first distinctive words), small bars to
//! compare them at a glance, a
//! filter, and a sort on every column. A line opens its report; a number
//! opens the view behind it. Only the lines in view are drawn, so a
//! thousand reports scroll as smoothly as ten.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use gongwen_core::file_name::display_file_name;
use gongwen_core::overview::{OverviewRow, overview_csv};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use crate::comparison::background_comparison_limit;
use crate::download::download;
use crate::hooks::use_keyness::DistinctiveTops;
use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::overview_table::{
    OverviewColumn, OverviewLine, OverviewOrder, arranged_lines, line_label, number_of, visible_window,
    with_distinctive,
};
use crate::protocol::ReportId;
use crate::state::{AnalysedReports, SharedAnalysis};

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

/// The own-text column's explanation, which names the stack
/// [`BACKGROUND_COMPARISON_CHARS`](crate::comparison::BACKGROUND_COMPARISON_CHARS)
/// compares without being asked.
fn own_share_title(language: Language) -> String {
    let limit = background_comparison_limit(language);
    language.pick(
        format!("不与其他报告共有的文字比例（比对后显示：报告合计不超过 {limit}时分析完即比对，更多时打开「比对」才比对）"),
        format!("Share of text found in no other report (once compared: up to {limit} in all, right after the analysis; beyond, when Compare is opened)"),
    )
}

/// The overview.
#[component]
pub fn OverviewPanel(props: &OverviewPanelProps) -> Html {
    let language = use_language();
    // Each report's line is made once per analysis and kept: a batch of a
    // large drop costs the new reports' lines, not the whole set's.
    let made = use_mut_ref(HashMap::<ReportId, (SharedAnalysis, Rc<OverviewRow>)>::new);
    let rows = use_memo(props.reports.clone(), move |reports| {
        let mut made = made.borrow_mut();
        let rows: Vec<(ReportId, Rc<OverviewRow>)> = reports
            .iter()
            .map(|(id, analysis)| {
                let row = match made.get(id) {
                    Some((kept, row)) if kept == analysis => row.clone(),
                    _ => {
                        let row = Rc::new(OverviewRow::of(analysis));
                        made.insert(*id, (analysis.clone(), row.clone()));
                        row
                    }
                };
                (*id, row)
            })
            .collect();
        if made.len() > rows.len() {
            let listed: HashSet<ReportId> = rows.iter().map(|(id, _)| *id).collect();
            made.retain(|id, _| listed.contains(id));
        }
        rows
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

    let header = |column: OverviewColumn, label: &'static str, title: AttrValue| {
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
        <section class="overview-pane" aria-label={language.pick("总览", "Overview")}>
            <header class="overview-header">
                <h2 class="pane-title">{ language.pick(format!("总览：{} 份报告", total), format!("Overview: {}", language.things(total, "份", "report", "reports"))) }</h2>
                <input type="search" class="overview-filter"
                    placeholder={language.pick("按文件名、标题或单位筛选", "Filter by file name, title, unit or word")}
                    aria-label={language.pick("筛选报告", "Filter the reports")}
                    value={(*filter).clone()} oninput={on_filter} />
                if arranged.len() != total {
                    <span class="panel-note">{ language.pick(format!("列出 {} 份", arranged.len()), format!("{} listed", language.count(arranged.len()))) }</span>
                }
                <span class="overview-exports">
                    <button data-export="csv" onclick={on_csv}
                        title={language.pick("列出的报告及各项数字，可用 Excel、WPS 打开", "The listed reports and their numbers, for Excel or WPS")}>
                        { language.pick("导出 CSV", "CSV") }
                    </button>
                    <button data-export="xlsx" onclick={props.on_export.reform(|_: MouseEvent| OverviewExport::Workbook)}
                        title={language.pick("总览、数据、结构、校对各一张表，Excel / WPS 工作簿", "An Excel / WPS workbook: overview, figures, structure and proofing, a sheet each")}>
                        { language.pick("导出 Excel", "Excel") }
                    </button>
                    <button data-export="print" onclick={props.on_export.reform(|_: MouseEvent| OverviewExport::Print)}
                        title={language.pick("每份报告一页：大纲、数据、结构、校对、共有段落，供评议会使用", "One page per report (outline, figures, structure, proofing, shared passages) for the review meeting")}>
                        { language.pick("打印摘要", "Print") }
                    </button>
                    <button data-export="outlines" onclick={props.on_export.reform(|_: MouseEvent| OverviewExport::Outlines)}
                        title={language.pick("每份报告的大纲，Markdown 格式", "Every report's outline, as Markdown")}>
                        { language.pick("导出大纲", "Outlines") }
                    </button>
                    <button data-export="json" onclick={props.on_export.reform(|_: MouseEvent| OverviewExport::Analysis)}
                        title={language.pick("全部分析结果（含比对），JSON 格式，字段见 README", "The whole analysis (comparison included) as JSON; fields in the README")}>
                        { language.pick("导出 JSON", "JSON") }
                    </button>
                </span>
            </header>
            <div class="overview-scroll" ref={scroller} onscroll={on_scroll}>
                <table class="overview-table" aria-rowcount={(arranged.len() + 1).to_string()}>
                    <thead><tr aria-rowindex="1">
                        { header(OverviewColumn::Report, language.pick("报告", "Report"), language.pick("标题（无标题时为文件名）；点击打开", "Title (the file name when there is none); click to open").into()) }
                        { header(OverviewColumn::Unit, language.pick("单位", "Unit"), language.pick("署名，或标题、文件名开头的单位", "The signature, or the unit the title or file name begins with").into()) }
                        { header(OverviewColumn::Chars, language.pick("字数", "Chars"), language.pick("正文字数，不计空白", "Characters of text, whitespace not counted").into()) }
                        { header(OverviewColumn::Sections, language.pick("章节", "Sections"), language.pick("一级标题（一、二、……）的个数", "Top-level headings (the first numbering level)").into()) }
                        { header(OverviewColumn::Points, language.pick("要点", "Points"), language.pick("“一是、二是……”的个数", "Enumerated points (“firstly”, “secondly” …)").into()) }
                        { header(OverviewColumn::FiguresPerThousand, language.pick("数据/千字", "Figures/1k"), language.pick("每千字的实绩数据个数；点击看「数据」", "Concrete figures per 1,000 characters; click for Figures").into()) }
                        { header(OverviewColumn::Redactions, language.pick("隐去", "Hidden"), language.pick("数值被隐去的数据（如 **件）", "Figures whose value is hidden (such as **)").into()) }
                        { header(OverviewColumn::ProblemsShare, language.pick("问题占比", "Problems"), language.pick("「存在问题」部分占全文的比例；点击看「结构」", "The problems part's share of the text; click for Structure").into()) }
                        { header(OverviewColumn::OwnShare, language.pick("自有文字", "Own text"), own_share_title(language).into()) }
                        { header(OverviewColumn::Lint, language.pick("校对", "Proofing"), language.pick("校对发现的问题数（其中警告数）；点击看「校对」", "Proofing findings (of which warnings); click for Proofing").into()) }
                        <th class="overview-distinctive-head"
                            title={language.pick("与其余报告相比最显著多用的词（G²，p < 0.05）；点击看「特色词」", "The words most overused against the other reports (G², p < 0.05); click for Keywords")}>
                            { language.pick("特色词", "Keywords") }
                        </th>
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
                                        title={language.pick(format!("问题部分占 {:.1}%", share * 100.0), format!("The problems part is {:.1}% of the text", share * 100.0))}>
                                        { format!("{:.1}%", share * 100.0) }{ bar(share, most_problems) }
                                    </button>
                                },
                                None => html! {
                                    <button class="cell-link warn" onclick={open(id, OverviewTarget::Structure)}
                                        title={language.pick("没有「存在问题」部分", "No problems part")}>{ language.pick("无", "none") }</button>
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
                                        title={if compared { language.pick("未参与比对", "Not compared") } else { language.pick("在「比对」中比对后显示", "Shown once Compare has run") }}>{ "—" }</button>
                                },
                            };
                            html! {
                                <tr class="line" key={id.to_string()} aria-rowindex={(start + offset + 2).to_string()}
                                    onclick={props.on_open.reform(move |_: MouseEvent| (id, OverviewTarget::Report))}>
                                    <td class="overview-report">
                                        <button class="cell-link report-link" lang={CONTENT_LANG} title={format!("{label}\n{file}")} onclick={open(id, OverviewTarget::Report)}>{ label }</button>
                                    </td>
                                    <td class="overview-unit" lang={CONTENT_LANG} title={row.unit.clone().unwrap_or_default()}>{ row.unit.clone().unwrap_or_default() }</td>
                                    <td class="number">{ language.count(row.chars) }{ bar(row.chars as f64, most_chars) }</td>
                                    <td class="number"><button class="cell-link" onclick={open(id, OverviewTarget::Report)}>{ row.sections }</button></td>
                                    <td class="number"><button class="cell-link" onclick={open(id, OverviewTarget::Report)}>{ row.points }</button></td>
                                    <td class="number">
                                        <button class="cell-link" onclick={open(id, OverviewTarget::Figures)}
                                            title={language.pick(format!("{} 个数据", row.figures), language.things(row.figures, "个数据", "figure", "figures"))}>
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
                                            title={language.pick(
                                                format!("{} 处，其中警告 {} 处", row.lint, row.lint_warnings),
                                                format!("{} findings, {} of them warnings", row.lint, row.lint_warnings),
                                            )}>
                                            { format!("{}（{}）", row.lint, row.lint_warnings) }
                                        </button>
                                    </td>
                                    <td class="overview-distinctive">
                                        <button class="cell-link" lang={CONTENT_LANG} onclick={open(id, OverviewTarget::Keyness)} title={row.distinctive.join("、")}>
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
            <p class="panel-note overview-note">{ language.pick(
                "点击一行打开该报告，点击数字打开对应视图；点击列名排序。「问题占比」标红：没有问题部分或不足 3%；「自有文字」标红：不足一半；「隐去」「校对」标红：有隐去的数据或校对警告。",
                "Click a line to open its report, a number to open the view behind it, a column's name to sort. In red: Problems when there is no problems part or it is under 3%; Own text under half; Hidden and Proofing when there are hidden figures or proofing warnings.",
            ) }</p>
        </section>
    }
}
