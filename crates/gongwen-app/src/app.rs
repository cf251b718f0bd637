//! The page: the drop zone over the whole window, the toolbar, the report list
//! and the panes of the selected report.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::components::file_list::FileList;
use crate::components::outline_tree::OutlineTree;
use crate::components::reader::Reader;
use crate::components::structure_panel::StructurePanel;
use crate::components::word_panel::WordPanel;
use crate::hooks::use_analysis_worker::use_analysis_worker;
use crate::hooks::use_report_loader::{IncomingFile, use_report_loader};
use crate::protocol::ReportId;
use crate::samples::SAMPLE_REPORTS;
use crate::state::{Action, AppState, DictionaryStatus};

/// The views of the right-hand pane.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ChartView {
    /// Word frequencies.
    Words,
    /// Section shares of every report.
    Structure,
}

/// The files of a `FileList`, as [`IncomingFile`]s.
fn incoming_files(list: Option<web_sys::FileList>) -> Vec<IncomingFile> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.get(index)).map(IncomingFile::Browser).collect()
}

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    let worker = use_analysis_worker(state.dispatcher());
    let load = use_report_loader(state.dispatcher(), worker);
    let dragging = use_state(|| false);
    let file_input = use_node_ref();

    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Leaving for a child element is not leaving the window.
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let on_drop = {
        let dragging = dragging.clone();
        let load = load.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let files = incoming_files(event.data_transfer().and_then(|transfer| transfer.files()));
            if !files.is_empty() {
                load.emit(files);
            }
        })
    };
    let on_pick = {
        let load = load.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target().and_then(|target| target.dyn_into::<HtmlInputElement>().ok()) else {
                return;
            };
            let files = incoming_files(input.files());
            // Clearing lets the same file be picked again.
            input.set_value("");
            if !files.is_empty() {
                load.emit(files);
            }
        })
    };
    let on_open_picker = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_samples = {
        let load = load.clone();
        Callback::from(move |_: MouseEvent| {
            load.emit(SAMPLE_REPORTS.iter().map(|&(name, bytes)| IncomingFile::Sample { name, bytes }).collect());
        })
    };
    let on_select = Callback::from(state.dispatcher()).reform(Action::Select);
    let on_remove = Callback::from(state.dispatcher()).reform(Action::Remove);
    let on_focus = Callback::from(state.dispatcher()).reform(Action::FocusHeading);
    let on_open_section =
        Callback::from(state.dispatcher()).reform(|(id, heading)| Action::OpenSection { id, heading });
    let chart_view = use_state(|| ChartView::Words);
    let view_tab = |view: ChartView, label: &'static str| {
        let chart_view = chart_view.clone();
        let active = *chart_view == view;
        html! {
            <button
                class={classes!("view-tab", active.then_some("active"))}
                aria-pressed={active.to_string()}
                onclick={Callback::from(move |_| chart_view.set(view))}
            >{ label }</button>
        }
    };
    let analysed: Vec<(ReportId, Rc<gongwen_core::ReportAnalysis>)> =
        state.reports.iter().filter_map(|entry| entry.analysis().map(|analysis| (entry.id, analysis))).collect();

    let corpus = use_memo(state.clone(), |state| state.corpus_words());
    let corpus_size = state.analyses().count();
    let selected = state.selected_analysis();

    let status = match &state.dictionary {
        DictionaryStatus::Loading => {
            html! { <span class="dictionary loading" data-dictionary="loading">{ "正在加载词典…" }</span> }
        }
        DictionaryStatus::Ready { load_millis } => html! {
            <span class="dictionary ready" data-dictionary="ready" title={format!("词典加载用时 {load_millis:.0} 毫秒")}>
                { if state.is_busy() { "分析中…" } else { "词典已就绪" } }
            </span>
        },
        DictionaryStatus::Broken(message) => html! {
            <span class="dictionary broken" data-dictionary="broken">{ format!("词典不可用：{message}") }</span>
        },
    };

    html! {
        <div
            class={classes!("app", dragging.then_some("dragging"))}
            id="drop-zone"
            ondragenter={on_drag_over.clone()}
            ondragover={on_drag_over}
            ondragleave={on_drag_leave}
            ondrop={on_drop}
        >
            <header class="toolbar">
                <h1 class="brand">{ "公文透镜" }<small>{ "Gongwen Lens" }</small></h1>
                <button class="primary" onclick={on_open_picker}>{ "选择文件…" }</button>
                <button id="load-samples" onclick={on_samples}>{ "载入示例报告" }</button>
                <input
                    ref={file_input}
                    id="file-input"
                    type="file"
                    multiple=true
                    accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                    class="visually-hidden"
                    onchange={on_pick}
                />
                { status }
                <span class="privacy">{ "文件只在本机浏览器中分析，不会上传。" }</span>
            </header>
            <div class="layout">
                <aside class="sidebar">
                    <h2 class="pane-title">{ format!("报告（{}）", state.reports.len()) }</h2>
                    <FileList reports={state.reports.clone()} selected={state.selected} {on_select} {on_remove} />
                </aside>
                if let Some(analysis) = selected {
                    <section class="outline-pane">
                        <h2 class="pane-title">{ "大纲" }</h2>
                        <OutlineTree key={state.selected.unwrap_or_default().to_string()} analysis={Rc::clone(&analysis)} focused={state.focus.map(|(index, _)| index)} {on_focus} />
                    </section>
                    <section class="reader-pane">
                        <Reader analysis={Rc::clone(&analysis)} focus={state.focus} />
                    </section>
                    <section class="chart-pane">
                        <div class="view-tabs" role="tablist">
                            { view_tab(ChartView::Words, "高频词") }
                            { view_tab(ChartView::Structure, "篇幅结构") }
                        </div>
                        if *chart_view == ChartView::Words {
                            <WordPanel analysis={analysis} corpus={corpus} {corpus_size} />
                        } else {
                            <StructurePanel reports={analysed} on_open={on_open_section} />
                        }
                    </section>
                } else {
                    <section class="welcome">
                        <h2>{ "把述职报告、工作总结拖到窗口任意位置" }</h2>
                        <p>{ "支持 .txt（UTF-8、GBK、UTF-16）、.md、.html，可一次拖入多份。也可以点击「选择文件…」，或先「载入示例报告」看看效果。" }</p>
                        <p>{ "载入后可查看每份报告的大纲结构和高频词；点击大纲中的标题，右侧正文会跳到该处。" }</p>
                    </section>
                }
            </div>
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ "松开鼠标，载入报告" }</p></div>
            }
        </div>
    }
}
