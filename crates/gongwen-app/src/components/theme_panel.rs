//! Theme coverage: the selected report's genre (and the cues it was told
//! by), a choice of theme scheme (each report's own genre, or one scheme for
//! all), the share of text per theme as a radar against the average of all
//! loaded reports under the same scheme, a table of characters per theme,
//! and each part of the report with its themes (click to open it). The
//! panel speaks the page's language; theme names, cue words and headings
//! are the schemes' and the reports' own.

use gongwen_core::themes::scheme::CuePlace;
use gongwen_core::themes::{CueHit, Genre, ReportThemes, SectionTheme, ThemeBasis, ThemeCoverage, theme_scheme};
use yew::prelude::*;

use crate::charts::chart::Chart;
use crate::charts::theme_radar::theme_radar_option;
use crate::i18n::{CONTENT_LANG, Language, use_language};
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

/// The words around a cue's phrase in the line that says how the genre was
/// told: before it and after it (the phrase is the report's own).
fn cue_frame(hit: &CueHit, language: Language) -> (&'static str, String) {
    match (hit.place, language) {
        (CuePlace::Title, Language::Chinese) => ("标题含「", "」".to_owned()),
        (CuePlace::Title, Language::English) => ("title “", "”".to_owned()),
        (CuePlace::Text, Language::Chinese) if hit.count > 1 => ("正文「", format!("」{} 处", hit.count)),
        (CuePlace::Text, Language::English) if hit.count > 1 => ("text “", format!("” ×{}", hit.count)),
        (CuePlace::Text, Language::Chinese) => ("正文「", "」".to_owned()),
        (CuePlace::Text, Language::English) => ("text “", "”".to_owned()),
    }
}

/// How the genre was told, as one line.
fn genre_evidence(themes: &ReportThemes, language: Language) -> Html {
    let cues = &themes.detection.evidence;
    if cues.is_empty() {
        return html! { { language.pick("未见体裁特征，按工作总结处理", "No genre cues found; read as a work summary") } };
    }
    let separator = language.pick("，", ", ");
    html! {
        <>
            { language.pick("依据：", "Cues: ") }
            { for cues.iter().take(6).enumerate().map(|(index, hit)| {
                let (before, after) = cue_frame(hit, language);
                html! {
                    <>
                        { if index > 0 { separator } else { "" } }
                        { before }<span lang={CONTENT_LANG}>{ &hit.phrase }</span>{ after }
                    </>
                }
            }) }
        </>
    }
}

/// A unit's themes as tags with their percentages.
fn section_tags(section: &SectionTheme, language: Language) -> Html {
    let basis = match section.basis {
        ThemeBasis::Evidence => {
            language.pick("按本部分标题和正文中的主题词计分", "Scored by the cue words in this part's heading and text")
        }
        ThemeBasis::Inherited => language.pick(
            "本部分没有主题词，按其下各部分（或全文）的主题比例推定",
            "No cue words here: taken from the themes of the parts under it (or of the whole text)",
        ),
        ThemeBasis::Fallback => {
            language.pick("本部分没有主题词，归入兜底主题", "No cue words here: put under the catch-all theme")
        }
    };
    html! {
        <span class="theme-tags" title={basis}>
            { for section.themes.iter().map(|portion| {
                let percent = (portion.chars as f64 * 100.0 / section.chars.max(1) as f64).round();
                let tag = if section.themes.len() > 1 { format!("{} {percent}%", portion.theme) } else { portion.theme.clone() };
                html! { <span class={classes!("theme-tag", (section.basis != ThemeBasis::Evidence).then_some("inferred"))} lang={CONTENT_LANG}>{ tag }</span> }
            }) }
        </span>
    }
}

