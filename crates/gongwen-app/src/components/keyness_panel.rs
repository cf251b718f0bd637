//! The keyness panel, the first thing a reviewer reads about a report: the
//! words it overuses significantly against the other loaded reports (G² at
//! the chosen level, with the log ratio as effect size, both explained), and
//! its keywords by TF-IDF over the loaded reports and by TextRank. The first
//! two need every report's words and are computed in a worker
//! (`hooks/use_keyness.rs`); the panel shows the last lists while newer ones
//! are computed. TextRank comes with the report's analysis. Every word
//! shows both of its counts: 词次 (as segmented, what the scores use) and
//! 原文次数 (every occurrence of the string, what Ctrl-F finds).

use gongwen_core::keyness::{DistinctiveWord, ScoredWord, Significance};
use yew::prelude::*;

use crate::counts::{TEXT_COUNT, TEXT_COUNT_EXPLANATION, TOKEN_COUNT, TOKEN_COUNT_EXPLANATION};
use crate::hooks::use_keyness::KeynessStatus;
use crate::set_analyses::{LIST_LENGTH, with_text_counts};
use crate::state::SharedAnalysis;

/// Properties of [`KeynessPanel`].
#[derive(Properties, PartialEq)]
pub struct KeynessPanelProps {
    /// The selected report.
    pub analysis: SharedAnalysis,
    /// Its distinctive words and TF-IDF keywords, computed in a worker
    /// (`hooks/use_keyness.rs`).
    pub status: KeynessStatus,
    /// The level distinctive words must reach.
    pub significance: Significance,
    /// Called when the user chooses another level.
    pub on_significance: Callback<Significance>,
    /// Called with a word the user clicked.
    pub on_word: Callback<String>,
}

/// The report's TextRank keywords, computed by the analysis worker, with
/// their text counts.
fn textrank_of(analysis: &SharedAnalysis) -> Vec<(ScoredWord, usize)> {
    with_text_counts(&analysis.words, analysis.textrank().iter().take(LIST_LENGTH).cloned())
}

/// What G² and the log ratio mean, for the panel's explanation.
const KEYNESS_EXPLANATION: &str = "G²（对数似然比）衡量本报告与其余报告用词频率差异的显著性：G² ≥ 3.84 即 p < 0.05，≥ 6.63 即 p < 0.01，≥ 10.83 即 p < 0.001。对数比是效应量：本报告中的频率是其余报告的 2 的该次方倍，1 即两倍，2 即四倍。";

/// The keyness panel.
#[component]
pub fn KeynessPanel(props: &KeynessPanelProps) -> Html {
    let textrank = use_memo(props.analysis.clone(), textrank_of);
    let significance = props.significance;
    let levels = Significance::ALL.map(|level| {
        let active = significance == level;
        let onclick = props.on_significance.reform(move |_: MouseEvent| level);
        html! {
            <button class={classes!("chip", active.then_some("active"))} aria-pressed={active.to_string()} {onclick}>
                { level.label() }
            </button>
        }
    });
    let (lists, computing) = match &props.status {
        KeynessStatus::Ready(lists) => (Some(lists), false),
        KeynessStatus::Computing(lists) => (lists.as_ref(), true),
        KeynessStatus::Failed(_) => (None, false),
    };
    let others = lists.map(|lists| lists.reports.saturating_sub(1));
    let distinctive: Vec<DistinctiveWord> =
        lists.map(|lists| lists.distinctive_at(significance).cloned().collect()).unwrap_or_default();
    html! {
        <section class="keyness-panel" aria-label="特色词与关键词" aria-busy={computing.to_string()}>
            <h4 class="list-title" title={KEYNESS_EXPLANATION}>
                { match others {
                    Some(others) => format!("特色词：与其余 {others} 份报告相比显著多用（{}）", significance.label()),
                    None => format!("特色词：与其余报告相比显著多用（{}）", significance.label()),
                } }
            </h4>
            <div class="significance-levels" role="group" aria-label="显著性水平">{ for levels }</div>
            <p class="panel-note keyness-explanation">{ KEYNESS_EXPLANATION }</p>
            if let KeynessStatus::Failed(message) = &props.status {
                <p class="panel-note keyness-failed">{ format!("特色词无法计算：{message}") }</p>
            }
            if computing {
                <p class="panel-note keyness-computing">{ "正在计算特色词与 TF-IDF…" }</p>
            }
            if let Some(lists) = lists {
                if others == Some(0) {
                    <p class="panel-note">{ "再载入至少一份报告，即可比较出本报告的特色词。" }</p>
                } else if distinctive.is_empty() {
                    <p class="panel-note keyness-empty">
                        { format!("与其余 {} 份报告相比，没有在 {} 水平上显著多用的词（G² ≥ {}）。", others.unwrap_or_default(), significance.label(), significance.critical_value()) }
                    </p>
                } else {
                    { render_distinctive(&distinctive, &props.on_word) }
                }
                <h4 class="list-title">{ "关键词（TF-IDF，以已载入报告为语料）" }</h4>
                { render_list(&lists.tfidf, "TF-IDF", |w| format!("{:.4}", w.score), &props.on_word, "tfidf") }
            }
            <h4 class="list-title">{ "关键词（TextRank）" }</h4>
            { render_list(&textrank, "得分", |w| format!("{:.2}", w.score), &props.on_word, "textrank") }
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
