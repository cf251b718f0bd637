//! The keyness panel, the first thing a reviewer reads about a report: the
//! words it overuses significantly against the other loaded reports (G² at
//! the chosen level, with the log ratio as effect size, both explained), and
//! its keywords by TF-IDF over the loaded reports and by TextRank. All three
//! are computed in a worker (`hooks/use_keyness.rs`): the first two need every
//! report's words, and TextRank, which walks the report's every word, is
//! computed for the report opened, not for every report analysed. The panel
//! shows the last lists while newer ones are computed. Every word
//! shows both of its counts: 词次 (as segmented, what the scores use) and
//! 原文次数 (every occurrence of the string, what Ctrl-F finds). The panel
//! speaks the page's language; the words are the reports' own.

use gongwen_core::keyness::{DistinctiveWord, ScoredWord, Significance};
use yew::prelude::*;

use crate::counts::{text_count, text_count_explanation, token_count, token_count_explanation};
use crate::hooks::use_keyness::KeynessStatus;
use crate::i18n::{CONTENT_LANG, Language, use_language};

/// Properties of [`KeynessPanel`].
#[derive(Properties, PartialEq)]
pub struct KeynessPanelProps {
    /// Its distinctive words, TF-IDF and TextRank keywords, computed in a
    /// worker (`hooks/use_keyness.rs`).
    pub status: KeynessStatus,
    /// The level distinctive words must reach.
    pub significance: Significance,
    /// Called when the user chooses another level.
    pub on_significance: Callback<Significance>,
    /// Called with a word the user clicked.
    pub on_word: Callback<String>,
}

/// What G² and the log ratio mean, for the panel's explanation.
fn keyness_explanation(language: Language) -> &'static str {
    language.pick(
        "G²（对数似然比）衡量本报告与其余报告用词频率差异的显著性：G² ≥ 3.84 即 p < 0.05，≥ 6.63 即 p < 0.01，≥ 10.83 即 p < 0.001。对数比是效应量：本报告中的频率是其余报告的 2 的该次方倍，1 即两倍，2 即四倍。",
        "G² (log-likelihood) measures how significantly a word's rate in this report differs from its rate in the \
         other reports: G² ≥ 3.84 means p < 0.05, ≥ 6.63 p < 0.01, ≥ 10.83 p < 0.001. The log ratio is the effect \
         size: the word's rate here is 2 to that power times its rate in the others, so 1 is twice, 2 four times.",
    )
}

/// The keyness panel.
#[component]
pub fn KeynessPanel(props: &KeynessPanelProps) -> Html {
    let language = use_language();
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
    // The lists shown, and what the panel says while newer ones are to come.
    let (lists, pending) = match &props.status {
        KeynessStatus::Ready(lists) => (Some(lists), None),
        KeynessStatus::Computing(lists) => (
            lists.as_ref(),
            Some(
                language
                    .pick("正在计算特色词、TF-IDF 与 TextRank…", "Computing distinctive words, TF-IDF and TextRank…"),
            ),
        ),
        KeynessStatus::Waiting(lists) => (
            lists.as_ref(),
            Some(language.pick(
                "其余报告分析完成后计算特色词、TF-IDF 与 TextRank…",
                "Distinctive words, TF-IDF and TextRank are computed once every report is analysed…",
            )),
        ),
        KeynessStatus::Failed(_) => (None, None),
    };
    let others = lists.map(|lists| lists.reports.saturating_sub(1));
    let distinctive: Vec<DistinctiveWord> =
        lists.map(|lists| lists.distinctive_at(significance).cloned().collect()).unwrap_or_default();
    let level = significance.label();
    let explanation = keyness_explanation(language);
    html! {
        <section class="keyness-panel" aria-label={language.pick("特色词与关键词", "Distinctive words and keywords")} aria-busy={pending.is_some().to_string()}>
            <h4 class="list-title" title={explanation}>
                { match others {
                    Some(others) => language.pick(
                        format!("特色词：与其余 {others} 份报告相比显著多用（{level}）"),
                        format!("Distinctive words: used significantly more than in the other {} ({level})", language.things(others, "份", "report", "reports")),
                    ),
                    None => language.pick(
                        format!("特色词：与其余报告相比显著多用（{level}）"),
                        format!("Distinctive words: used significantly more than in the other reports ({level})"),
                    ),
                } }
            </h4>
            <div class="significance-levels" role="group" aria-label={language.pick("显著性水平", "Significance level")}>{ for levels }</div>
            <p class="panel-note keyness-explanation">{ explanation }</p>
            if let KeynessStatus::Failed(message) = &props.status {
                <p class="panel-note keyness-failed">
                    { language.pick("特色词与关键词无法计算：", "Distinctive words and keywords could not be computed: ") }{ message.describe(language) }
                </p>
            }
            if let Some(note) = pending {
                <p class="panel-note keyness-computing">{ note }</p>
            }
            if let Some(lists) = lists {
                if others == Some(0) {
                    <p class="panel-note">{ language.pick("再载入至少一份报告，即可比较出本报告的特色词。", "Load at least one more report to find this report's distinctive words.") }</p>
                } else if distinctive.is_empty() {
                    <p class="panel-note keyness-empty">
                        { language.pick(
                            format!("与其余 {} 份报告相比，没有在 {level} 水平上显著多用的词（G² ≥ {}）。", others.unwrap_or_default(), significance.critical_value()),
                            format!(
                                "No word is used significantly more than in the other {} at {level} (G² ≥ {}).",
                                language.things(others.unwrap_or_default(), "份", "report", "reports"),
                                significance.critical_value(),
                            ),
                        ) }
                    </p>
                } else {
                    { render_distinctive(&distinctive, &props.on_word, language) }
                }
                <h4 class="list-title">{ language.pick("关键词（TF-IDF，以已载入报告为语料）", "Keywords (TF-IDF over the loaded reports)") }</h4>
                { render_list(&lists.tfidf, "TF-IDF", |w| format!("{:.4}", w.score), &props.on_word, "tfidf", language) }
                <h4 class="list-title">{ language.pick("关键词（TextRank）", "Keywords (TextRank)") }</h4>
                { render_list(&lists.textrank, language.pick("得分", "Score"), |w| format!("{:.2}", w.score), &props.on_word, "textrank", language) }
            }
        </section>
    }
}

