//! The 对照 control of the comparison view: this year's report against last
//! year's. Reports are paired automatically — the same file name once the
//! year is taken out, the latest earlier year ([`pair_by_year`]) — and any
//! report can be set against any other chosen from a list. Opening a pair
//! shows the two side by side (`year_view.rs`); the comparison itself runs
//! in a comparison worker.

use gongwen_core::ReportAnalysis;
use gongwen_core::compare::year_over_year::{pair_by_year, report_year};
use gongwen_core::file_name::display_file_name;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::protocol::ReportId;
use crate::state::AnalysedReports;

/// The most automatic pairs listed.
const MAX_PAIRS: usize = 200;

/// Properties of [`YearPairs`].
#[derive(Properties, PartialEq)]
pub struct YearPairsProps {
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// The pair shown now (later, earlier), if any.
    pub open: Option<(ReportId, ReportId)>,
    /// Called with a pair (later, earlier) to compare.
    pub on_open: Callback<(ReportId, ReportId)>,
}

/// A report's name with its year, as the lists show it in `language`.
fn option_label(language: Language, analysis: &ReportAnalysis) -> String {
    let name = display_file_name(&analysis.name);
    match report_year(analysis) {
        Some(year) => language.pick(format!("{name}（{year} 年）"), format!("{name} ({year})")),
        None => name,
    }
}

/// The report id a `<select>`'s change picked.
fn selected_id(event: &Event) -> Option<ReportId> {
    let select = event.target()?.dyn_into::<HtmlSelectElement>().ok()?;
    select.value().parse().ok()
}

/// The control.
#[component]
pub fn YearPairs(props: &YearPairsProps) -> Html {
    let language = use_language();
    let pairs = use_memo(props.reports.clone(), |reports| {
        let analyses: Vec<&ReportAnalysis> = reports.iter().map(|(_, analysis)| &**analysis).collect();
        pair_by_year(&analyses)
            .into_iter()
            .filter_map(|(later, earlier)| Some((reports.get(later)?.0, reports.get(earlier)?.0)))
            .collect::<Vec<(ReportId, ReportId)>>()
    });
    let chosen_current = use_state(|| None::<ReportId>);
    let chosen_previous = use_state(|| None::<ReportId>);
    let name_of = |id: ReportId| {
        props
            .reports
            .iter()
            .find(|(other, _)| *other == id)
            .map_or_else(String::new, |(_, a)| display_file_name(&a.name))
    };
    let loaded = |id: &ReportId| props.reports.iter().any(|(other, _)| other == id);
    let current = (*chosen_current)
        .filter(loaded)
        .or_else(|| pairs.first().map(|&(later, _)| later))
        .or_else(|| props.reports.first().map(|(id, _)| *id));
    let auto_previous =
        |current: ReportId| pairs.iter().find(|&&(later, _)| later == current).map(|&(_, earlier)| earlier);
    let previous =
        (*chosen_previous).filter(|id| loaded(id) && Some(*id) != current).or_else(|| current.and_then(auto_previous));

    let on_current = {
        let (chosen_current, chosen_previous) = (chosen_current.clone(), chosen_previous.clone());
        Callback::from(move |event: Event| {
            chosen_current.set(selected_id(&event));
            // The earlier report follows the new choice's own pair.
            chosen_previous.set(None);
        })
    };
    let on_previous = {
        let chosen_previous = chosen_previous.clone();
        Callback::from(move |event: Event| chosen_previous.set(selected_id(&event)))
    };
    let open_chosen = {
        let on_open = props.on_open.clone();
        Callback::from(move |_: MouseEvent| {
            if let (Some(current), Some(previous)) = (current, previous) {
                on_open.emit((current, previous));
            }
        })
    };
    html! {
        <div class="year-pairs">
            <p class="panel-note">
                { language.pick(
                    "对照：把今年的报告与上一年的报告逐句比较，看哪些照搬、哪些改了年份数字、哪些是新写或删去的。同名（去掉年份后）的报告自动配对，也可以自己选。",
                    "Year on year: this year's report against last year's, sentence by sentence — what was carried over, \
                     what only had its years and figures changed, what is new and what was dropped. Reports with the same \
                     name (once the year is taken out) are paired automatically; you can also choose a pair.",
                ) }
            </p>
            <h4 class="list-title">{ language.pick("自动配对", "Automatic pairs") }</h4>
            if pairs.is_empty() {
                <p class="panel-note">
                    { language.pick(
                        "没有找到同名、不同年份的报告。可在下面自己选择两份报告对照。",
                        "No reports share a name across years. Choose two reports to compare below.",
                    ) }
                </p>
            } else {
                <ul class="year-pair-list">
                    { for pairs.iter().take(MAX_PAIRS).map(|&(later, earlier)| {
                        let shown = props.open == Some((later, earlier));
                        html! {
                            <li class={classes!("year-pair", shown.then_some("shown"))}>
                                <span class="year-pair-names" lang={CONTENT_LANG}
                                    title={language.pick(format!("{} 对照 {}", name_of(later), name_of(earlier)), format!("{} ← {}", name_of(later), name_of(earlier)))}>
                                    <span class="year-later">{ name_of(later) }</span>
                                    <span class="year-arrow">{ " ← " }</span>
                                    <span class="year-earlier">{ name_of(earlier) }</span>
                                </span>
                                <button class="year-open" onclick={props.on_open.reform(move |_: MouseEvent| (later, earlier))}>
                                    { language.pick("对照", "Compare") }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
                if pairs.len() > MAX_PAIRS {
                    <p class="panel-note">
                        { language.pick(
                            format!("共 {} 对，列出前 {MAX_PAIRS} 对；其余可在下面选择。", pairs.len()),
                            format!("{} pairs; the first {MAX_PAIRS} are listed, and the rest can be chosen below.", language.count(pairs.len())),
                        ) }
                    </p>
                }
            }
            <h4 class="list-title">{ language.pick("自己选择", "Choose a pair") }</h4>
            <div class="year-choice">
                <label>
                    { language.pick("今年的报告 ", "This year's report ") }
                    <select class="year-current" onchange={on_current} aria-label={language.pick("今年的报告", "This year's report")}>
                        // An option holds text only: the file name makes it Chinese.
                        { for props.reports.iter().map(|(id, analysis)| html! {
                            <option value={id.to_string()} lang={CONTENT_LANG} selected={Some(*id) == current}>{ option_label(language, analysis) }</option>
                        }) }
                    </select>
                </label>
                <label>
                    { language.pick("对照上一年的 ", "against last year's ") }
                    <select class="year-previous" onchange={on_previous} aria-label={language.pick("上一年的报告", "Last year's report")}>
                        <option value="" selected={previous.is_none()} disabled=true>{ language.pick("（请选择）", "(choose)") }</option>
                        { for props.reports.iter().filter(|(id, _)| Some(*id) != current).map(|(id, analysis)| html! {
                            <option value={id.to_string()} lang={CONTENT_LANG} selected={Some(*id) == previous}>{ option_label(language, analysis) }</option>
                        }) }
                    </select>
                </label>
                <button class="year-open" disabled={current.is_none() || previous.is_none()} onclick={open_chosen}>
                    { language.pick("对照", "Compare") }
                </button>
            </div>
        </div>
    }
}
