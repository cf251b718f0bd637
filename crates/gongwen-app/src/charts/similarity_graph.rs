//! The option of the similarity graph (关系图), in the spirit of Dolos's
//! plagiarism graph: reports as nodes sized by their characters, an edge
//! between two reports weighted by the larger of the two shares
//! (max(A→B, B→A)), laid out by force so that reports copying each other
//! pull together. Edges under a threshold are left out, and at most
//! [`MAX_EDGES`] of the strongest are drawn.
//!
//! Each edge's id is the heatmap's cell name (`"<a>,<b>"`, indices in the
//! comparison), which ECharts reports as the clicked edge's name, so a click
//! opens the pair as a heatmap cell does; its tooltip gives both shares and
//! the number of shared passages. A node's name (`报告 <i>`, an id the page
//! never shows) never reads as a cell name, and its label is the file's
//! short name. Tooltips are in the page's language.

use gongwen_core::compare::Comparison;
use gongwen_core::file_name::display_file_name;
use serde_json::{Value, json};

use super::chart_text::{formatter_safe, short_report_label};
use super::similarity_heatmap::{cell_name, pair_tooltip};
use crate::i18n::Language;

/// The most edges drawn: the strongest first.
pub const MAX_EDGES: usize = 1500;

/// Above this many reports node labels are shown only on hover.
const LABELLED_NODES: usize = 15;

/// The graph's option and what it leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarityGraph {
    /// The ECharts option.
    pub option: Value,
    /// Edges drawn.
    pub edges: usize,
    /// Edges at or above the threshold left out for [`MAX_EDGES`].
    pub left_out: usize,
}

/// A share (0–1) as a percentage with one decimal.
fn percent(value: f64) -> f64 {
    (value * 1000.0).round() / 10.0
}

/// An edge's colour: darker the more the two reports share.
fn edge_colour(weight: f64) -> &'static str {
    match weight {
        w if w >= 0.6 => "#6e1212",
        w if w >= 0.4 => "#b22c2c",
        w if w >= 0.2 => "#d4683a",
        _ => "#e8a58a",
    }
}

/// The graph of `comparison` over the reports `members` (indices into the
/// comparison; the force layout starts from them on a circle, in order, so
/// that it is the same every time),
/// named `names`, with the edges whose weight is at least `threshold` (0–1),
/// and tooltips in `language`.
pub fn similarity_graph_option(
    language: Language,
    names: &[String],
    comparison: &Comparison,
    members: &[usize],
    threshold: f64,
) -> SimilarityGraph {
    let weight = |a: usize, b: usize| comparison.similarity[a][b].max(comparison.similarity[b][a]);
    // (weight, position of a, position of b) of every pair shown.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (x, &a) in members.iter().enumerate() {
        for (y, &b) in members.iter().enumerate().skip(x + 1) {
            let w = weight(a, b);
            if w > 0.0 && w >= threshold {
                pairs.push((w, x, y));
            }
        }
    }
    pairs.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
    let left_out = pairs.len().saturating_sub(MAX_EDGES);
    pairs.truncate(MAX_EDGES);
    let mut degree = vec![0usize; members.len()];
    for &(_, x, y) in &pairs {
        degree[x] += 1;
        degree[y] += 1;
    }
    // Few reports spread out; many keep closer (shorter edges, smaller
    // nodes, a stronger pull to the middle) so that they stay in view.
    let spread = (10.0 / members.len().max(1) as f64).sqrt().clamp(0.3, 1.0);
    let largest = members.iter().map(|&i| comparison.reports.get(i).map_or(0, |r| r.chars)).max().unwrap_or(0).max(1);
    let nodes: Vec<Value> = members
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let report = comparison.reports.get(i);
            let chars = report.map_or(0, |r| r.chars);
            let own = report.map_or(0.0, |r| r.own_share);
            let (name, own) = (display_file_name(&names[i]), percent(own));
            let tooltip = language.pick(
                format!("{name}\n{chars} 字，自有文字 {own}%\n与 {} 份报告的共有比例达到阈值", degree[k]),
                format!(
                    "{name}\n{} characters, {own}% own text\nShares at least the threshold with {}",
                    language.count(chars),
                    language.things(degree[k], "份", "report", "reports")
                ),
            );
            json!({
                "id": format!("r{i}"),
                "name": format!("报告 {i}"),
                "value": chars,
                "symbolSize": ((10.0 + 26.0 * (chars as f64 / largest as f64).sqrt()) * spread.max(0.5)).round(),
                "label": { "formatter": formatter_safe(&short_report_label(&names[i], 12)) },
                "tooltip": { "formatter": formatter_safe(&tooltip) },
            })
        })
        .collect();
    let links: Vec<Value> = pairs
        .iter()
        .map(|&(w, x, y)| {
            let (a, b) = (members[x], members[y]);
            let tooltip = format!(
                "{}\n{}",
                pair_tooltip(language, names, comparison, a, b),
                language.pick("点击并排对照", "Click to read side by side")
            );
            json!({
                "id": cell_name(a, b),
                "source": x,
                "target": y,
                "value": percent(w),
                "lineStyle": { "width": (1.0 + 7.0 * w).min(8.0), "color": edge_colour(w) },
                "tooltip": { "formatter": formatter_safe(&tooltip) },
            })
        })
        .collect();
    let option = json!({
        "animation": false,
        "tooltip": { "renderMode": "richText", "confine": true },
        "series": [{
            "type": "graph",
            "layout": "force",
            "data": nodes,
            "links": links,
            "roam": true,
            "draggable": true,
            "force": {
                "initLayout": "circular",
                "repulsion": [(120.0 * spread).round(), (360.0 * spread).round()],
                "edgeLength": [(60.0 * spread).round(), (200.0 * spread).round()],
                "gravity": (0.1 / spread * 100.0).round() / 100.0,
                "layoutAnimation": false,
            },
            "itemStyle": { "color": "#4e79a7", "borderColor": "#fff", "borderWidth": 1 },
            "label": { "show": members.len() <= LABELLED_NODES, "position": "bottom", "distance": 2, "fontSize": 11, "color": "#333" },
            "lineStyle": { "opacity": 0.75, "curveness": 0 },
            "emphasis": { "focus": "adjacency", "label": { "show": true }, "lineStyle": { "opacity": 1 } },
        }],
    });
    SimilarityGraph { option, edges: pairs.len(), left_out }
}

