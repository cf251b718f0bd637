//! Theme coverage: the selected report's share of text per Party-building
//! theme as a radar (against the average of all loaded reports), a table of
//! characters per theme, and each section's theme (click to open it).

use gongwen_core::themes::Theme;
use yew::prelude::*;

use crate::charts::chart::Chart;
use crate::charts::theme_radar::theme_radar_option;
use crate::protocol::ReportId;
use crate::state::{AnalysedReports, SharedAnalysis};

/// The most sections listed: a report of many megabytes has tens of
/// thousands.
const MAX_SECTIONS: usize = 200;

/// Properties of [`ThemePanel`].
#[derive(Properties, PartialEq)]
pub struct ThemePanelProps {
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// The selected report.
    pub analysis: SharedAnalysis,
    /// Called with a heading index to open.
    pub on_heading: Callback<usize>,
}

/// The average share (percent) of each theme over `reports`.
fn average_shares(reports: &[(ReportId, SharedAnalysis)]) -> Vec<f64> {
    let count = reports.len().max(1) as f64;
    Theme::ALL
        .iter()
        .map(|theme| {
            let sum: f64 = reports
                .iter()
                .filter_map(|(_, a)| a.themes.totals.iter().find(|t| t.theme == *theme))
                .map(|t| t.share * 100.0)
                .sum();
            sum / count
        })
        .collect()
}

/// The theme panel.
#[component]
pub fn ThemePanel(props: &ThemePanelProps) -> Html {
    let option = use_memo((props.analysis.clone(), props.reports.clone()), |(analysis, reports)| {
        let average = (reports.len() > 1).then(|| average_shares(reports));
        theme_radar_option(&analysis.name, &analysis.themes.totals, average.as_deref())
    });
    let analysis = &props.analysis;
    let headings = &analysis.outline.headings;
    html! {
        <section class="theme-panel" aria-label="主题覆盖">
            <div class="theme-chart-box">
                <Chart option={option} class="theme-chart" label="主题覆盖雷达图" />
            </div>
            <table class="score-table themes">
                <thead><tr><th>{ "主题" }</th><th>{ "字数" }</th><th>{ "占比" }</th></tr></thead>
                <tbody>
                    { for analysis.themes.totals.iter().map(|share| html! {
                        <tr class={classes!((share.chars == 0).then_some("zero"))}>
                            <td>{ share.theme.label() }</td>
                            <td class="number">{ share.chars }</td>
                            <td class="number">{ format!("{:.1}%", share.share * 100.0) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h4 class="list-title">{ "各部分的主题" }</h4>
            <ul class="section-themes">
                { for analysis.themes.sections.iter().take(MAX_SECTIONS).map(|section| match section.heading {
                    Some(index) => {
                        let heading = &headings[index];
                        html! {
                            <li>
                                <button class="word-link" onclick={props.on_heading.reform(move |_: MouseEvent| index)}>
                                    { format!("{}{}", heading.marker, heading.title) }
                                </button>
                                <span class="theme-tag">{ section.theme.label() }</span>
                                <span class="number">{ format!("{} 字", section.chars) }</span>
                            </li>
                        }
                    }
                    None => html! { <li>{ "全文" }<span class="theme-tag">{ section.theme.label() }</span></li> },
                }) }
            </ul>
            if analysis.themes.sections.len() > MAX_SECTIONS {
                <p class="panel-note">{ format!("共 {} 个部分，列出前 {MAX_SECTIONS} 个", analysis.themes.sections.len()) }</p>
            }
        </section>
    }
}
