//! The word-frequency panel: a bar chart of the top 30 words of the selected
//! report or of all loaded reports.

use std::rc::Rc;

use gongwen_core::ReportAnalysis;
use gongwen_core::words::WordFrequencies;
use yew::prelude::*;

use crate::charts::chart::Chart;
use crate::charts::word_bars::word_bar_option;

/// Whose words the chart shows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scope {
    Report,
    Corpus,
}

/// Properties of [`WordPanel`].
#[derive(Properties, PartialEq)]
pub struct WordPanelProps {
    /// The selected report.
    pub analysis: Rc<ReportAnalysis>,
    /// The words of all loaded reports.
    pub corpus: Rc<WordFrequencies>,
    /// How many reports `corpus` covers.
    pub corpus_size: usize,
}

/// The word panel.
#[component]
pub fn WordPanel(props: &WordPanelProps) -> Html {
    let scope = use_state(|| Scope::Report);
    let option = {
        let words = match *scope {
            Scope::Report => props.analysis.words.clone(),
            Scope::Corpus => (*props.corpus).clone(),
        };
        use_memo(words, |words| word_bar_option(&words.counts))
    };
    let tab = |target: Scope, label: String| {
        let scope = scope.clone();
        let active = *scope == target;
        html! {
            <button
                class={classes!("tab", active.then_some("active"))}
                aria-pressed={active.to_string()}
                onclick={Callback::from(move |_| scope.set(target))}
            >{ label }</button>
        }
    };
    html! {
        <section class="word-panel" aria-label="高频词">
            <header class="panel-header">
                <h3>{ "高频词 Top 30" }</h3>
                <div class="tabs">
                    { tab(Scope::Report, "本报告".to_owned()) }
                    { tab(Scope::Corpus, format!("全部 {} 份", props.corpus_size)) }
                </div>
            </header>
            <Chart option={option} class="word-chart" label="高频词柱状图" />
        </section>
    }
}