#[cfg(test)]
mod tests {
    use gongwen_core::compare::ComparedReport;

    use super::*;
    use crate::charts::similarity_heatmap::parse_cell_name;

    /// A comparison of reports of `chars` characters with `similarity`.
    fn comparison_of(chars: &[usize], similarity: Vec<Vec<f64>>) -> Comparison {
        let n = similarity.len();
        Comparison {
            settings: Default::default(),
            reports: chars
                .iter()
                .map(|&chars| ComparedReport { chars, template_chars: 0, shared_chars: 0, own_share: 0.5 })
                .collect(),
            similarity,
            shared_passages: (0..n).map(|a| (0..n).map(|b| a + b).collect()).collect(),
            passages: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn edges_weigh_the_larger_share_and_the_threshold_hides_weak_ones() {
        // 0 → 1: 30 %, 1 → 0: 50 %; 0 and 2: 5 % one way; 1 and 2 nothing.
        let comparison =
            comparison_of(&[1000, 4000, 250], vec![vec![1.0, 0.3, 0.05], vec![0.5, 1.0, 0.0], vec![0.0, 0.0, 1.0]]);
        let names: Vec<String> = ["甲.txt", "乙.txt", "{丙}.txt"].map(String::from).to_vec();
        let graph = similarity_graph_option(Language::Chinese, &names, &comparison, &[0, 1, 2], 0.1);
        let series = &graph.option["series"][0];
        let links = series["links"].as_array().expect("links");
        assert_eq!(links.len(), 1, "the 5 % pair is under the threshold and 1–2 share nothing");
        assert_eq!(graph.edges, 1);
        assert_eq!(links[0]["value"], 50.0, "the larger of the two shares");
        assert_eq!((links[0]["source"].clone(), links[0]["target"].clone()), (json!(0), json!(1)));
        assert_eq!(parse_cell_name(links[0]["id"].as_str().expect("an id")), Some((0, 1)), "a click opens the pair");
        let tooltip = links[0]["tooltip"]["formatter"].as_str().expect("a tooltip");
        assert!(tooltip.contains("前者 30% 的文字见于后者\n后者 50% 的文字见于前者\n共有段落 1 段"), "{tooltip}");

        let nodes = series["data"].as_array().expect("nodes");
        assert_eq!(nodes.len(), 3);
        let size = |k: usize| nodes[k]["symbolSize"].as_f64().expect("a size");
        assert!(size(1) > size(0) && size(0) > size(2), "nodes grow with their characters");
        assert_eq!(nodes[2]["label"]["formatter"], "｛丙｝");
        assert!(nodes.iter().all(|node| parse_cell_name(node["name"].as_str().unwrap_or("")).is_none()));

        let english = similarity_graph_option(Language::English, &names, &comparison, &[0, 1, 2], 0.1);
        let series = &english.option["series"][0];
        let tooltip = series["links"][0]["tooltip"]["formatter"].as_str().expect("a tooltip");
        assert!(tooltip.ends_with("Shared passages: 1\nClick to read side by side"), "{tooltip}");
        let node = series["data"][1]["tooltip"]["formatter"].as_str().expect("a tooltip");
        assert_eq!(node, "乙.txt\n4,000 characters, 50% own text\nShares at least the threshold with 1 report");

        let all = similarity_graph_option(Language::Chinese, &names, &comparison, &[0, 1, 2], 0.0);
        assert_eq!(all.edges, 2, "at 0 % every pair that shares anything is drawn");
        let subset = similarity_graph_option(Language::Chinese, &names, &comparison, &[2, 0], 0.0);
        assert_eq!(subset.option["series"][0]["links"][0]["id"], "2,0", "members are indices into the comparison");
    }

    #[test]
    fn only_the_strongest_edges_are_drawn() {
        let n = 60;
        let similarity: Vec<Vec<f64>> = (0..n)
            .map(|a| (0..n).map(|b| if a == b { 1.0 } else { 0.2 + (a + b) as f64 / 1000.0 }).collect())
            .collect();
        let comparison = comparison_of(&vec![100; n], similarity);
        let names: Vec<String> = (0..n).map(|i| format!("{i}.txt")).collect();
        let members: Vec<usize> = (0..n).collect();
        let graph = similarity_graph_option(Language::Chinese, &names, &comparison, &members, 0.1);
        assert_eq!(graph.edges, MAX_EDGES);
        assert_eq!(graph.left_out, n * (n - 1) / 2 - MAX_EDGES);
        let links = graph.option["series"][0]["links"].as_array().expect("links");
        let mut weights: Vec<f64> =
            (0..n).flat_map(|a| (a + 1..n).map(move |b| 0.2 + (a + b) as f64 / 1000.0)).collect();
        weights.sort_by(|x, y| y.total_cmp(x));
        let weakest_drawn = links.last().and_then(|link| link["value"].as_f64()).unwrap_or(0.0);
        assert_eq!(weakest_drawn, percent(weights[MAX_EDGES - 1]), "the strongest are kept");
        assert_eq!(graph.option["series"][0]["label"]["show"], false, "60 labels would cover the graph");
    }
}
