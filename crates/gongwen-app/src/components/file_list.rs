//! The list of loaded reports, with each file's status or error in Chinese.

use yew::prelude::*;

use crate::protocol::ReportId;
use crate::state::{ReportEntry, ReportStatus};

/// Properties of [`FileList`].
#[derive(Properties, PartialEq)]
pub struct FileListProps {
    /// The loaded reports.
    pub reports: Vec<ReportEntry>,
    /// The selected report.
    pub selected: Option<ReportId>,
    /// Called when the user selects a report.
    pub on_select: Callback<ReportId>,
    /// Called when the user removes a report.
    pub on_remove: Callback<ReportId>,
}

/// A human-readable size: `7.4 KB`.
fn format_size(bytes: usize) -> String {
    if bytes < 1024 { format!("{bytes} B") } else { format!("{:.1} KB", bytes as f64 / 1024.0) }
}

/// The loaded reports.
#[component]
pub fn FileList(props: &FileListProps) -> Html {
    if props.reports.is_empty() {
        return html! { <p class="file-list-empty">{ "尚未载入报告" }</p> };
    }
    html! {
        <ul class="file-list" aria-label="已载入的报告">
            { for props.reports.iter().map(|entry| {
                let id = entry.id;
                let selected = props.selected == Some(id);
                let on_select = props.on_select.reform(move |_: MouseEvent| id);
                let on_remove = props.on_remove.reform(move |event: MouseEvent| {
                    event.stop_propagation();
                    id
                });
                let (status_class, status_text) = match &entry.status {
                    ReportStatus::Analyzing => ("analyzing", "分析中…".to_owned()),
                    ReportStatus::Done(analysis) => (
                        "done",
                        format!(
                            "{} · {} 个标题 · {} 词",
                            analysis.encoding,
                            analysis.outline.headings.len(),
                            analysis.words.tokens
                        ),
                    ),
                    ReportStatus::Failed(message) => ("failed", format!("无法分析：{message}")),
                };
                html! {
                    <li
                        class={classes!("file-item", status_class, selected.then_some("selected"))}
                        data-status={status_class}
                        onclick={on_select}
                        title={entry.name.clone()}
                    >
                        <div class="file-name">{ &entry.name }</div>
                        <div class="file-status">
                            <span>{ status_text }</span>
                            <span class="file-size">{ format_size(entry.size) }</span>
                        </div>
                        <button class="file-remove" onclick={on_remove} title="移除此报告" aria-label="移除此报告">{ "×" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}
