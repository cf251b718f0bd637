//! The structure panel: how each loaded report divides its text among its
//! top-level sections, as stacked bars that fill the panel. Hovering a
//! segment shows its full heading, its characters and its share; clicking it
//! opens that section in the reader. The panel and the chart's tooltips
//! speak the page's language; names and headings are the reports' own.

use gongwen_core::ReportAnalysis;
use yew::prelude::*;

use crate::charts::chart::Chart;
use crate::charts::section_shares::{DEFAULT_CHART_WIDTH, parse_segment_name, section_share_option};
use crate::i18n::use_language;
use crate::protocol::ReportId;
use crate::state::AnalysedReports;

/// Properties of [`StructurePanel`].
#[derive(Properties, PartialEq)]
pub struct StructurePanelProps {
    /// The analysed reports, in list order.
    pub reports: AnalysedReports,
    /// Called with a report and a heading index (`None`: its preamble).
    pub on_open: Callback<(ReportId, Option<usize>)>,
}

/// The structure panel.
#[component]
pub fn StructurePanel(props: &StructurePanelProps) -> Html {
    let language = use_language();
    // The option is laid out for the chart's width: labels are cut to their
    // segments' widths in pixels.
    let width = use_state_eq(|| 0);
    let option = use_memo((props.reports.clone(), *width, language), |(reports, width, language)| {
        let borrowed: Vec<(ReportId, &ReportAnalysis)> = reports.iter().map(|(id, a)| (*id, &**a)).collect();
        let width = if *width == 0 { DEFAULT_CHART_WIDTH } else { f64::from(*width) };
        section_share_option(&borrowed, width, *language)
    });
    let on_click = {
        let on_open = props.on_open.clone();
        Callback::from(move |name: String| {
            if let Some(target) = parse_segment_name(&name) {
                on_open.emit(target);
            }
        })
    };
    let on_resize = {
        let width = width.clone();
        Callback::from(move |(measured, _): (u32, u32)| width.set(measured))
    };
    // The chart fills the panel, each bar with room for its name and label;
    // many reports make it taller than the panel, which then scrolls. The
    // stylesheet reads the report count from a custom property, set through
    // the CSSOM: the page's CSP forbids inline styles.
    let chart_box = use_node_ref();
    {
        let chart_box = chart_box.clone();
        use_effect_with(props.reports.len(), move |reports| {
            if let Some(element) = chart_box.cast::<web_sys::HtmlElement>() {
                let _ = element.style().set_property("--bars", &reports.to_string());
            }
        });
    }
    html! {
        <section class="structure-panel" aria-label={language.pick("篇幅结构", "Proportions")}>
            <p class="panel-note">{ language.pick(
                "每份报告各部分（一级标题）所占篇幅；悬停色块看完整标题和字数，点击可跳到该部分。",
                "How much of each report each top-level section takes; hover over a segment for its full heading and size, \
                 click it to go to that section.",
            ) }</p>
            <div class="structure-chart-box" ref={chart_box}>
                <Chart option={option} on_click={on_click} on_resize={on_resize} class="structure-chart"
                    label={language.pick("各报告篇幅结构堆叠条形图", "Stacked bars of each report's sections")} />
            </div>
        </section>
    }
}