/// A word as a button that opens its concordance.
fn word_button(word: &str, on_word: &Callback<String>) -> Html {
    let text = word.to_owned();
    html! {
        <button class="word-link" lang={CONTENT_LANG} onclick={on_word.reform(move |_: MouseEvent| text.clone())}>{ word }</button>
    }
}

/// The distinctive words with G², log ratio and both counts.
fn render_distinctive(words: &[DistinctiveWord], on_word: &Callback<String>, language: Language) -> Html {
    html! {
        <table class={classes!("score-table", "distinctive")}>
            <thead>
                <tr>
                    <th>{ language.pick("词语", "Word") }</th>
                    <th title={language.pick("对数似然比：越大越显著", "Log-likelihood: the larger, the more significant")}>{ "G²" }</th>
                    <th title={language.pick("效应量：本报告频率是其余报告的 2 的该次方倍", "Effect size: the rate here is 2 to this power times the rate in the others")}>
                        { language.pick("对数比", "Log ratio") }
                    </th>
                    <th title={token_count_explanation(language)}>{ token_count(language) }</th>
                    <th title={text_count_explanation(language)}>{ text_count(language) }</th>
                    <th title={language.pick("其余报告中的词次合计", "Tokens in the other reports together")}>{ language.pick("其余词次", "Elsewhere") }</th>
                </tr>
            </thead>
            <tbody>
                { for words.iter().map(|word| html! {
                    <tr>
                        <td>{ word_button(&word.word, on_word) }</td>
                        <td class="number">{ format!("{:.1}", word.g2) }</td>
                        <td class="number">{ format!("{:.2}", word.log_ratio) }</td>
                        <td class="number">{ word.count }</td>
                        <td class="number">{ word.text_count }</td>
                        <td class="number">{ word.reference_count }</td>
                    </tr>
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
    language: Language,
) -> Html {
    html! {
        <table class={classes!("score-table", class)}>
            <thead><tr>
                <th>{ language.pick("词语", "Word") }</th><th>{ score_label }</th>
                <th title={token_count_explanation(language)}>{ token_count(language) }</th>
                <th title={text_count_explanation(language)}>{ text_count(language) }</th>
            </tr></thead>
            <tbody>
                { for words.iter().map(|(word, text_count)| html! {
                    <tr>
                        <td>{ word_button(&word.word, on_word) }</td>
                        <td class="number">{ score(word) }</td>
                        <td class="number">{ word.count }</td>
                        <td class="number">{ text_count }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_explanation_is_in_either_language() {
        assert!(keyness_explanation(Language::Chinese).starts_with("G²（对数似然比）"));
        let english = keyness_explanation(Language::English);
        assert!(english.starts_with("G² (log-likelihood)"));
        assert!(!english.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c)), "{english}");
    }
}
