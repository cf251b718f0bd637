//! Who shares how much with whom: the similarity heatmap or graph (关系图)
//! of a finished comparison, and each shown report's own-text share.
//!
//! A stack of more than [`AGGREGATE_ABOVE`] reports is shown by groups of
//! similar reports (consecutive runs of the clustering order,
//! [`cut_into_groups`]): a cell is the average similarity between two
//! groups, and clicking it — or a group's label — zooms into those reports,
//! which are shown report by report once few enough (else by groups again);
//! a button per group does the same from the keyboard.
//! The trail above the chart leads back. The graph shows the reports of the
//! current zoom, edges under the chosen threshold hidden; clicking an edge,
//! like clicking a heatmap cell, opens the pair side by side.

use std::collections::HashMap;
use std::rc::Rc;

use gongwen_core::compare::cluster::{cluster_order, cut_into_groups};
use gongwen_core::file_name::display_file_name;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::charts::chart::Chart;
use crate::charts::similarity_graph::similarity_graph_option;
use crate::charts::similarity_heatmap::{
    group_heatmap_option, group_label, group_name, parse_cell_name, parse_group_cell_name, parse_group_label,
    similarity_heatmap_option,
};
use crate::comparison::SharedComparison;
use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::protocol::ReportId;

/// Above this many reports the heatmap shows groups of reports.
pub const AGGREGATE_ABOVE: usize = 60;

/// The most groups an aggregated heatmap shows.
pub const MAX_GROUPS: usize = 20;

/// The most reports the graph lays out.
pub const MAX_GRAPH_NODES: usize = 200;

/// The most report names a group button's tooltip lists.
const GROUP_NAMES_SHOWN: usize = 6;

/// The graph's threshold when the view opens, in percent.
pub const DEFAULT_THRESHOLD: u32 = 10;

/// How the similarities are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimilarityChartKind {
    /// A matrix of pairs (热力图).
    Heatmap,
    /// Reports as nodes, shares as edges (关系图).
    Graph,
}

/// Properties of [`SimilarityView`].
#[derive(Properties, PartialEq)]
pub struct SimilarityViewProps {
    /// The comparison.
    pub comparison: SharedComparison,
    /// Every compared report's file name, by page id.
    pub names: Rc<HashMap<ReportId, String>>,
    /// Heatmap or graph.
    pub kind: SimilarityChartKind,
    /// Called with a pair to read side by side.
    pub on_open_pair: Callback<(ReportId, ReportId)>,
}

/// One level of zoom: the groups of the level above it zoomed into (one, or
/// two in the order shown) and the reports it shows (indices in the
/// comparison, in the order shown).
#[derive(Debug, Clone, PartialEq)]
struct Zoom {
    groups: Vec<usize>,
    members: Rc<Vec<usize>>,
}

impl Zoom {
    /// What the trail calls it: 「第 1 组 与 第 3 组（4 份）」.
    fn label(&self, language: Language) -> String {
        let names: Vec<String> = self.groups.iter().map(|&g| group_name(language, g)).collect();
        let names = names.join(language.pick(" 与 ", " and "));
        let size = self.members.len();
        language.pick(format!("{names}（{size} 份）"), format!("{names} ({})", language.count(size)))
    }
}

/// The zoom levels of one comparison; stale once the comparison changes.
#[derive(Debug, Clone, PartialEq)]
struct ZoomTrail {
    comparison: SharedComparison,
    levels: Vec<Zoom>,
}

/// The reports of groups `row` and `column` of `groups`, in the order shown,
/// and which groups they are.
fn zoom_into(groups: &[Vec<usize>], row: usize, column: usize) -> Option<Zoom> {
    let (first, second) = (row.min(column), row.max(column));
    if row == column {
        return Some(Zoom { groups: vec![row], members: Rc::new(groups.get(row)?.clone()) });
    }
    let members: Vec<usize> = groups.get(first)?.iter().chain(groups.get(second)?).copied().collect();
    Some(Zoom { groups: vec![first, second], members: Rc::new(members) })
}

