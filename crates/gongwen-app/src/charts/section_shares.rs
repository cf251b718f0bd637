//! The option of the structure chart: one stacked bar per report, each
//! segment the share of the report's text in one top-level section (preamble
//! first). Segment names are `"<report id>:<heading index>"` so a click can open
//! the section; tooltips and labels carry the readable text. Tooltips are
//! drawn on the canvas (`renderMode: richText`): ECharts puts a formatter's
//! string into an HTML tooltip as HTML, and headings come from the files.
//!
//! The chart is laid out for its width in pixels: each report's full name
//! sits above its bar, across the whole width, and each segment's label (the
//! section's short title) is cut to the segment's width, or left out when
//! the segment is too narrow to hold two characters, so labels never
//! overlap (ECharts' `hideOverlap` is the backstop).
//!
//! The chart's own words (preamble, the rest, sizes) are in the page's
//! language; names and headings are the reports' own.

use gongwen_core::ReportAnalysis;
use gongwen_core::file_name::display_file_name;
use gongwen_core::outline::{Heading, HeadingKind};
use serde_json::{Value, json};

use crate::i18n::Language;
use crate::protocol::ReportId;

/// Colours of successive top-level sections.
const SECTION_COLOURS: &[&str] =
    &["#b22c2c", "#d4683a", "#d9a441", "#6a9955", "#3f7fbf", "#7a5ea8", "#a0527c", "#4f9d9d"];

/// The most segments of one bar: past it, the last one stands for all the
/// remaining sections (a report of many megabytes has thousands, and one
/// series per segment made the chart take tens of seconds).
const MAX_SEGMENTS: usize = 24;

/// The colour of the preamble segment (and of the remaining sections).
const PREAMBLE_COLOUR: &str = "#bdbdbd";

/// The grid's margins in pixels: left, right (room for the axis' last
/// label, 「100%」), top and bottom (the axis labels).
const GRID_LEFT: f64 = 10.0;
const GRID_RIGHT: f64 = 22.0;
const GRID_TOP: f64 = 4.0;
const GRID_BOTTOM: f64 = 26.0;

/// A bar's thickness at most, in pixels.
const BAR_WIDTH: f64 = 26.0;

/// The segment labels' font size, in pixels.
const LABEL_FONT: f64 = 11.0;

/// Space a segment label keeps from the segment's edges, in pixels.
const LABEL_INSET: f64 = 3.0;

/// Where a chart the panel has not measured yet is drawn for.
pub const DEFAULT_CHART_WIDTH: f64 = 360.0;

/// A segment's name, from which a click recovers what to open.
pub fn segment_name(report: ReportId, heading: Option<usize>) -> String {
    match heading {
        Some(index) => format!("{report}:{index}"),
        None => format!("{report}:preamble"),
    }
}

/// The report and heading a segment name points at (`None` for a preamble).
pub fn parse_segment_name(name: &str) -> Option<(ReportId, Option<usize>)> {
    let (report, heading) = name.split_once(':')?;
    let report = report.parse().ok()?;
    Some((report, heading.parse().ok()))
}

/// One segment of a report's bar.
struct Segment {
    name: String,
    label: String,
    tooltip: String,
    share: f64,
    colour: &'static str,
}

/// A heading's short title for a segment's label: its title up to the
/// first comma, colon or semicolon (「坚持思想铸魂，扎实推进…」 is 「坚持思想铸魂」).
/// Closing and problem parts, whose titles are sentences, are named by
/// their part, in `language`.
pub fn short_title(heading: &Heading, language: Language) -> String {
    match heading.kind {
        HeadingKind::Closing => language.pick("结语", "Closing").to_owned(),
        HeadingKind::Problems => language.pick("问题", "Problems").to_owned(),
        _ => {
            let title = heading.title.trim();
            let short = title.split(['，', '：', '；', '。', ',', ':', ';']).next().unwrap_or(title).trim();
            if short.is_empty() {
                heading.marker.trim_end_matches(['、', '，', ',', '.', '．']).to_owned()
            } else {
                short.to_owned()
            }
        }
    }
}

