//! The structure panel: how each loaded report divides its text among its
//! top-level sections, as stacked bars. Clicking a segment opens that section
//! in the reader.

use gongwen_core::ReportAnalysis;
use yew::prelude::*;

use crate::charts::chart::Chart;
use crate::charts::section_shares::{parse_segment_name, section_share_option};
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
    let option = use_memo(props.reports.clone(), |reports| {
        let borrowed: Vec<(ReportId, &ReportAnalysis)> = reports.iter().map(|(id, a)| (*id, &**a)).collect();
        section_share_option(&borrowed)
    });
    let on_click = {
        let on_open = props.on_open.clone();
        Callback::from(move |name: String| {
            if let Some(target) = parse_segment_name(&name) {
                on_open.emit(target);
            }
        })
    };
    // Each bar needs room for its label; the chart grows with the report
    // count. Set through the CSSOM: the page's CSP forbids inline styles.
    let chart_box = use_node_ref();
    {
        let chart_box = chart_box.clone();
        use_effect_with(props.reports.len(), move |reports| {
            if let Some(element) = chart_box.cast::<web_sys::HtmlElement>() {
                let _ = element.style().set_property("height", &format!("{}px", 80 + 34 * reports));
            }
        });
    }
    html! {
        <section class="structure-panel" aria-label="篇幅结构">
            <p class="panel-note">{ "每份报告各部分（一级标题）所占篇幅；点击色块可跳到该部分。" }</p>
            <div class="structure-chart-box" ref={chart_box}>
                <Chart option={option} on_click={on_click} class="structure-chart" label="各报告篇幅结构堆叠条形图" />
            </div>
        </section>
    }
}
