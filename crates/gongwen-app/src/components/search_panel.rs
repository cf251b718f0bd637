//! The search results (搜索): every hit of the toolbar's search in every
//! loaded report, grouped by report, each with its section, line and
//! context; a hit opens the reader there. The reports are searched a few
//! dozen per task, so that a thousand never freeze the page.

use std::rc::Rc;

use gongwen_core::file_name::display_file_name;
use gongwen_core::text::TextRange;
use yew::prelude::*;

use crate::protocol::ReportId;
use crate::search::{MAX_HITS, ReportHits, SearchQuery, compile, find, report_hits};
use crate::state::AnalysedReports;

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
    /// The pattern is not a regular expression (in Chinese).
    Failed(String),
}

/// The search results.
#[component]
pub fn SearchPanel(props: &SearchPanelProps) -> Html {
    let found = use_state(|| Found::Searching(0, props.reports.len()));
    let generation = use_mut_ref(|| 0u64);
    {
        let (found, generation) = (found.clone(), generation.clone());
        use_effect_with((props.query.clone(), props.reports.clone()), move |(query, reports)| {
            let current = {
                let mut generation = generation.borrow_mut();
                *generation += 1;
                *generation
            };
            let (query, reports) = (query.clone(), reports.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let regex = if query.regex {
                    match compile(&query.text) {
                        Ok(regex) => Some(regex),
                        Err(error) => {
                            found.set(Found::Failed(error.to_string()));
                            return;
                        }
                    }
                } else {
                    None
                };
                let mut results = Vec::new();
                let mut kept = 0;
                for (index, chunk) in reports.chunks(REPORTS_PER_TASK).enumerate() {
                    if index > 0 {
                        found.set(Found::Searching(index * REPORTS_PER_TASK, reports.len()));
                        yew::platform::time::sleep(std::time::Duration::ZERO).await;
                        if *generation.borrow() != current {
                            return;
                        }
                    }
                    for (id, analysis) in chunk {
                        let ranges = find(&analysis.cleaned.text, &query, regex.as_ref());
                        if ranges.is_empty() {
                            continue;
                        }
                        let hits = report_hits(analysis, &ranges, MAX_HITS.saturating_sub(kept));
                        kept += hits.lines.len();
                        results.push((*id, display_file_name(&analysis.name), hits));
                    }
                }
                if *generation.borrow() == current {
                    found.set(Found::Done(Rc::new(results)));
                }
            });
        });
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
    let what = if props.query.regex { "正则" } else { "文字" };
    let body = match &*found {
        Found::Searching(done, total) => {
            html! { <p class="panel-note" role="status">{ format!("正在搜索：{done} / {total} 份报告") }</p> }
        }
        Found::Failed(message) => html! { <p class="panel-note search-error" role="alert">{ message }</p> },
        Found::Done(results) => {
            let hits: usize = results.iter().map(|(_, _, hits)| hits.total).sum();
            let shown: usize = results.iter().map(|(_, _, hits)| hits.lines.len()).sum();
            html! {
                <>
                    <p class="panel-note search-summary" role="status">
                        { format!("{} 份报告中共 {hits} 处", results.len()) }
                        if shown < hits { { format!("，列出前 {shown} 处") } }
                        { "。点击一处在阅读区打开。" }
                    </p>
                    { for results.iter().map(|(id, name, hits)| {
                        let id = *id;
                        html! {
                            <section class="search-report" aria-label={name.clone()}>
                                <h3>{ name }<span class="search-count">{ format!("{} 处", hits.total) }</span></h3>
                                <ul>
                                    { for hits.lines.iter().map(|line| {
                                        let range = line.range;
                                        html! {
                                            <li>
                                                <button class="search-hit" onclick={props.on_open_at.reform(move |_: MouseEvent| (id, range))}>
                                                    <span class="search-where">{ format!("第 {} 行", line.line) }{ line.section.as_ref().map(|s| format!(" · {s}")).unwrap_or_default() }</span>
                                                    <span class="search-context">{ &line.left }<mark>{ &line.matched }</mark>{ &line.right }</span>
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
        <section class="search-pane" aria-label="搜索结果">
            <header class="search-header">
                <h2 class="pane-title">{ format!("搜索{what}「{}」", props.query.text) }</h2>
                <button class="concordance-close" onclick={close} aria-label="关闭搜索结果">{ "×" }</button>
            </header>
            <div class="search-results">{ body }</div>
        </section>
    }
}
