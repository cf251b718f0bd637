//! The word-frequency panel: the selected report's words or all loaded
//! reports' words, as a top-30 bar chart, a word cloud, or a table (count,
//! per 10,000 characters, number of reports using it). Every word is
//! clickable and opens its concordance.

use std::collections::HashMap;

use gongwen_core::words::{WordFrequencies, combine_frequencies};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::charts::chart::Chart;
use crate::charts::word_bars::word_bar_option;
use crate::charts::word_cloud::word_cloud_option;
use crate::counts::{TEXT_COUNT, TEXT_COUNT_EXPLANATION, TOKEN_COUNT, TOKEN_COUNT_EXPLANATION};
use crate::protocol::ReportId;
use crate::state::{AnalysedReports, SharedAnalysis};

/// Whose words the panel shows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scope {
    Report,
    Corpus,
}

/// How the panel shows them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum View {
    Bars,
    Cloud,
    Table,
}

/// The most rows the table lists.
const MAX_TABLE_ROWS: usize = 300;

/// Properties of [`WordPanel`].
#[derive(Properties, PartialEq)]
pub struct WordPanelProps {
    /// The selected report.
    pub analysis: SharedAnalysis,
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// Called with a word the user clicked.
    pub on_word: Callback<String>,
}

/// One row of the table.
#[derive(PartialEq)]
struct Row {
    word: String,
    count: usize,
    text_count: usize,
    per_ten_thousand: f64,
    reports: usize,
}

fn table_rows(words: &WordFrequencies, chars: usize, reports: &[(ReportId, SharedAnalysis)]) -> Vec<Row> {
    let mut containing: HashMap<&str, usize> = HashMap::new();
    for (_, analysis) in reports {
        for count in &analysis.words.counts {
            *containing.entry(count.word.as_str()).or_default() += 1;
        }
    }
    words
        .counts
        .iter()
        .map(|count| Row {
            word: count.word.clone(),
            count: count.count,
            text_count: count.text_count,
            per_ten_thousand: if chars == 0 { 0.0 } else { count.count as f64 * 10_000.0 / chars as f64 },
            reports: containing.get(count.word.as_str()).copied().unwrap_or(0),
        })
        .collect()
}

/// The word panel.
#[component]
pub fn WordPanel(props: &WordPanelProps) -> Html {
    let scope = use_state(|| Scope::Report);
    let view = use_state(|| View::Bars);
    let filter = use_state(String::new);
    // Copied once per report, not on every render: a report's word list is
    // as long as its vocabulary.
    let report_words = use_memo(props.analysis.clone(), |analysis| analysis.words.clone());
    // The set's words are summed only while they are shown, and once per
    // change of the analyses, not on every arrival of a large drop.
    let corpus = use_memo((*scope == Scope::Corpus).then(|| props.reports.clone()), |reports| {
        combine_frequencies(reports.iter().flatten().map(|(_, analysis)| &analysis.words))
    });
    let (words, chars) = match *scope {
        Scope::Report => (report_words, props.analysis.chars),
        Scope::Corpus => (corpus, props.reports.iter().map(|(_, a)| a.chars).sum()),
    };
    let bars = use_memo(words.clone(), |words| word_bar_option(&words.counts));
    let cloud = use_memo(words.clone(), |words| word_cloud_option(&words.counts));
    let rows = use_memo(
        (words.clone(), chars, (*view == View::Table).then(|| props.reports.clone())),
        |(words, chars, reports)| {
            reports.as_ref().map(|reports| table_rows(words, *chars, reports)).unwrap_or_default()
        },
    );
    let chip = |active: bool, label: String, on_click: Callback<MouseEvent>| {
        html! { <button class={classes!("chip", active.then_some("active"))} aria-pressed={active.to_string()} onclick={on_click}>{ label }</button> }
    };
    let scope_chip = |target: Scope, label: String| {
        let scope = scope.clone();
        chip(*scope == target, label, Callback::from(move |_| scope.set(target)))
    };
    let view_chip = |target: View, label: &str| {
        let view = view.clone();
        chip(*view == target, label.to_owned(), Callback::from(move |_| view.set(target)))
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let needle = filter.trim().to_owned();
    let shown: Vec<&Row> = rows.iter().filter(|row| needle.is_empty() || row.word.contains(&needle)).collect();
    html! {
        <section class="word-panel" aria-label="词频">
            <header class="panel-header">
                <div class="chips">
                    { view_chip(View::Bars, "柱状图") }
                    { view_chip(View::Cloud, "词云") }
                    { view_chip(View::Table, "词频表") }
                </div>
                <div class="chips">
                    { scope_chip(Scope::Report, "本报告".to_owned()) }
                    { scope_chip(Scope::Corpus, format!("全部 {} 份", props.reports.len())) }
                </div>
            </header>
            { match *view {
                View::Bars => html! {
                    <Chart option={bars} on_click={props.on_word.clone()} class="word-chart" label="高频词柱状图" />
                },
                View::Cloud => html! {
                    <Chart option={cloud} on_click={props.on_word.clone()} class="word-cloud" label="词云" />
                },
                View::Table => html! {
                    <div class="word-table-box">
                        <input class="word-filter" type="search" placeholder="筛选词语…" value={(*filter).clone()} oninput={on_filter} aria-label="筛选词语" />
                        <table class="word-table">
                            <thead><tr><th>{ "词语" }</th><th title={TOKEN_COUNT_EXPLANATION}>{ TOKEN_COUNT }</th><th title={TEXT_COUNT_EXPLANATION}>{ TEXT_COUNT }</th><th title="每万字出现次数（按词次）">{ "每万字" }</th><th title="在几份报告中出现">{ "报告数" }</th></tr></thead>
                            <tbody>
                                { for shown.iter().take(MAX_TABLE_ROWS).map(|row| {
                                    let word = row.word.clone();
                                    html! {
                                        <tr>
                                            <td><button class="word-link" onclick={props.on_word.reform(move |_: MouseEvent| word.clone())}>{ &row.word }</button></td>
                                            <td class="number">{ row.count }</td>
                                            <td class="number">{ row.text_count }</td>
                                            <td class="number">{ format!("{:.1}", row.per_ten_thousand) }</td>
                                            <td class="number">{ format!("{}/{}", row.reports, props.reports.len()) }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                        <p class="panel-note">{ format!("共 {} 个词{}", shown.len(), if shown.len() > MAX_TABLE_ROWS { format!("，列出前 {MAX_TABLE_ROWS} 个") } else { String::new() }) }</p>
                    </div>
                },
            } }
        </section>
    }
}
