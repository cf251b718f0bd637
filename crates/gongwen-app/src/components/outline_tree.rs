//! The outline of the selected report as a collapsible tree. Each node shows
//! its marker, title, how many characters its section has and how many points
//! it holds, with numbering diagnostics beside it; clicking a node shows the
//! heading in the reader.

use std::collections::HashSet;

use gongwen_core::diagnostic::Diagnostic;
use gongwen_core::outline::{Heading, HeadingKind};
use yew::prelude::*;

use crate::state::SharedAnalysis;

/// Properties of [`OutlineTree`].
#[derive(Properties, PartialEq)]
pub struct OutlineTreeProps {
    /// The report whose outline is shown.
    pub analysis: SharedAnalysis,
    /// The heading shown in the reader.
    pub focused: Option<usize>,
    /// Called with a heading's index when the user clicks it.
    pub on_focus: Callback<usize>,
}

/// What every node needs to render.
struct TreeContext<'a> {
    headings: &'a [Heading],
    children: &'a [Vec<usize>],
    diagnostics: &'a [Diagnostic],
    collapsed: &'a HashSet<usize>,
    focused: Option<usize>,
    on_focus: &'a Callback<usize>,
    on_toggle: &'a Callback<usize>,
}

/// The outline tree. Give it a `key` per report so that collapsing starts
/// afresh for each report.
#[component]
pub fn OutlineTree(props: &OutlineTreeProps) -> Html {
    let outline = &props.analysis.outline;
    let children = use_memo(props.analysis.clone(), |analysis| child_lists(&analysis.outline.headings));
    let collapsed = use_state(HashSet::<usize>::new);
    let on_toggle = {
        let collapsed = collapsed.clone();
        Callback::from(move |index: usize| {
            let mut next = (*collapsed).clone();
            if !next.remove(&index) {
                next.insert(index);
            }
            collapsed.set(next);
        })
    };
    let expand_all = {
        let collapsed = collapsed.clone();
        Callback::from(move |_: MouseEvent| collapsed.set(HashSet::new()))
    };
    let collapse_all = {
        let collapsed = collapsed.clone();
        let tops: HashSet<usize> = (0..outline.headings.len())
            .filter(|&i| outline.headings[i].parent.is_none() && !children[i].is_empty())
            .collect();
        Callback::from(move |_: MouseEvent| collapsed.set(tops.clone()))
    };
    let roots: Vec<usize> = (0..outline.headings.len()).filter(|&i| outline.headings[i].parent.is_none()).collect();
    let context = TreeContext {
        headings: &outline.headings,
        children: &children,
        diagnostics: &outline.diagnostics,
        collapsed: &collapsed,
        focused: props.focused,
        on_focus: &props.on_focus,
        on_toggle: &on_toggle,
    };
    let warnings = outline.diagnostics.iter().filter(|d| d.heading.is_some()).count();
    html! {
        <nav class="outline" aria-label="大纲">
            <div class="outline-tools">
                <button onclick={expand_all} title="展开全部节点">{ "全部展开" }</button>
                <button onclick={collapse_all} title="只显示一级标题">{ "全部折叠" }</button>
                if warnings > 0 {
                    <span class="outline-warnings" title="编号跳号、重复、括号不统一等">{ format!("⚠ {warnings} 处编号问题") }</span>
                }
            </div>
            if let Some(title) = &outline.title {
                <div class="outline-doc-title">{ &title.text }</div>
            }
            { for [&outline.subtitle, &outline.author, &outline.date].into_iter().flatten().map(|line| html! {
                <div class="outline-doc-byline">{ &line.text }</div>
            }) }
            if outline.headings.is_empty() {
                <p class="outline-empty">{ "没有识别到标题。" }</p>
            } else {
                { render_nodes(&roots, &context) }
            }
        </nav>
    }
}

/// For each heading, the indices of its children.
fn child_lists(headings: &[Heading]) -> Vec<Vec<usize>> {
    let mut children = vec![Vec::new(); headings.len()];
    for (index, heading) in headings.iter().enumerate() {
        if let Some(parent) = heading.parent {
            children[parent].push(index);
        }
    }
    children
}

/// The label shown in place of a marker for unnumbered parts.
fn marker_label(heading: &Heading) -> String {
    match heading.kind {
        HeadingKind::Closing => "结语".to_owned(),
        HeadingKind::Problems => "问题".to_owned(),
        HeadingKind::Markdown => String::new(),
        _ => heading.marker.clone(),
    }
}

/// `1,234 字 · 3 点`.
fn section_size(heading: &Heading) -> String {
    let points = if heading.points > 0 { format!(" · {} 点", heading.points) } else { String::new() };
    format!("{} 字{points}", heading.chars)
}

fn render_nodes(indices: &[usize], context: &TreeContext<'_>) -> Html {
    html! {
        <ul class="outline-level">
            { for indices.iter().map(|&index| render_node(index, context)) }
        </ul>
    }
}

fn render_node(index: usize, context: &TreeContext<'_>) -> Html {
    let heading = &context.headings[index];
    let children = &context.children[index];
    let collapsed = context.collapsed.contains(&index);
    let on_click = context.on_focus.reform(move |_: MouseEvent| index);
    let on_toggle = context.on_toggle.reform(move |_: MouseEvent| index);
    let focused = context.focused == Some(index);
    let diagnostics: Vec<&Diagnostic> = context.diagnostics.iter().filter(|d| d.heading == Some(index)).collect();
    html! {
        <li class={classes!(collapsed.then_some("collapsed"))}>
            <div class="outline-row">
                if children.is_empty() {
                    <span class="outline-toggle-spacer"></span>
                } else {
                    <button
                        class="outline-toggle"
                        onclick={on_toggle}
                        aria-expanded={(!collapsed).to_string()}
                        aria-label={if collapsed { "展开" } else { "折叠" }}
                    >{ if collapsed { "▸" } else { "▾" } }</button>
                }
                <button
                    class={classes!("outline-node", format!("kind-{}", heading.kind.label()), focused.then_some("focused"))}
                    data-heading={index.to_string()}
                    onclick={on_click}
                    title={format!("第 {} 行：{}{}（{}）", heading.line, heading.marker, heading.title, section_size(heading))}
                >
                    <span class="outline-marker">{ marker_label(heading) }</span>
                    <span class="outline-title">{ &heading.title }</span>
                    if !diagnostics.is_empty() {
                        <span class="outline-warning" aria-label="编号问题">{ "⚠" }</span>
                    }
                    <span class="outline-size">{ section_size(heading) }</span>
                </button>
            </div>
            { for diagnostics.iter().map(|d| html! { <div class="outline-diagnostic">{ &d.message }</div> }) }
            if !children.is_empty() && !collapsed {
                { render_nodes(children, context) }
            }
        </li>
    }
}
