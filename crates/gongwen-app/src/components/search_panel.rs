//! The search results (搜索): every hit of the toolbar's search in every
//! loaded report, grouped by report, each with its section, line and
//! context; a hit opens the reader there. The reports are searched a few
//! dozen per task, so that a thousand never freeze the page. The results
//! speak the page's language; the query, names, headings and passages are
//! the user's and the reports' own.

use std::rc::Rc;

use gongwen_core::file_name::display_file_name;
use gongwen_core::text::TextRange;
use yew::prelude::*;

use crate::i18n::{CONTENT_LANG, use_language};
use crate::protocol::ReportId;
use crate::search::{MAX_HITS, ReportHits, SearchError, SearchQuery, compile, find, report_hits};
use crate::state::AnalysedReports;
use crate::tasks::{Runs, in_tasks};

/// Reports searched per task.
const REPORTS_PER_TASK: usize = 40;

/// Properties of [`SearchPanel`].
#[derive(Properties, PartialEq)]
pub struct SearchPanelProps {
    /// What to look for.
    pub query: SearchQuery,
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// Called with a hit to open in the reader.
    pub on_open_at: Callback<(ReportId, TextRange)>,
    /// Called to close the results.
    pub on_close: Callback<()>,
}

/// Where the search stands.
#[derive(Clone, PartialEq)]
enum Found {
    /// Searching: reports done of all.
    Searching(usize, usize),
    /// The hits of each report that has some, in list order.
    Done(Rc<Vec<(ReportId, String, ReportHits)>>),
    /// The pattern is not a regular expression.
    Failed(SearchError),
}

/// The search results.
#[component]
pub fn SearchPanel(props: &SearchPanelProps) -> Html {
    let language = use_language();
    let found = use_state(|| Found::Searching(0, props.reports.len()));
    let runs = use_memo((), |()| Runs::default());
    {
        let (found, runs) = (found.clone(), (*runs).clone());
        use_effect_with((props.query.clone(), props.reports.clone()), move |(query, reports)| {
            let current = runs.start();
            let (query, reports) = (query.clone(), reports.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let regex = if query.regex {
                    match compile(&query.text) {
                        Ok(regex) => Some(regex),
                        Err(error) => {
                            found.set(Found::Failed(error));
                            return;
                        }
                    }
                } else {
                    None
                };
                let mut results = Vec::new();
                let mut kept = 0;
                let finished = in_tasks(
                    &reports,
                    REPORTS_PER_TASK,
                    || runs.is_current(current),
                    |done| found.set(Found::Searching(done, reports.len())),
                    |chunk| {
                        for (id, analysis) in chunk {
                            let ranges = find(&analysis.cleaned.text, &query, regex.as_ref());
                            if ranges.is_empty() {
                                continue;
                            }
                            let hits = report_hits(analysis, &ranges, MAX_HITS.saturating_sub(kept));
                            kept += hits.lines.len();
                            results.push((*id, display_file_name(&analysis.name), hits));
                        }
                    },
                )
                .await;
                if finished {
                    found.set(Found::Done(Rc::new(results)));
                }
            });
        });
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
    let what = if props.query.regex { language.pick("正则", "pattern") } else { language.pick("文字", "text") };
    let body = match &*found {
        Found::Searching(done, total) => {
            let status = language.pick(
                format!("正在搜索：{done} / {total} 份报告"),
                format!("Searching: {} / {} reports", language.count(*done), language.count(*total)),
            );
            html! { <p class="panel-note" role="status">{ status }</p> }
        }
        // The browser's reason quotes the pattern, the user's own text.
        Found::Failed(error) => html! {
            <p class="panel-note search-error" role="alert">
                { error.summary(language) }
                if !error.reason().is_empty() {
                    { language.pick("：", ": ") }<span lang={CONTENT_LANG}>{ error.reason() }</span>
                }
            </p>
        },
        Found::Done(results) => {
            let hits: usize = results.iter().map(|(_, _, hits)| hits.total).sum();
            let shown: usize = results.iter().map(|(_, _, hits)| hits.lines.len()).sum();
            html! {
                <>
                    <p class="panel-note search-summary" role="status">
                        { language.pick(
                            format!("{} 份报告中共 {hits} 处", results.len()),
                            format!(
                                "{} in {}",
                                language.things(hits, "处", "hit", "hits"),
                                language.things(results.len(), "份报告", "report", "reports"),
                            ),
                        ) }
                        if shown < hits { { language.pick(format!("，列出前 {shown} 处"), format!(", the first {} listed", language.count(shown))) } }
                        { language.pick("。点击一处在阅读区打开。", ". Click a hit to open it in the reader.") }
                    </p>
                    { for results.iter().map(|(id, name, hits)| {
                        let id = *id;
                        let heading = format!("search-report-{id}");
                        html! {
                            <section class="search-report" aria-labelledby={heading.clone()}>
                                <h3>
                                    <span id={heading} lang={CONTENT_LANG}>{ name }</span>
                                    <span class="search-count">{ language.things(hits.total, "处", "hit", "hits") }</span>
                                </h3>
                                <ul>
                                    { for hits.lines.iter().map(|line| {
                                        let range = line.range;
                                        html! {
                                            <li>
                                                <button class="search-hit" onclick={props.on_open_at.reform(move |_: MouseEvent| (id, range))}>
                                                    <span class="search-where">
                                                        { language.pick(format!("第 {} 行", line.line), format!("Line {}", line.line)) }
                                                        if let Some(section) = &line.section {
                                                            { " · " }<span lang={CONTENT_LANG}>{ section }</span>
                                                        }
                                                    </span>
                                                    <span class="search-context" lang={CONTENT_LANG}>{ &line.left }<mark>{ &line.matched }</mark>{ &line.right }</span>
                                                </button>
                                            </li>
                                        }
                                    }) }
                                </ul>
                            </section>
                        }
                    }) }
                </>
            }
        }
    };
    html! {
        <section class="search-pane" aria-label={language.pick("搜索结果", "Search results")}>
            <header class="search-header">
                <h2 class="pane-title">
                    { language.pick(format!("搜索{what}「"), format!("Search for {what} “")) }
                    <span lang={CONTENT_LANG}>{ &props.query.text }</span>
                    { language.pick("」", "”") }
                </h2>
                <button class="concordance-close" onclick={close} aria-label={language.pick("关闭搜索结果", "Close the search results")}>{ "×" }</button>
            </header>
            <div class="search-results">{ body }</div>
        </section>
    }
}