/// The segments of a report's bar, their words in `language`.
fn segments(report: ReportId, analysis: &ReportAnalysis, language: Language) -> Vec<Segment> {
    let text = &analysis.cleaned.text;
    let name = display_file_name(&analysis.name);
    let total = gongwen_core::text::visible_chars(text).max(1) as f64;
    let percent = |chars: usize| (chars as f64 * 1000.0 / total).round() / 10.0;
    let tooltip = |what: &str, chars: usize| match language {
        Language::Chinese => format!("{name}\n{what}\n{chars} 字，占全文 {}%", percent(chars)),
        Language::English => {
            format!("{name}\n{what}\n{} characters, {}% of the text", language.count(chars), percent(chars))
        }
    };
    let mut segments = Vec::new();
    if let Some(preamble) = analysis.outline.preamble {
        let chars = gongwen_core::text::visible_chars(preamble.slice(text));
        segments.push(Segment {
            name: segment_name(report, None),
            label: language.pick("前言", "Preamble").to_owned(),
            tooltip: tooltip(language.pick("前言（第一个标题之前）", "Preamble (before the first heading)"), chars),
            share: percent(chars),
            colour: PREAMBLE_COLOUR,
        });
    }
    let tops: Vec<(usize, &Heading)> =
        analysis.outline.headings.iter().enumerate().filter(|(_, h)| h.parent.is_none()).collect();
    let shown = if tops.len() > MAX_SEGMENTS { MAX_SEGMENTS - 1 } else { tops.len() };
    for (position, &(index, heading)) in tops[..shown].iter().enumerate() {
        let full_title = match heading.kind {
            HeadingKind::Closing | HeadingKind::Problems if heading.marker.is_empty() => {
                format!("{}{}{}", short_title(heading, language), language.pick("：", ": "), heading.title)
            }
            _ => format!("{}{}", heading.marker, heading.title),
        };
        segments.push(Segment {
            name: segment_name(report, Some(index)),
            tooltip: tooltip(&full_title, heading.chars),
            label: short_title(heading, language),
            share: percent(heading.chars),
            colour: SECTION_COLOURS[position % SECTION_COLOURS.len()],
        });
    }
    if let Some(&(first, _)) = tops.get(shown) {
        let rest = &tops[shown..];
        let chars = rest.iter().map(|(_, heading)| heading.chars).sum();
        segments.push(Segment {
            name: segment_name(report, Some(first)),
            label: language.pick("其余", "Rest").to_owned(),
            tooltip: tooltip(
                &language.pick(format!("其余 {} 个部分", rest.len()), format!("The other {} sections", rest.len())),
                chars,
            ),
            share: percent(chars),
            colour: PREAMBLE_COLOUR,
        });
    }
    segments
}

/// A segment's label for a segment `width` pixels wide: the short title cut
/// to fit, or hidden when not even two characters fit.
fn segment_label(segment: &Segment, width: f64) -> Value {
    let room = width - 2.0 * LABEL_INSET;
    if room < 2.0 * LABEL_FONT {
        return json!({ "show": false });
    }
    json!({ "show": true, "formatter": segment.label, "width": room.floor(), "overflow": "truncate", "ellipsis": "…" })
}

