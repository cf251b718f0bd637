//! The word-frequency panel: the selected report's words or all loaded
//! reports' words, as a top-30 bar chart, a word cloud, or a table (count,
//! per 10,000 characters, number of reports using it). Every word is
//! clickable and opens its concordance. The panel speaks the page's
//! language; the words are the reports' own.

use std::collections::HashMap;

use gongwen_core::tables::words_csv;
use gongwen_core::words::{WordFrequencies, combine_frequencies};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::charts::chart::Chart;
use crate::charts::word_bars::word_bar_option;
use crate::charts::word_cloud::word_cloud_option;
use crate::counts::{text_count, text_count_explanation, token_count, token_count_explanation};
use crate::download::offer_csv;
use crate::i18n::{CONTENT_LANG, Language, use_language};
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
            word: count.word.to_string(),
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
    let language = use_language();
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
    let bars = use_memo((words.clone(), language), |(words, language)| word_bar_option(&words.counts, *language));
    let cloud = use_memo((words.clone(), language), |(words, language)| word_cloud_option(&words.counts, *language));
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
    let on_csv = {
        let reports = props.reports.clone();
        Callback::from(move |_: MouseEvent| {
            let words: Vec<(&str, &WordFrequencies)> =
                reports.iter().map(|(_, analysis)| (analysis.name.as_str(), &analysis.words)).collect();
            offer_csv("词频.csv", &words_csv(&words));
        })
    };
    let needle = filter.trim().to_owned();
    let shown: Vec<&Row> = rows.iter().filter(|row| needle.is_empty() || row.word.contains(&needle)).collect();
    html! {
        <section class="word-panel" aria-label={language.pick("词频", "Frequencies")}>
            <header class="panel-header">
                <div class="chips">
                    { view_chip(View::Bars, language.pick("柱状图", "Bars")) }
                    { view_chip(View::Cloud, language.pick("词云", "Cloud")) }
                    { view_chip(View::Table, language.pick("词频表", "Table")) }
                </div>
                <div class="chips">
                    <button class="chip export-csv" onclick={on_csv}
                        title={language.pick("全部报告的全部词语及两种次数，CSV，可用 Excel、WPS 打开", "Every word of every report with both counts, as CSV for Excel or WPS")}>
                        { language.pick("导出 CSV", "CSV") }
                    </button>
                    { scope_chip(Scope::Report, language.pick("本报告", "This report").to_owned()) }
                    { scope_chip(Scope::Corpus, language.pick(
                        format!("全部 {} 份", props.reports.len()),
                        format!("All {}", language.count(props.reports.len())),
                    )) }
                </div>
            </header>
            { match *view {
                View::Bars => html! {
                    <Chart option={bars} on_click={props.on_word.clone()} class="word-chart" label={language.pick("高频词柱状图", "Bar chart of the most frequent words")} />
                },
                View::Cloud => html! {
                    <Chart option={cloud} on_click={props.on_word.clone()} class="word-cloud" label={language.pick("词云", "Word cloud")} />
                },
                View::Table => html! {
                    <div class="word-table-box">
                        <input class="word-filter" type="search" placeholder={language.pick("筛选词语…", "Filter words…")} value={(*filter).clone()} oninput={on_filter}
                            aria-label={language.pick("筛选词语", "Filter words")} />
                        <table class="word-table">
                            <thead><tr>
                                <th>{ language.pick("词语", "Word") }</th>
                                <th title={token_count_explanation(language)}>{ token_count(language) }</th>
                                <th title={text_count_explanation(language)}>{ text_count(language) }</th>
                                <th title={language.pick("每万字出现次数（按词次）", "Tokens per 10,000 characters")}>{ language.pick("每万字", "Per 10k") }</th>
                                <th title={language.pick("在几份报告中出现", "How many reports use it")}>{ language.pick("报告数", "Reports") }</th>
                            </tr></thead>
                            <tbody>
                                { for shown.iter().take(MAX_TABLE_ROWS).map(|row| {
                                    let word = row.word.clone();
                                    html! {
                                        <tr>
                                            <td><button class="word-link" lang={CONTENT_LANG} onclick={props.on_word.reform(move |_: MouseEvent| word.clone())}>{ &row.word }</button></td>
                                            <td class="number">{ row.count }</td>
                                            <td class="number">{ row.text_count }</td>
                                            <td class="number">{ format!("{:.1}", row.per_ten_thousand) }</td>
                                            <td class="number">{ format!("{}/{}", row.reports, props.reports.len()) }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                        <p class="panel-note">{ match (language, shown.len() > MAX_TABLE_ROWS) {
                            (Language::Chinese, false) => format!("共 {} 个词", shown.len()),
                            (Language::Chinese, true) => format!("共 {} 个词，列出前 {MAX_TABLE_ROWS} 个", shown.len()),
                            (Language::English, false) => language.things(shown.len(), "个词", "word", "words"),
                            (Language::English, true) => {
                                format!("{}, the first {MAX_TABLE_ROWS} listed", language.things(shown.len(), "个词", "word", "words"))
                            }
                        } }</p>
                    </div>
                },
            } }
        </section>
    }
}
