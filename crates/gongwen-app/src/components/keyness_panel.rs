//! The keyness panel, the first thing a reviewer reads about a report: the
//! words it overuses against the other loaded reports (G²), and its keywords
//! by TF-IDF over the loaded reports and by TextRank.

use gongwen_core::keyness::{ScoredWord, distinctive_words, tfidf_keywords};
use gongwen_core::words::WordFrequencies;
use yew::prelude::*;

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

/// The three lists of the selected report.
#[derive(PartialEq)]
struct Lists {
    distinctive: Vec<ScoredWord>,
    tfidf: Vec<ScoredWord>,
    textrank: Vec<ScoredWord>,
}

fn lists_of(reports: &[(ReportId, SharedAnalysis)], selected: ReportId) -> Option<Lists> {
    let index = reports.iter().position(|(id, _)| *id == selected)?;
    let frequencies: Vec<&WordFrequencies> = reports.iter().map(|(_, analysis)| &analysis.words).collect();
    let analysis = &reports[index].1;
    Some(Lists {
        distinctive: distinctive_words(&frequencies, index, LIST_LENGTH),
        tfidf: tfidf_keywords(&frequencies, index, LIST_LENGTH),
        // Computed by the worker: it walks every token of the report.
        textrank: analysis.textrank().iter().take(LIST_LENGTH).cloned().collect(),
    })
}

/// The keyness panel.
#[component]
pub fn KeynessPanel(props: &KeynessPanelProps) -> Html {
    let lists = use_memo((props.reports.clone(), props.selected), |(reports, selected)| lists_of(reports, *selected));
    let Some(lists) = lists.as_ref() else { return html! {} };
    let others = props.reports.len().saturating_sub(1);
    html! {
        <section class="keyness-panel" aria-label="特色词与关键词">
            <h4 class="list-title">{ format!("特色词：与其余 {others} 份报告相比明显多用") }</h4>
            if others == 0 {
                <p class="panel-note">{ "再载入至少一份报告，即可比较出本报告的特色词。" }</p>
            } else if lists.distinctive.is_empty() {
                <p class="panel-note">{ "没有明显多用的词。" }</p>
            } else {
                { render_list(&lists.distinctive, "G²", |w| format!("{:.1}", w.score), &props.on_word, "distinctive") }
            }
            <h4 class="list-title">{ "关键词（TF-IDF，以已载入报告为语料）" }</h4>
            { render_list(&lists.tfidf, "TF-IDF", |w| format!("{:.4}", w.score), &props.on_word, "tfidf") }
            <h4 class="list-title">{ "关键词（TextRank）" }</h4>
            { render_list(&lists.textrank, "得分", |w| format!("{:.2}", w.score), &props.on_word, "textrank") }
        </section>
    }
}

fn render_list(
    words: &[ScoredWord],
    score_label: &str,
    score: impl Fn(&ScoredWord) -> String,
    on_word: &Callback<String>,
    class: &'static str,
) -> Html {
    html! {
        <table class={classes!("score-table", class)}>
            <thead><tr><th>{ "词语" }</th><th>{ score_label }</th><th>{ "次数" }</th></tr></thead>
            <tbody>
                { for words.iter().map(|word| {
                    let text = word.word.clone();
                    html! {
                        <tr>
                            <td><button class="word-link" onclick={on_word.reform(move |_: MouseEvent| text.clone())}>{ &word.word }</button></td>
                            <td class="number">{ score(word) }</td>
                            <td class="number">{ word.count }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
