//! Theme coverage: the selected report's genre (and the cues it was told
//! by), a choice of theme scheme (each report's own genre, or one scheme for
//! all), the share of text per theme as a radar against the average of all
//! loaded reports under the same scheme, a table of characters per theme,
//! and each part of the report with its themes (click to open it).

use gongwen_core::themes::scheme::CuePlace;
use gongwen_core::themes::{Genre, ReportThemes, SectionTheme, ThemeBasis, ThemeCoverage, theme_scheme};
use yew::prelude::*;

use crate::charts::chart::Chart;
use crate::charts::theme_radar::theme_radar_option;
use crate::local_storage::{local_storage, read};
use crate::protocol::ReportId;
use crate::state::{AnalysedReports, SharedAnalysis};

/// The most sections listed: a report of many megabytes has tens of
/// thousands.
const MAX_SECTIONS: usize = 200;

/// The localStorage key of the chosen scheme; the suffix versions the value.
const STORAGE_KEY: &str = "gongwen-lens.theme-scheme.v1";

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

/// The stored scheme choice: `None` for each report's own genre.
fn load_choice() -> Option<Genre> {
    read(STORAGE_KEY).and_then(|name| Genre::from_name(&name))
}

fn save_choice(choice: Option<Genre>) {
    let Some(storage) = local_storage() else { return };
    // A refused write (private mode, quota) only loses the preference.
    let _ = match choice {
        Some(genre) => storage.set_item(STORAGE_KEY, genre.id()),
        None => storage.remove_item(STORAGE_KEY),
    };
}

/// The coverage a report is shown with under `choice`.
fn coverage_of(themes: &ReportThemes, choice: Option<Genre>) -> &ThemeCoverage {
    choice.map_or_else(|| themes.detected(), |genre| themes.coverage(genre))
}

/// The average share (percent) of each theme of `scheme` over the reports
/// it compares with: under each report's own genre, the reports of the same
/// genre; under one scheme for all, every report. `None` when there is no
/// other report to compare with; else the averages and how many reports.
fn average_shares(
    reports: &[(ReportId, SharedAnalysis)],
    scheme: Genre,
    choice: Option<Genre>,
) -> Option<(Vec<f64>, usize)> {
    let compared: Vec<&SharedAnalysis> = reports
        .iter()
        .map(|(_, analysis)| analysis)
        .filter(|analysis| choice.is_some() || analysis.themes.detection.genre == scheme)
        .collect();
    if compared.len() < 2 {
        return None;
    }
    let mut sums = vec![0.0; theme_scheme(scheme).themes.len()];
    for analysis in &compared {
        for (sum, share) in sums.iter_mut().zip(&analysis.themes.coverage(scheme).totals) {
            *sum += share.share * 100.0;
        }
    }
    let count = compared.len();
    Some((sums.into_iter().map(|sum| sum / count as f64).collect(), count))
}

/// How the genre was told, as one line.
fn genre_evidence(themes: &ReportThemes) -> String {
    let cues: Vec<String> = themes
        .detection
        .evidence
        .iter()
        .take(6)
        .map(|hit| match hit.place {
            CuePlace::Title => format!("标题含「{}」", hit.phrase),
            CuePlace::Text if hit.count > 1 => format!("正文「{}」{} 处", hit.phrase, hit.count),
            CuePlace::Text => format!("正文「{}」", hit.phrase),
        })
        .collect();
    if cues.is_empty() {
        "未见体裁特征，按工作总结处理".to_owned()
    } else {
        format!("依据：{}", cues.join("，"))
    }
}

/// A unit's themes as tags with their percentages.
fn section_tags(section: &SectionTheme) -> Html {
    let basis = match section.basis {
        ThemeBasis::Evidence => "按本部分标题和正文中的主题词计分",
        ThemeBasis::Inherited => "本部分没有主题词，按其下各部分（或全文）的主题比例推定",
        ThemeBasis::Fallback => "本部分没有主题词，归入兜底主题",
    };
    html! {
        <span class="theme-tags" title={basis}>
            { for section.themes.iter().map(|portion| {
                let percent = (portion.chars as f64 * 100.0 / section.chars.max(1) as f64).round();
                let tag = if section.themes.len() > 1 { format!("{} {percent}%", portion.theme) } else { portion.theme.clone() };
                html! { <span class={classes!("theme-tag", (section.basis != ThemeBasis::Evidence).then_some("inferred"))}>{ tag }</span> }
            }) }
        </span>
    }
}

