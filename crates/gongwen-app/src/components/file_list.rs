//! The list of loaded reports, with each file's format, encoding and status
//! or error in Chinese. Names are shown through `display_file_name`: a name
//! comes from outside and may hold controls or bidirectional overrides.

use gongwen_core::file_name::display_file_name;
use gongwen_core::source::limits::format_bytes;
use yew::prelude::*;

use crate::i18n::{CONTENT_LANG, use_language};
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

/// A human-readable size: `512 B`, `7.4 KB`, `100.0 MB`, `1.2 GB`.
fn format_size(bytes: usize) -> String {
    format_bytes(u64::try_from(bytes).unwrap_or(u64::MAX))
}

/// How many items the list renders at first, and adds per step: a drop of
/// a thousand files is rendered over a few frames, never in one long task.
const ITEMS_PER_STEP: usize = 100;

/// The loaded reports. Each item is a component of its own, so that a batch
/// of results re-renders only the items whose status changed.
#[component]
pub fn FileList(props: &FileListProps) -> Html {
    let language = use_language();
    let shown = use_state(|| ITEMS_PER_STEP);
    let total = props.reports.len();
    {
        let shown = shown.clone();
        use_effect_with((*shown, total), move |&(now, total)| {
            if now < total {
                wasm_bindgen_futures::spawn_local(async move {
                    // A timer, not a microtask: the browser paints in between.
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    shown.set(now + ITEMS_PER_STEP);
                });
            }
        });
    }
    if props.reports.is_empty() {
        return html! { <p class="file-list-empty">{ language.pick("尚未载入报告", "No reports loaded yet") }</p> };
    }
    html! {
        <ul class="file-list" aria-label={language.pick("已载入的报告", "Loaded reports")}>
            { for props.reports.iter().take(*shown).map(|entry| html! {
                <FileItem key={entry.id} entry={entry.clone()} selected={props.selected == Some(entry.id)}
                    on_select={props.on_select.clone()} on_remove={props.on_remove.clone()} />
            }) }
        </ul>
    }
}

/// Properties of [`FileItem`].
#[derive(Properties, PartialEq)]
struct FileItemProps {
    entry: ReportEntry,
    selected: bool,
    on_select: Callback<ReportId>,
    on_remove: Callback<ReportId>,
}

/// One loaded report.
#[component]
fn FileItem(props: &FileItemProps) -> Html {
    let language = use_language();
    let FileItemProps { entry, selected, .. } = props;
    let selected = *selected;
    let id = entry.id;
    let on_select = props.on_select.reform(move |_: MouseEvent| id);
    let on_remove = props.on_remove.reform(move |event: MouseEvent| {
        event.stop_propagation();
        id
    });
    let name = display_file_name(&entry.name);
    let notes: Vec<String> = match &entry.status {
        ReportStatus::Done(analysis) => {
            analysis.notes.iter().map(|note| language.diagnostic(note).to_owned()).collect()
        }
        _ => Vec::new(),
    };
    let (status_class, status_text) = match &entry.status {
        ReportStatus::Analyzing => ("analyzing", html! { language.pick("分析中…", "Analysing…") }),
        ReportStatus::Reading { total: 0, .. } => {
            ("analyzing", html! { language.pick("正在打开 PDF…", "Opening the PDF…") })
        }
        ReportStatus::Reading { done, total } => (
            "analyzing",
            html! { language.pick(format!("正在读取 PDF：第 {done}/{total} 页"), format!("Reading the PDF: page {done} of {total}")) },
        ),
        ReportStatus::Done(analysis) => (
            "done",
            html! { language.pick(
                format!(
                    "{} · {} · {} 个标题 · {} 词",
                    analysis.format.display_name(),
                    analysis.encoding,
                    analysis.outline.headings.len(),
                    analysis.words.tokens
                ),
                format!(
                    "{} · {} · {} · {}",
                    language.format(analysis.format),
                    analysis.encoding,
                    language.things(analysis.outline.headings.len(), "个标题", "heading", "headings"),
                    language.things(analysis.words.tokens, "词", "word", "words"),
                ),
            ) },
        ),
        // A message may quote a name from inside the file (a zip entry).
        ReportStatus::Failed(message) => (
            "failed",
            html! { <>{ language.pick("无法分析：", "Could not analyse: ") }{ display_file_name(message.text(language)) }</> },
        ),
    };
    html! {
        <li
            class={classes!("file-item", status_class, selected.then_some("selected"))}
            data-status={status_class}
            data-worker={entry.worker.map(|worker| worker.to_string())}
            onclick={on_select}
        >
            <div class="file-name" lang={CONTENT_LANG} title={name.clone()}>{ name }</div>
            <div class="file-status">
                <span>{ status_text }</span>
                <span class="file-size">{ format_size(entry.size) }</span>
            </div>
            { for notes.iter().map(|note| html! { <div class="file-note">{ "⚠ " }{ note }</div> }) }
            <button class="file-remove" onclick={on_remove} title={language.pick("移除此报告", "Remove this report")}
                aria-label={language.pick("移除此报告", "Remove this report")}>{ "×" }</button>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::format_size;

    #[test]
    fn sizes_take_the_unit_that_fits() {
        assert_eq!(format_size(0), "0 B");
        assert_eq!(format_size(1023), "1023 B");
        assert_eq!(format_size(7_578), "7.4 KB");
        assert_eq!(format_size(104_873_574), "100.0 MB");
        assert_eq!(format_size(1_048_575), "1.0 MB");
        assert_eq!(format_size(3 * 1024 * 1024 * 1024 / 2), "1.5 GB");
    }
}