/// The stacked bar chart of section shares of `reports` (id, analysis), in
/// list order from top to bottom, for a chart `chart_width` pixels wide,
/// its words in `language`.
pub fn section_share_option(reports: &[(ReportId, &ReportAnalysis)], chart_width: f64, language: Language) -> Value {
    let plot_width = (chart_width - GRID_LEFT - GRID_RIGHT).max(1.0);
    let names: Vec<String> = reports.iter().rev().map(|(_, analysis)| display_file_name(&analysis.name)).collect();
    let per_report: Vec<Vec<Segment>> =
        reports.iter().rev().map(|(id, analysis)| segments(*id, analysis, language)).collect();
    let series_count = per_report.iter().map(Vec::len).max().unwrap_or(0);
    let series: Vec<Value> = (0..series_count)
        .map(|position| {
            let data: Vec<Value> = per_report
                .iter()
                .map(|segments| match segments.get(position) {
                    Some(segment) => json!({
                        "value": segment.share,
                        "name": segment.name,
                        "itemStyle": { "color": segment.colour },
                        "label": segment_label(segment, segment.share / 100.0 * plot_width),
                        "tooltip": { "formatter": segment.tooltip },
                    }),
                    None => json!({ "value": 0, "name": "", "label": { "show": false }, "tooltip": { "show": false } }),
                })
                .collect();
            json!({
                "type": "bar",
                "stack": "share",
                "data": data,
                "barMaxWidth": BAR_WIDTH,
                "label": { "position": "inside", "color": "#fff", "fontSize": LABEL_FONT },
                "labelLayout": { "hideOverlap": true },
                "itemStyle": { "borderColor": "#fff", "borderWidth": 1 },
                "emphasis": { "focus": "self" },
            })
        })
        .collect();
    json!({
        "animation": false,
        // Confined to the chart, so that a tooltip near the window's left edge is not cut off.
        "tooltip": { "trigger": "item", "renderMode": "richText", "confine": true },
        "grid": { "left": GRID_LEFT, "right": GRID_RIGHT, "top": GRID_TOP, "bottom": GRID_BOTTOM },
        "xAxis": { "type": "value", "max": 100, "axisLabel": { "formatter": "{value}%" }, "splitLine": { "lineStyle": { "color": "#eee" } } },
        // Each report's name above its bar, across the plot's whole width.
        "yAxis": {
            "type": "category",
            "data": names,
            "axisTick": { "show": false },
            "axisLine": { "show": false },
            "axisLabel": {
                "inside": true,
                "align": "left",
                "verticalAlign": "bottom",
                "margin": 0,
                "padding": [0, 0, BAR_WIDTH / 2.0 + 3.0, 0],
                "width": plot_width.floor(),
                "overflow": "truncate",
                "color": "#333",
                "fontSize": 12,
            },
            "z": 3,
        },
        "series": series,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_report_with_preamble_and_top_level_sections() {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        let seed = include_bytes!("../../../../seeds/002_d150bcfd3ac612c2.txt");
        let analysis = gongwen_core::analyze_report("002.txt", seed, &segmenter).expect("analysis");
        let option = section_share_option(&[(5, &analysis)], 600.0, Language::Chinese);
        let series = option["series"].as_array().expect("series");
        // Preamble, four numbered sections and the closing part.
        assert_eq!(series.len(), 6);
        assert_eq!(series[0]["data"][0]["name"], "5:preamble");
        assert_eq!(series[1]["data"][0]["label"]["formatter"], "坚持政治建设首位首抓");
        assert_eq!(series[5]["data"][0]["label"]["formatter"], "结语");
        // The tooltip names the report and the whole heading with its size.
        let tooltip = series[1]["data"][0]["tooltip"]["formatter"].as_str().expect("a tooltip");
        assert!(tooltip.starts_with("002.txt\n一、坚持政治建设首位首抓，聚焦“两个维护”落实主体责任\n"), "{tooltip}");
        assert!(tooltip.contains(" 字，占全文 "), "{tooltip}");
        assert_eq!(option["yAxis"]["data"][0], "002.txt");
        let total: f64 = series.iter().map(|s| s["data"][0]["value"].as_f64().expect("a share")).sum();
        assert!((95.0..=100.5).contains(&total), "shares add up to the whole text: {total}");
    }

    #[test]
    fn sections_past_the_limit_share_one_segment() {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        let text: String = (1..=60).map(|n| format!("{n}. 第{n}部分\n内容。\n")).collect();
        let analysis = gongwen_core::analyze_report("many.txt", text.as_bytes(), &segmenter).expect("analysis");
        let option = section_share_option(&[(1, &analysis)], DEFAULT_CHART_WIDTH, Language::Chinese);
        let series = option["series"].as_array().expect("series");
        assert_eq!(series.len(), MAX_SEGMENTS + usize::from(analysis.outline.preamble.is_some()));
        assert_eq!(series.last().expect("a series")["data"][0]["label"]["formatter"], "其余");
        let option = section_share_option(&[(1, &analysis)], DEFAULT_CHART_WIDTH, Language::English);
        let last = &option["series"].as_array().expect("series").last().expect("a series")["data"][0];
        assert_eq!(last["label"]["formatter"], "Rest");
        let tooltip = last["tooltip"]["formatter"].as_str().expect("a tooltip");
        assert!(tooltip.starts_with("many.txt\nThe other 37 sections\n"), "{tooltip}");
        assert!(tooltip.contains(" characters, "), "{tooltip}");
    }

    #[test]
    fn a_label_is_cut_to_its_segment_or_left_out() {
        let segment = Segment {
            name: "1:0".to_owned(),
            label: "坚持思想铸魂".to_owned(),
            tooltip: String::new(),
            share: 10.0,
            colour: "#000",
        };
        let wide = segment_label(&segment, 120.0);
        assert_eq!((wide["show"].as_bool(), wide["width"].as_f64()), (Some(true), Some(114.0)));
        assert_eq!(wide["overflow"], "truncate");
        // Two characters of 11 px and the insets need 28 px.
        assert_eq!(segment_label(&segment, 28.0)["show"], true);
        assert_eq!(segment_label(&segment, 27.0)["show"], false);
    }

    #[test]
    fn segment_names_round_trip() {
        assert_eq!(parse_segment_name(&segment_name(7, Some(3))), Some((7, Some(3))));
        assert_eq!(parse_segment_name(&segment_name(7, None)), Some((7, None)));
        assert_eq!(parse_segment_name("x"), None);
    }
}
