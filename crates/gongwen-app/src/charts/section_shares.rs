//! The option of the structure chart: one stacked bar per report, each
//! segment the share of the report's text in one top-level section (preamble
//! first). Segment names are `"<report id>:<heading index>"` so a click can open
//! the section; tooltips and labels carry the readable text. Tooltips are
//! drawn on the canvas (`renderMode: richText`): ECharts puts a formatter's
//! string into an HTML tooltip as HTML, and headings come from the files.

use gongwen_core::ReportAnalysis;
use gongwen_core::file_name::display_file_name;
use gongwen_core::outline::{Heading, HeadingKind};
use serde_json::{Value, json};

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

fn segments(report: ReportId, analysis: &ReportAnalysis) -> Vec<Segment> {
    let text = &analysis.cleaned.text;
    let total = text.chars().filter(|c| !c.is_whitespace()).count().max(1) as f64;
    let percent = |chars: usize| (chars as f64 * 1000.0 / total).round() / 10.0;
    let mut segments = Vec::new();
    if let Some(preamble) = analysis.outline.preamble {
        let chars = preamble.slice(text).chars().filter(|c| !c.is_whitespace()).count();
        segments.push(Segment {
            name: segment_name(report, None),
            label: "前言".to_owned(),
            tooltip: format!("前言：{chars} 字，占 {}%", percent(chars)),
            share: percent(chars),
            colour: PREAMBLE_COLOUR,
        });
    }
    let tops: Vec<(usize, &Heading)> =
        analysis.outline.headings.iter().enumerate().filter(|(_, h)| h.parent.is_none()).collect();
    let shown = if tops.len() > MAX_SEGMENTS { MAX_SEGMENTS - 1 } else { tops.len() };
    for (position, &(index, heading)) in tops[..shown].iter().enumerate() {
        let label = match heading.kind {
            HeadingKind::Closing => "结语".to_owned(),
            HeadingKind::Problems => "问题".to_owned(),
            _ if heading.marker.starts_with(['#', '*']) => heading.title.chars().take(4).collect(),
            _ => heading.marker.trim_end_matches(['、', '，', ',']).to_owned(),
        };
        segments.push(Segment {
            name: segment_name(report, Some(index)),
            tooltip: format!(
                "{}{}：{} 字，占 {}%",
                heading.marker,
                heading.title,
                heading.chars,
                percent(heading.chars)
            ),
            label,
            share: percent(heading.chars),
            colour: SECTION_COLOURS[position % SECTION_COLOURS.len()],
        });
    }
    if let Some(&(first, _)) = tops.get(shown) {
        let rest = &tops[shown..];
        let chars = rest.iter().map(|(_, heading)| heading.chars).sum();
        segments.push(Segment {
            name: segment_name(report, Some(first)),
            label: "其余".to_owned(),
            tooltip: format!("其余 {} 个部分：{chars} 字，占 {}%", rest.len(), percent(chars)),
            share: percent(chars),
            colour: PREAMBLE_COLOUR,
        });
    }
    segments
}

/// The stacked bar chart of section shares of `reports` (id, analysis), in
/// list order from top to bottom.
pub fn section_share_option(reports: &[(ReportId, &ReportAnalysis)]) -> Value {
    let names: Vec<String> = reports.iter().rev().map(|(_, analysis)| display_file_name(&analysis.name)).collect();
    let per_report: Vec<Vec<Segment>> = reports.iter().rev().map(|(id, analysis)| segments(*id, analysis)).collect();
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
                        "label": { "show": segment.share >= 6.0, "formatter": segment.label },
                        "tooltip": { "formatter": segment.tooltip },
                    }),
                    None => json!({ "value": 0, "name": "", "label": { "show": false }, "tooltip": { "show": false } }),
                })
                .collect();
            json!({
                "type": "bar",
                "stack": "share",
                "data": data,
                "barMaxWidth": 22,
                "label": { "position": "inside", "color": "#fff", "fontSize": 11 },
                "itemStyle": { "borderColor": "#fff", "borderWidth": 1 },
                "emphasis": { "focus": "self" },
            })
        })
        .collect();
    json!({
        "animation": false,
        // Confined to the chart, so that a tooltip near the window's left edge is not cut off.
        "tooltip": { "trigger": "item", "renderMode": "richText", "confine": true },
        "grid": { "left": 8, "right": 16, "top": 8, "bottom": 24, "containLabel": true },
        "xAxis": { "type": "value", "max": 100, "axisLabel": { "formatter": "{value}%" }, "splitLine": { "lineStyle": { "color": "#eee" } } },
        "yAxis": {
            "type": "category",
            "data": names,
            "axisTick": { "show": false },
            "axisLabel": { "width": 120, "overflow": "truncate", "color": "#333" },
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
        let option = section_share_option(&[(5, &analysis)]);
        let series = option["series"].as_array().expect("series");
        // Preamble, four numbered sections and the closing part.
        assert_eq!(series.len(), 6);
        assert_eq!(series[0]["data"][0]["name"], "5:preamble");
        assert_eq!(series[1]["data"][0]["label"]["formatter"], "一");
        assert_eq!(series[5]["data"][0]["label"]["formatter"], "结语");
        let total: f64 = series.iter().map(|s| s["data"][0]["value"].as_f64().expect("a share")).sum();
        assert!((95.0..=100.5).contains(&total), "shares add up to the whole text: {total}");
    }

    #[test]
    fn sections_past_the_limit_share_one_segment() {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        let text: String = (1..=60).map(|n| format!("{n}. 第{n}部分\n内容。\n")).collect();
        let analysis = gongwen_core::analyze_report("many.txt", text.as_bytes(), &segmenter).expect("analysis");
        let option = section_share_option(&[(1, &analysis)]);
        let series = option["series"].as_array().expect("series");
        assert_eq!(series.len(), MAX_SEGMENTS + usize::from(analysis.outline.preamble.is_some()));
        assert_eq!(series.last().expect("a series")["data"][0]["label"]["formatter"], "其余");
    }

    #[test]
    fn segment_names_round_trip() {
        assert_eq!(parse_segment_name(&segment_name(7, Some(3))), Some((7, Some(3))));
        assert_eq!(parse_segment_name(&segment_name(7, None)), Some((7, None)));
        assert_eq!(parse_segment_name("x"), None);
    }
}
