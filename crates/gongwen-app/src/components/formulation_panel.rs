//! The formulations inventory: the selected report's lexicon entries with
//! both counts (词次, other spellings included, and 原文次数, what Ctrl-F
//! finds) and density per 10,000 characters (the page's one unit), and a
//! report × formulation table of 词次 across all loaded reports. The panel
//! speaks the page's language; the formulations and file names are the
//! reports' own.

use std::collections::HashMap;

use gongwen_core::file_name::display_file_name;
use gongwen_core::formulations::FormulationCount;
use gongwen_core::lexicon::LexiconCategory;
use gongwen_core::tables::{category_name, formulations_csv};
use yew::prelude::*;

use crate::counts::{formulation_count_explanation, formulation_text_count_explanation, text_count, token_count};
use crate::download::offer_csv;
use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::pinyin_order::PinyinOrder;
use crate::protocol::ReportId;
use crate::state::{AnalysedReports, SharedAnalysis};

/// How many formulations the cross-report table lists.
const MATRIX_ROWS: usize = 40;

/// The name of a lexicon category in `language`.
pub fn category_label(category: LexiconCategory, language: Language) -> &'static str {
    let english = match category {
        LexiconCategory::Formulation => "Formulation",
        LexiconCategory::Body => "Body",
        LexiconCategory::Activity => "Activity",
        LexiconCategory::System => "System",
        LexiconCategory::Slogan => "Slogan",
        LexiconCategory::User => "Custom",
    };
    language.pick(category_name(category), english)
}

/// Properties of [`FormulationPanel`].
#[derive(Properties, PartialEq)]
pub struct FormulationPanelProps {
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// The selected report.
    pub analysis: SharedAnalysis,
    /// Called with a term the user clicked.
    pub on_word: Callback<String>,
}

/// The formulations panel.
#[component]
pub fn FormulationPanel(props: &FormulationPanelProps) -> Html {
    let language = use_language();
    let matrix = use_state(|| false);
    let toggle = {
        let matrix = matrix.clone();
        Callback::from(move |_: MouseEvent| matrix.set(!*matrix))
    };
    // Most used first; equal counts in pinyin order. Each with its term's
    // text count (a counted word's, so every term used has one).
    let formulations = use_memo(props.analysis.clone(), |analysis| {
        let order = PinyinOrder::new();
        let mut sorted = analysis.formulations.clone();
        sorted.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| order.compare(&a.term, &b.term)));
        let text_counts: HashMap<&str, usize> =
            analysis.words.counts.iter().map(|count| (count.word.as_str(), count.text_count)).collect();
        sorted
            .into_iter()
            .map(|f| {
                let text_count = text_counts.get(f.term.as_str()).copied().unwrap_or(0);
                (f, text_count)
            })
            .collect::<Vec<_>>()
    });
    let on_csv = {
        let reports = props.reports.clone();
        Callback::from(move |_: MouseEvent| {
            let formulations: Vec<(&str, &[FormulationCount])> = reports
                .iter()
                .map(|(_, analysis)| (analysis.name.as_str(), analysis.formulations.as_slice()))
                .collect();
            offer_csv("提法.csv", &formulations_csv(&formulations));
        })
    };
    let term_button = |term: &str| {
        let text = term.to_owned();
        html! { <button class="word-link" lang={CONTENT_LANG} onclick={props.on_word.reform(move |_: MouseEvent| text.clone())}>{ term }</button> }
    };
    html! {
        <section class="formulation-panel" aria-label={language.pick("提法", "Formulations")}>
            <div class="chips">
                <button class={classes!("chip", (!*matrix).then_some("active"))} onclick={toggle.clone()}>{ language.pick("本报告", "This report") }</button>
                <button class={classes!("chip", (*matrix).then_some("active"))} onclick={toggle}>{ language.pick("各报告对照", "Across reports") }</button>
                <button class="chip export-csv" onclick={on_csv}
                    title={language.pick("全部报告用到的提法及次数，CSV，可用 Excel、WPS 打开", "Every report's formulations and counts, as CSV for Excel or WPS")}>
                    { language.pick("导出 CSV", "CSV") }
                </button>
            </div>
            if !*matrix {
                if props.analysis.formulations.is_empty() {
                    <p class="panel-note">{ language.pick("本报告没有用到词表中的提法。", "This report uses none of the lexicon's formulations.") }</p>
                } else {
                    <table class="score-table formulations">
                        <thead><tr>
                            <th>{ language.pick("提法", "Formulation") }</th><th>{ language.pick("类别", "Category") }</th>
                            <th title={formulation_count_explanation(language)}>{ token_count(language) }</th>
                            <th title={formulation_text_count_explanation(language)}>{ text_count(language) }</th>
                            <th title={language.pick(
                                "每万字出现次数，按词次（全页统一以每万字计）",
                                "Tokens per 10,000 characters (the unit used throughout the page)",
                            )}>{ language.pick("每万字", "Per 10k") }</th>
                        </tr></thead>
                        <tbody>
                            { for formulations.iter().map(|(f, text_count)| html! {
                                <tr>
                                    <td>{ term_button(&f.term) }</td>
                                    <td><span class={classes!("category", format!("category-{}", f.category.label()))}>{ category_label(f.category, language) }</span></td>
                                    <td class="number">{ f.count }</td>
                                    <td class="number">{ text_count }</td>
                                    <td class="number">{ format!("{:.1}", f.per_thousand * 10.0) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            } else {
                { render_matrix(&props.reports, &term_button, language) }
            }
        </section>
    }
}

/// Formulations (most used across the set first) × reports, counts in cells.
fn render_matrix(
    reports: &[(ReportId, SharedAnalysis)],
    term_button: &dyn Fn(&str) -> Html,
    language: Language,
) -> Html {
    let mut totals: Vec<(String, usize)> = Vec::new();
    for (_, analysis) in reports {
        for f in &analysis.formulations {
            match totals.iter_mut().find(|(term, _)| *term == f.term) {
                Some((_, total)) => *total += f.count,
                None => totals.push((f.term.clone(), f.count)),
            }
        }
    }
    let order = PinyinOrder::new();
    totals.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| order.compare(&a.0, &b.0)));
    html! {
        <div class="matrix-box">
            <table class="matrix">
                <thead><tr>
                    <th title={formulation_count_explanation(language)}>
                        { language.pick(format!("提法（{}）", token_count(language)), format!("Formulation ({})", token_count(language))) }
                    </th>
                    { for reports.iter().enumerate().map(|(i, (_, a))| html! { <th lang={CONTENT_LANG} title={display_file_name(&a.name)}>{ format!("#{}", i + 1) }</th> }) }
                </tr></thead>
                <tbody>
                    { for totals.iter().take(MATRIX_ROWS).map(|(term, _)| html! {
                        <tr>
                            <td>{ term_button(term) }</td>
                            { for reports.iter().map(|(_, a)| {
                                let count = a.formulations.iter().find(|f| f.term == *term).map_or(0, |f| f.count);
                                html! { <td class={classes!("number", (count == 0).then_some("zero"))}>{ count }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="panel-note">{ language.pick(
                "单元格为词次；列号对应左侧报告列表的顺序；0 表示未使用。",
                "Cells are tokens; columns are numbered in the order of the report list; 0 means not used.",
            ) }</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_are_named_in_either_language() {
        assert_eq!(category_label(LexiconCategory::Body, Language::Chinese), "机构");
        assert_eq!(category_label(LexiconCategory::Body, Language::English), "Body");
        assert_eq!(category_label(LexiconCategory::User, Language::English), "Custom");
    }
}
