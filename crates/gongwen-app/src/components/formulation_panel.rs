//! The formulations inventory: the selected report's lexicon entries with
//! both counts (词次, other spellings included, and 原文次数, what Ctrl-F
//! finds) and density per 10,000 characters (the page's one unit), and a
//! report × formulation table of 词次 across all loaded reports.

use std::collections::HashMap;

use gongwen_core::file_name::display_file_name;
use gongwen_core::lexicon::LexiconCategory;
use yew::prelude::*;

use crate::counts::{FORMULATION_COUNT_EXPLANATION, FORMULATION_TEXT_COUNT_EXPLANATION, TEXT_COUNT, TOKEN_COUNT};
use crate::pinyin_order::PinyinOrder;
use crate::protocol::ReportId;
use crate::state::{AnalysedReports, SharedAnalysis};

/// How many formulations the cross-report table lists.
const MATRIX_ROWS: usize = 40;

/// The Chinese name of a lexicon category.
pub fn category_label(category: LexiconCategory) -> &'static str {
    match category {
        LexiconCategory::Formulation => "提法",
        LexiconCategory::Body => "机构",
        LexiconCategory::Activity => "活动",
        LexiconCategory::System => "制度",
        LexiconCategory::Slogan => "口号",
        LexiconCategory::User => "自定义",
    }
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
    let term_button = |term: &str| {
        let text = term.to_owned();
        html! { <button class="word-link" onclick={props.on_word.reform(move |_: MouseEvent| text.clone())}>{ term }</button> }
    };
    html! {
        <section class="formulation-panel" aria-label="提法">
            <div class="chips">
                <button class={classes!("chip", (!*matrix).then_some("active"))} onclick={toggle.clone()}>{ "本报告" }</button>
                <button class={classes!("chip", (*matrix).then_some("active"))} onclick={toggle}>{ "各报告对照" }</button>
            </div>
            if !*matrix {
                if props.analysis.formulations.is_empty() {
                    <p class="panel-note">{ "本报告没有用到词表中的提法。" }</p>
                } else {
                    <table class="score-table formulations">
                        <thead><tr>
                            <th>{ "提法" }</th><th>{ "类别" }</th>
                            <th title={FORMULATION_COUNT_EXPLANATION}>{ TOKEN_COUNT }</th>
                            <th title={FORMULATION_TEXT_COUNT_EXPLANATION}>{ TEXT_COUNT }</th>
                            <th title="每万字出现次数，按词次（全页统一以每万字计）">{ "每万字" }</th>
                        </tr></thead>
                        <tbody>
                            { for formulations.iter().map(|(f, text_count)| html! {
                                <tr>
                                    <td>{ term_button(&f.term) }</td>
                                    <td><span class={classes!("category", format!("category-{}", f.category.label()))}>{ category_label(f.category) }</span></td>
                                    <td class="number">{ f.count }</td>
                                    <td class="number">{ text_count }</td>
                                    <td class="number">{ format!("{:.1}", f.per_thousand * 10.0) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            } else {
                { render_matrix(&props.reports, &term_button) }
            }
        </section>
    }
}

/// Formulations (most used across the set first) × reports, counts in cells.
fn render_matrix(reports: &[(ReportId, SharedAnalysis)], term_button: &dyn Fn(&str) -> Html) -> Html {
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
                    <th title={FORMULATION_COUNT_EXPLANATION}>{ format!("提法（{TOKEN_COUNT}）") }</th>
                    { for reports.iter().enumerate().map(|(i, (_, a))| html! { <th title={display_file_name(&a.name)}>{ format!("#{}", i + 1) }</th> }) }
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
            <p class="panel-note">{ format!("单元格为{TOKEN_COUNT}；列号对应左侧报告列表的顺序；0 表示未使用。") }</p>
        </div>
    }
}