/// The theme panel.
#[component]
pub fn ThemePanel(props: &ThemePanelProps) -> Html {
    let language = use_language();
    let choice = use_state(load_choice);
    let analysis = &props.analysis;
    let coverage = coverage_of(&analysis.themes, *choice);
    let scheme = coverage.scheme;
    let option = use_memo(
        (props.analysis.clone(), props.reports.clone(), scheme, *choice, language),
        |(analysis, reports, scheme, choice, language)| {
            let average = average_shares(reports, *scheme, *choice);
            let average_label = match (choice, &average) {
                (None, Some((_, count))) => language.pick(
                    format!("同为{}的 {count} 份报告平均", scheme.label()),
                    format!("Average of the {count} reports of this genre"),
                ),
                (_, Some((_, count))) => language.pick(
                    format!("全部 {count} 份报告平均"),
                    format!("Average of all {} reports", language.count(*count)),
                ),
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
        <section class="theme-panel" aria-label={language.pick("主题覆盖", "Theme coverage")}>
            <p class="genre-line">
                <span>{ language.pick("体裁：", "Genre: ") }<strong>{ language.genre(detected) }</strong></span>
                <span class="panel-note">{ genre_evidence(&analysis.themes, language) }</span>
            </p>
            <div class="significance-levels scheme-choice" role="group" aria-label={language.pick("主题方案", "Theme scheme")}>
                <span class="chip-label">{ language.pick("主题方案", "Theme scheme") }</span>
                { chip(None, language.pick(format!("按体裁（{}）", detected.label()), format!("By genre ({})", language.genre(detected)))) }
                { for Genre::ALL.into_iter().map(|genre| chip(Some(genre), language.genre(genre).to_owned())) }
            </div>
            <div class="theme-chart-box">
                <Chart option={option} class="theme-chart" label={language.pick("主题覆盖雷达图", "Radar chart of theme coverage")} />
            </div>
            <table class="score-table themes">
                <thead><tr>
                    <th>{ language.pick("主题", "Theme") }</th>
                    <th>{ language.pick("字数", "Characters") }</th>
                    <th>{ language.pick("占比", "Share") }</th>
                </tr></thead>
                <tbody>
                    { for coverage.totals.iter().map(|share| html! {
                        <tr class={classes!((share.chars == 0).then_some("zero"))}>
                            <td title={share.party_building.then_some(language.pick("党建类主题", "Party-building theme"))}>
                                <span lang={CONTENT_LANG}>{ &share.theme }</span>
                                { if share.party_building { language.pick("＊", "*") } else { "" } }
                            </td>
                            <td class="number">{ share.chars }</td>
                            <td class="number">{ format!("{:.1}%", share.share * 100.0) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="panel-note">
                { language.pick(
                    format!("＊党建类主题合计 {party_share:.1}%。"),
                    format!("* Party-building themes together: {party_share:.1}%. "),
                ) }
                { language.pick(
                    format!("每部分按本部分标题（每个主题词计 5 分）、上级标题（3 分）和正文（每处 1 分）中「{}」方案的主题词计分，\
                        按得分比例分给得分不低于最高分五分之一的各主题；没有主题词的部分按其下各部分推定，仍无则归入「", scheme.label()),
                    format!("Each part is scored by the cue words of the “{}” scheme in its own heading (5 points each), its parent \
                        heading (3) and its text (1 per occurrence), and shared in proportion among the themes scoring at least a \
                        fifth of its top score; a part without cue words takes the themes of the parts under it, or else goes to “",
                        language.genre(scheme)),
                ) }
                <span lang={CONTENT_LANG}>{ fallback }</span>
                { language.pick("」。字数不计空白。", "”. Characters exclude whitespace.") }
            </p>
            <h4 class="list-title">{ language.pick("各部分的主题", "Themes by part") }</h4>
            <ul class="section-themes">
                { for coverage.sections.iter().take(MAX_SECTIONS).map(|section| {
                    let name = match section.heading {
                        Some(index) => {
                            let heading = &headings[index];
                            let title = format!("{}{}", heading.marker, heading.title);
                            html! {
                                <button class="word-link" lang={CONTENT_LANG} title={title.clone()} onclick={props.on_heading.reform(move |_: MouseEvent| index)}>
                                    { title }
                                </button>
                            }
                        }
                        None => html! { <span class="section-name">{ language.pick("（前言）", "(Preamble)") }</span> },
                    };
                    html! {
                        <li>
                            { name }
                            { section_tags(section, language) }
                            <span class="number">{ language.pick(format!("{} 字", section.chars), format!("{} chars", language.count(section.chars))) }</span>
                        </li>
                    }
                }) }
            </ul>
            if coverage.sections.len() > MAX_SECTIONS {
                <p class="panel-note">{ language.pick(
                    format!("共 {} 个部分，列出前 {MAX_SECTIONS} 个", coverage.sections.len()),
                    format!("{} parts, the first {MAX_SECTIONS} listed", language.count(coverage.sections.len())),
                ) }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_is_framed_in_either_language() {
        let hit = |place, count| CueHit { place, phrase: "述职".to_owned(), count };
        assert_eq!(cue_frame(&hit(CuePlace::Title, 1), Language::Chinese), ("标题含「", "」".to_owned()));
        assert_eq!(cue_frame(&hit(CuePlace::Text, 3), Language::Chinese), ("正文「", "」3 处".to_owned()));
        assert_eq!(cue_frame(&hit(CuePlace::Text, 1), Language::Chinese), ("正文「", "」".to_owned()));
        assert_eq!(cue_frame(&hit(CuePlace::Title, 1), Language::English), ("title “", "”".to_owned()));
        assert_eq!(cue_frame(&hit(CuePlace::Text, 3), Language::English), ("text “", "” ×3".to_owned()));
    }
}
