//! The keyness panel, the first thing a reviewer reads about a report: the
//! words it overuses significantly against the other loaded reports (G² at
//! the chosen level, with the log ratio as effect size, both explained), and
//! its keywords by TF-IDF over the loaded reports and by TextRank. Every word
//! shows both of its counts: 词次 (as segmented, what the scores use) and
//! 原文次数 (every occurrence of the string, what Ctrl-F finds).

use std::collections::HashMap;

use gongwen_core::keyness::{DistinctiveWord, ScoredWord, Significance, distinctive_words, tfidf_keywords};
use gongwen_core::words::WordFrequencies;
use yew::prelude::*;

use crate::counts::{TEXT_COUNT, TEXT_COUNT_EXPLANATION, TOKEN_COUNT, TOKEN_COUNT_EXPLANATION};
use crate::protocol::ReportId;
use crate::state::{AnalysedReports, SharedAnalysis};

/// How many words each list shows.
const LIST_LENGTH: usize = 20;

/// Properties of [`KeynessPanel`].
#[derive(Properties, PartialEq)]
pub struct KeynessPanelProps {
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// The selected report.
    pub selected: ReportId,
    /// Called with a word the user clicked.
    pub on_word: Callback<String>,
}

/// The three lists of the selected report, keywords with their text counts.
#[derive(PartialEq)]
struct Lists {
    distinctive: Vec<DistinctiveWord>,
    tfidf: Vec<(ScoredWord, usize)>,
    textrank: Vec<(ScoredWord, usize)>,
}

fn lists_of(reports: &[(ReportId, SharedAnalysis)], selected: ReportId, significance: Significance) -> Option<Lists> {
    let index = reports.iter().position(|(id, _)| *id == selected)?;
    let frequencies: Vec<&WordFrequencies> = reports.iter().map(|(_, analysis)| &analysis.words).collect();
    let analysis = &reports[index].1;
    let text_counts: HashMap<&str, usize> =
        analysis.words.counts.iter().map(|count| (count.word.as_str(), count.text_count)).collect();
    let with_text_count = |word: ScoredWord| {
        let text_count = text_counts.get(word.word.as_str()).copied().unwrap_or(0);
        (word, text_count)
    };
    Some(Lists {
        distinctive: distinctive_words(&frequencies, index, LIST_LENGTH, significance),
        tfidf: tfidf_keywords(&frequencies, index, LIST_LENGTH).into_iter().map(with_text_count).collect(),
        // Computed by the worker: it walks every token of the report.
        textrank: analysis.textrank().iter().take(LIST_LENGTH).cloned().map(with_text_count).collect(),
    })
}

/// What G² and the log ratio mean, for the panel's explanation.
const KEYNESS_EXPLANATION: &str = "G²（对数似然比）衡量本报告与其余报告用词频率差异的显著性：G² ≥ 3.84 即 p < 0.05，≥ 6.63 即 p < 0.01，≥ 10.83 即 p < 0.001。对数比是效应量：本报告中的频率是其余报告的 2 的该次方倍，1 即两倍，2 即四倍。";

/// The keyness panel.
#[component]
pub fn KeynessPanel(props: &KeynessPanelProps) -> Html {
    let significance = use_state(Significance::default);
    let lists =
        use_memo((props.reports.clone(), props.selected, *significance), |(reports, selected, significance)| {
            lists_of(reports, *selected, *significance)
        });
    let Some(lists) = lists.as_ref() else { return html! {} };
    let others = props.reports.len().saturating_sub(1);
    let levels = Significance::ALL.map(|level| {
        let significance = significance.clone();
        let active = *significance == level;
        let onclick = Callback::from(move |_: MouseEvent| significance.set(level));
        html! {
            <button class={classes!("chip", active.then_some("active"))} aria-pressed={active.to_string()} {onclick}>
                { level.label() }
            </button>
        }
    });
    html! {
        <section class="keyness-panel" aria-label="特色词与关键词">
            <h4 class="list-title" title={KEYNESS_EXPLANATION}>
                { format!("特色词：与其余 {others} 份报告相比显著多用（{}）", significance.label()) }
            </h4>
            <div class="significance-levels" role="group" aria-label="显著性水平">{ for levels }</div>
            <p class="panel-note keyness-explanation">{ KEYNESS_EXPLANATION }</p>
            if others == 0 {
                <p class="panel-note">{ "再载入至少一份报告，即可比较出本报告的特色词。" }</p>
            } else if lists.distinctive.is_empty() {
                <p class="panel-note keyness-empty">
                    { format!("与其余 {others} 份报告相比，没有在 {} 水平上显著多用的词（G² ≥ {}）。", significance.label(), significance.critical_value()) }
                </p>
            } else {
                { render_distinctive(&lists.distinctive, &props.on_word) }
            }
            <h4 class="list-title">{ "关键词（TF-IDF，以已载入报告为语料）" }</h4>
            { render_list(&lists.tfidf, "TF-IDF", |w| format!("{:.4}", w.score), &props.on_word, "tfidf") }
            <h4 class="list-title">{ "关键词（TextRank）" }</h4>
            { render_list(&lists.textrank, "得分", |w| format!("{:.2}", w.score), &props.on_word, "textrank") }
        </section>
    }
}

/// The distinctive words with G², log ratio and both counts.
fn render_distinctive(words: &[DistinctiveWord], on_word: &Callback<String>) -> Html {
    html! {
        <table class={classes!("score-table", "distinctive")}>
            <thead>
                <tr>
                    <th>{ "词语" }</th>
                    <th title="对数似然比：越大越显著">{ "G²" }</th>
                    <th title="效应量：本报告频率是其余报告的 2 的该次方倍">{ "对数比" }</th>
                    <th title={TOKEN_COUNT_EXPLANATION}>{ TOKEN_COUNT }</th>
                    <th title={TEXT_COUNT_EXPLANATION}>{ TEXT_COUNT }</th>
                    <th title="其余报告中的词次合计">{ "其余词次" }</th>
                </tr>
            </thead>
            <tbody>
                { for words.iter().map(|word| {
                    let text = word.word.clone();
                    html! {
                        <tr>
                            <td><button class="word-link" onclick={on_word.reform(move |_: MouseEvent| text.clone())}>{ &word.word }</button></td>
                            <td class="number">{ format!("{:.1}", word.g2) }</td>
                            <td class="number">{ format!("{:.2}", word.log_ratio) }</td>
                            <td class="number">{ word.count }</td>
                            <td class="number">{ word.text_count }</td>
                            <td class="number">{ word.reference_count }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// A keyword list with its score and both counts.
fn render_list(
    words: &[(ScoredWord, usize)],
    score_label: &str,
    score: impl Fn(&ScoredWord) -> String,
    on_word: &Callback<String>,
    class: &'static str,
) -> Html {
    html! {
        <table class={classes!("score-table", class)}>
            <thead><tr>
                <th>{ "词语" }</th><th>{ score_label }</th>
                <th title={TOKEN_COUNT_EXPLANATION}>{ TOKEN_COUNT }</th><th title={TEXT_COUNT_EXPLANATION}>{ TEXT_COUNT }</th>
            </tr></thead>
            <tbody>
                { for words.iter().map(|(word, text_count)| {
                    let text = word.word.clone();
                    html! {
                        <tr>
                            <td><button class="word-link" onclick={on_word.reform(move |_: MouseEvent| text.clone())}>{ &word.word }</button></td>
                            <td class="number">{ score(word) }</td>
                            <td class="number">{ word.count }</td>
                            <td class="number">{ text_count }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