/// The view.
#[component]
pub fn SimilarityView(props: &SimilarityViewProps) -> Html {
    let language = use_language();
    let set = &props.comparison;
    let names: Rc<Vec<String>> = use_memo((props.comparison.clone(), props.names.clone()), |(set, names)| {
        set.ids.iter().map(|id| names.get(id).cloned().unwrap_or_else(|| format!("#{id}"))).collect()
    });
    let order = use_memo(props.comparison.clone(), |set| Rc::new(cluster_order(&set.comparison.similarity)));
    let trail = use_state(|| ZoomTrail { comparison: props.comparison.clone(), levels: Vec::new() });
    let levels: Vec<Zoom> = if trail.comparison == props.comparison { trail.levels.clone() } else { Vec::new() };
    let members: Rc<Vec<usize>> = levels.last().map_or_else(|| (*order).clone(), |zoom| zoom.members.clone());
    let groups = use_memo((props.comparison.clone(), members.clone()), |(set, members)| {
        (members.len() > AGGREGATE_ABOVE).then(|| cut_into_groups(&set.comparison.similarity, members, MAX_GROUPS))
    });
    let threshold = use_state(|| DEFAULT_THRESHOLD);

    let set_levels = {
        let (trail, comparison) = (trail.clone(), props.comparison.clone());
        Callback::from(move |levels: Vec<Zoom>| trail.set(ZoomTrail { comparison: comparison.clone(), levels }))
    };
    let zoom_to = {
        let (set_levels, levels, groups) = (set_levels.clone(), levels.clone(), groups.clone());
        Callback::from(move |(row, column): (usize, usize)| {
            if let Some(zoom) = groups.as_ref().as_ref().and_then(|groups| zoom_into(groups, row, column)) {
                let mut next = levels.clone();
                next.push(zoom);
                set_levels.emit(next);
            }
        })
    };
    let open_pair = {
        let (ids, on_open_pair) = (set.ids.clone(), props.on_open_pair.clone());
        Callback::from(move |(row, column): (usize, usize)| {
            if row != column
                && let (Some(&a), Some(&b)) = (ids.get(row), ids.get(column))
            {
                on_open_pair.emit((a, b));
            }
        })
    };
    let on_cell = {
        let (zoom_to, open_pair) = (zoom_to.clone(), open_pair.clone());
        Callback::from(move |name: String| {
            if let Some(groups) = parse_group_cell_name(&name) {
                zoom_to.emit(groups);
            } else if let Some(pair) = parse_cell_name(&name) {
                open_pair.emit(pair);
            }
        })
    };
    let on_axis_label = {
        let zoom_to = zoom_to.clone();
        Callback::from(move |label: String| {
            if let Some(group) = parse_group_label(&label) {
                zoom_to.emit((group, group));
            }
        })
    };

    // Both memos run on every render (hooks keep their order); each computes
    // only for its own kind of chart.
    let heatmap = use_memo(
        (props.kind, props.comparison.clone(), members.clone(), groups.clone(), names.clone(), language),
        |(kind, set, members, groups, names, language)| {
            (*kind == SimilarityChartKind::Heatmap).then(|| {
                Rc::new(match groups.as_ref() {
                    Some(groups) => group_heatmap_option(*language, names, &set.comparison, groups),
                    None => similarity_heatmap_option(*language, names, &set.comparison, members),
                })
            })
        },
    );
    let graph = use_memo(
        (props.kind, props.comparison.clone(), members.clone(), *threshold, names.clone(), language),
        |(kind, set, members, threshold, names, language)| {
            (*kind == SimilarityChartKind::Graph && members.len() <= MAX_GRAPH_NODES).then(|| {
                let share = f64::from(*threshold) / 100.0;
                let graph = similarity_graph_option(*language, names, &set.comparison, members, share);
                (Rc::new(graph.option), graph.edges, graph.left_out)
            })
        },
    );
    let chart = match props.kind {
        SimilarityChartKind::Heatmap => {
            let hint = match groups.as_ref() {
                Some(groups) => language.pick(
                    format!(
                        "{} 份报告分为 {} 组相近的报告，方格为两组之间的平均相似度。点击方格或组名，查看其中的报告。",
                        members.len(),
                        groups.len()
                    ),
                    format!(
                        "{} reports in {} groups of similar reports; a cell is the average similarity between two groups. \
                         Click a cell or a group's name to see its reports.",
                        language.count(members.len()),
                        groups.len()
                    ),
                ),
                None => language.pick("点击方格并排对照两份报告。", "Click a cell to read the two reports side by side.").to_owned(),
            };
            // The groups as buttons too: a way in without a pointer, and each
            // one's reports named on hover.
            let group_buttons = groups.as_ref().as_ref().map(|groups| {
                html! {
                    <div class="group-chips chips" aria-label={language.pick("各组报告", "Groups of reports")}>
                        { for groups.iter().enumerate().map(|(g, group)| {
                            let shown: Vec<String> = group.iter().take(GROUP_NAMES_SHOWN).map(|&i| display_file_name(&names[i])).collect();
                            let more = if group.len() <= GROUP_NAMES_SHOWN {
                                String::new()
                            } else {
                                language.pick(format!(" 等 {} 份", group.len()), format!("… ({} in all)", language.count(group.len())))
                            };
                            // The tooltip names the reports, so the button is
                            // marked as Chinese and its label as the page's language.
                            html! {
                                <button class="chip group-chip" lang={CONTENT_LANG} title={format!("{}{more}", shown.join(language.pick("、", ", ")))}
                                    onclick={zoom_to.reform(move |_: MouseEvent| (g, g))}>
                                    <span lang={language.code()}>{ group_label(language, g, group.len()) }</span>
                                </button>
                            }
                        }) }
                    </div>
                }
            });
            html! {
                <>
                    <p class="panel-note similarity-hint">{ hint }</p>
                    { for group_buttons }
                    if let Some(option) = heatmap.as_ref().clone() {
                        <div class="heatmap-box" key="heatmap">
                            <Chart {option} class="similarity-heatmap" label={language.pick("报告相似度热力图", "Report similarity heatmap")}
                                on_click={on_cell} on_axis_click={on_axis_label} />
                        </div>
                    }
                </>
            }
        }
        SimilarityChartKind::Graph => {
            let on_threshold = {
                let threshold = threshold.clone();
                Callback::from(move |event: InputEvent| {
                    let value =
                        event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|input| input.value());
                    if let Some(value) = value.and_then(|v| v.parse::<u32>().ok()) {
                        threshold.set(value.min(100));
                    }
                })
            };
            let body = match graph.as_ref().clone() {
                Some((option, edges, left_out)) => {
                    let mut note = language.pick(
                        format!(
                            "{} 份报告，{edges} 条连线（共有比例不低于 {}%）。线越粗、颜色越深，共有越多；点击连线并排对照两份报告。",
                            members.len(),
                            *threshold
                        ),
                        format!(
                            "{}, {} (sharing at least {}%). The thicker and darker a link, the more the two share; \
                             click a link to read the two reports side by side.",
                            language.things(members.len(), "份", "report", "reports"),
                            language.things(edges, "条", "link", "links"),
                            *threshold
                        ),
                    );
                    if left_out > 0 {
                        note.push_str(&language.pick(
                            format!("另有 {left_out} 条较弱的连线未画出。"),
                            format!(
                                " {} weaker {} not drawn.",
                                language.count(left_out),
                                if left_out == 1 { "link is" } else { "links are" }
                            ),
                        ));
                    }
                    html! {
                        <>
                            <p class="panel-note similarity-hint">{ note }</p>
                            <div class="graph-box" key="graph">
                                <Chart {option} class="similarity-graph" label={language.pick("报告关系图", "Report similarity graph")} on_click={on_cell} />
                            </div>
                        </>
                    }
                }
                None => html! {
                    <p class="panel-note similarity-hint">
                        { language.pick(
                            format!("关系图最多显示 {MAX_GRAPH_NODES} 份报告，当前范围有 {} 份。请先在热力图中点击一组，缩小范围后再看关系图。", members.len()),
                            format!(
                                "The graph shows at most {MAX_GRAPH_NODES} reports; this range has {}. \
                                 Click a group in the heatmap to narrow the range first.",
                                language.count(members.len())
                            ),
                        ) }
                    </p>
                },
            };
            html! {
                <>
                    <label class="threshold-control" title={language.pick(
                        "两份报告中任一份有这么多文字见于另一份才连线（取 A→B 与 B→A 中较大者）",
                        "Two reports are linked when either has at least this share of its text in the other (the larger of A→B and B→A)",
                    )}>
                        { language.pick("连线阈值 ", "Link threshold ") }
                        <input type="range" min="0" max="90" step="5" value={threshold.to_string()} oninput={on_threshold}
                            aria-label={language.pick("连线阈值（%）", "Link threshold (%)")} />
                        <output>{ format!("{}%", *threshold) }</output>
                    </label>
                    { body }
                </>
            }
        }
    };
    let trail_view = (!levels.is_empty()).then(|| {
        let back = {
            let (set_levels, levels) = (set_levels.clone(), levels.clone());
            Callback::from(move |_: MouseEvent| set_levels.emit(levels[..levels.len() - 1].to_vec()))
        };
        html! {
            <nav class="zoom-trail" aria-label={language.pick("缩放范围", "Zoom range")}>
                <button class="zoom-back" onclick={back}>{ language.pick("← 返回上一级", "← Back") }</button>
                <button class="zoom-level" onclick={set_levels.reform(|_: MouseEvent| Vec::new())}>
                    { language.pick(format!("全部 {} 份", order.len()), format!("All {}", language.things(order.len(), "份", "report", "reports"))) }
                </button>
                { for levels.iter().enumerate().map(|(depth, zoom)| {
                    let kept = levels[..=depth].to_vec();
                    let current = depth + 1 == levels.len();
                    html! {
                        <>
                            <span class="zoom-separator" aria-hidden="true">{ "›" }</span>
                            <button class={classes!("zoom-level", current.then_some("current"))} aria-current={current.then_some("true")}
                                onclick={set_levels.reform(move |_: MouseEvent| kept.clone())}>
                                { zoom.label(language) }
                            </button>
                        </>
                    }
                }) }
            </nav>
        }
    });
    let comparison = &set.comparison;
    html! {
        <div class="similarity-view">
            { for trail_view }
            { chart }
            <h4 class="list-title" title={language.pick("不见于其他任何报告（或模板）的文字所占比例", "Share of text found in no other report (or template)")}>
                { match (levels.is_empty(), language) {
                    (true, _) => language.pick("各报告自有文字", "Own text per report").to_owned(),
                    (false, Language::Chinese) => format!("各报告自有文字（当前范围 {} 份）", members.len()),
                    (false, Language::English) => format!("Own text per report ({} in range)", language.count(members.len())),
                } }
            </h4>
            <table class="score-table own-text">
                <thead>
                    <tr>
                        <th>{ language.pick("报告", "Report") }</th>
                        <th>{ language.pick("字数", "Characters") }</th>
                        <th>{ language.pick("自有", "Own") }</th>
                        <th>{ language.pick("套话", "Boilerplate") }</th>
                    </tr>
                </thead>
                <tbody>
                    { for members.iter().filter_map(|&i| comparison.reports.get(i).map(|report| (i, report))).map(|(i, report)| html! {
                        <tr>
                            <td class="file-cell" lang={CONTENT_LANG} title={display_file_name(&names[i])}>{ display_file_name(&names[i]) }</td>
                            <td class="number">{ report.chars }</td>
                            <td class="number">{ format!("{:.1}%", report.own_share * 100.0) }</td>
                            <td class="number">{ report.template_chars }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_into_groups_keeps_their_order() {
        let groups = vec![vec![4, 2], vec![0], vec![1, 3]];
        let zoom = zoom_into(&groups, 2, 0).expect("two groups");
        assert_eq!(*zoom.members, vec![4, 2, 1, 3], "the first group shown first, whichever was clicked");
        assert_eq!(zoom.label(Language::Chinese), "第 1 组 与 第 3 组（4 份）");
        assert_eq!(zoom.label(Language::English), "Group 1 and Group 3 (4)");
        assert_eq!(zoom_into(&groups, 1, 1).expect("one group").label(Language::Chinese), "第 2 组（1 份）");
        assert_eq!(*zoom_into(&groups, 1, 1).expect("one group").members, vec![0]);
        assert!(zoom_into(&groups, 3, 0).is_none(), "a group past the end zooms nowhere");
    }
}