/// The theme panel.
#[component]
pub fn ThemePanel(props: &ThemePanelProps) -> Html {
    let choice = use_state(load_choice);
    let analysis = &props.analysis;
    let coverage = coverage_of(&analysis.themes, *choice);
    let scheme = coverage.scheme;
    let option = use_memo(
        (props.analysis.clone(), props.reports.clone(), scheme, *choice),
        |(analysis, reports, scheme, choice)| {
            let average = average_shares(reports, *scheme, *choice);
            let average_label = match (choice, &average) {
                (None, Some((_, count))) => format!("同为{}的 {count} 份报告平均", scheme.label()),
                (_, Some((_, count))) => format!("全部 {count} 份报告平均"),
                _ => String::new(),
            };
            let average = average.as_ref().map(|(shares, _)| (shares.as_slice(), average_label.as_str()));
            theme_radar_option(&analysis.name, &analysis.themes.coverage(*scheme).totals, average)
        },
    );
    let headings = &analysis.outline.headings;
    let detected = analysis.themes.detection.genre;
    let chip = |value: Option<Genre>, label: String| {
        let active = *choice == value;
        let choice = choice.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            save_choice(value);
            choice.set(value);
        });
        html! {
            <button class={classes!("chip", active.then_some("active"))} aria-pressed={active.to_string()} {onclick}>{ label }</button>
        }
    };
    let party_share = coverage.party_building_share() * 100.0;
    let fallback = theme_scheme(scheme).themes[theme_scheme(scheme).fallback].name;
    html! {
        <section class="theme-panel" aria-label="主题覆盖">
            <p class="genre-line">
                <span>{ "体裁：" }<strong>{ detected.label() }</strong></span>
                <span class="panel-note">{ genre_evidence(&analysis.themes) }</span>
            </p>
            <div class="significance-levels scheme-choice" role="group" aria-label="主题方案">
                <span class="chip-label">{ "主题方案" }</span>
                { chip(None, format!("按体裁（{}）", detected.label())) }
                { for Genre::ALL.into_iter().map(|genre| chip(Some(genre), genre.label().to_owned())) }
            </div>
            <div class="theme-chart-box">
                <Chart option={option} class="theme-chart" label="主题覆盖雷达图" />
            </div>
            <table class="score-table themes">
                <thead><tr><th>{ "主题" }</th><th>{ "字数" }</th><th>{ "占比" }</th></tr></thead>
                <tbody>
                    { for coverage.totals.iter().map(|share| html! {
                        <tr class={classes!((share.chars == 0).then_some("zero"))}>
                            <td title={share.party_building.then_some("党建类主题")}>
                                { &share.theme }{ if share.party_building { "＊" } else { "" } }
                            </td>
                            <td class="number">{ share.chars }</td>
                            <td class="number">{ format!("{:.1}%", share.share * 100.0) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="panel-note">
                { format!("＊党建类主题合计 {party_share:.1}%。") }
                { format!("每部分按本部分标题（每个主题词计 5 分）、上级标题（3 分）和正文（每处 1 分）中「{}」方案的主题词计分，\
                    按得分比例分给得分不低于最高分五分之一的各主题；没有主题词的部分按其下各部分推定，仍无则归入「{fallback}」。\
                    字数不计空白。", scheme.label()) }
            </p>
            <h4 class="list-title">{ "各部分的主题" }</h4>
            <ul class="section-themes">
                { for coverage.sections.iter().take(MAX_SECTIONS).map(|section| {
                    let name = match section.heading {
                        Some(index) => {
                            let heading = &headings[index];
                            let title = format!("{}{}", heading.marker, heading.title);
                            html! {
                                <button class="word-link" title={title.clone()} onclick={props.on_heading.reform(move |_: MouseEvent| index)}>
                                    { title }
                                </button>
                            }
                        }
                        None => html! { <span class="section-name">{ "（前言）" }</span> },
                    };
                    html! {
                        <li>
                            { name }
                            { section_tags(section) }
                            <span class="number">{ format!("{} 字", section.chars) }</span>
                        </li>
                    }
                }) }
            </ul>
            if coverage.sections.len() > MAX_SECTIONS {
                <p class="panel-note">{ format!("共 {} 个部分，列出前 {MAX_SECTIONS} 个", coverage.sections.len()) }</p>
            }
        </section>
    }
}
