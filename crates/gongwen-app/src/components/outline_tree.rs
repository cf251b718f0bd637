//! The outline of the selected report as a collapsible tree. Each node shows
//! its marker, title, how many characters its section has and how many points
//! it holds, with numbering diagnostics beside it; clicking a node shows the
//! heading in the reader.
//!
//! A report of many megabytes has tens of thousands of headings: the tree
//! renders the first [`NODE_BUDGET`] visible nodes and offers more on demand.

use std::cell::Cell;
use std::collections::HashSet;

use gongwen_core::diagnostic::Diagnostic;
use gongwen_core::outline::{Heading, HeadingKind};
use gongwen_core::source::LineUnit;
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

/// How many nodes the tree renders at first, and how many more each click on
/// 「显示更多标题」 adds.
pub const NODE_BUDGET: usize = 500;

/// Each heading's children and diagnostics, by heading index.
struct TreeIndex {
    children: Vec<Vec<usize>>,
    diagnostics: Vec<Vec<usize>>,
}

/// What every node needs to render.
struct TreeContext<'a> {
    headings: &'a [Heading],
    /// How the report counts positions (lines, paragraphs, pages).
    unit: &'a LineUnit,
    index: &'a TreeIndex,
    diagnostics: &'a [Diagnostic],
    /// Nodes that may still be rendered.
    remaining: Cell<usize>,
    /// Some node was left out for want of budget.
    truncated: Cell<bool>,
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
    let index = use_memo(props.analysis.clone(), |analysis| {
        TreeIndex::of(&analysis.outline.headings, &analysis.outline.diagnostics)
    });
    let children = &index.children;
    let collapsed = use_state(HashSet::<usize>::new);
    let budget = use_state(|| NODE_BUDGET);
    let show_more = {
        let budget = budget.clone();
        Callback::from(move |_: MouseEvent| budget.set(*budget + NODE_BUDGET))
    };
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
        unit: &props.analysis.unit,
        headings: &outline.headings,
        index: &index,
        diagnostics: &outline.diagnostics,
        remaining: Cell::new(*budget),
        truncated: Cell::new(false),
        collapsed: &collapsed,
        focused: props.focused,
        on_focus: &props.on_focus,
        on_toggle: &on_toggle,
    };
    let warnings = outline.diagnostics.iter().filter(|d| d.heading.is_some()).count();
    let tree = render_nodes(&roots, &context);
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
                { tree }
            }
            if context.truncated.get() {
                <button class="outline-more" onclick={show_more}>
                    { format!("显示更多标题（共 {} 个，已显示 {} 个）", outline.headings.len(), *budget - context.remaining.get()) }
                </button>
            }
        </nav>
    }
}

impl TreeIndex {
    fn of(headings: &[Heading], diagnostics: &[Diagnostic]) -> Self {
        let mut children = vec![Vec::new(); headings.len()];
        for (index, heading) in headings.iter().enumerate() {
            if let Some(parent) = heading.parent {
                children[parent].push(index);
            }
        }
        let mut by_heading = vec![Vec::new(); headings.len()];
        for (index, diagnostic) in diagnostics.iter().enumerate() {
            if let Some(list) = diagnostic.heading.and_then(|heading| by_heading.get_mut(heading)) {
                list.push(index);
            }
        }
        Self { children, diagnostics: by_heading }
    }
}

/// The label shown in place of a marker for unnumbered parts.
fn marker_label(heading: &Heading) -> String {
    match heading.kind {
        HeadingKind::Closing => "结语".to_owned(),
        HeadingKind::Problems => "问题".to_owned(),
        HeadingKind::Markdown | HeadingKind::Bold => String::new(),
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
            { for indices.iter().map_while(|&index| render_node(index, context)) }
        </ul>
    }
}

/// A node and its open subtree; `None` once the budget is spent.
fn render_node(index: usize, context: &TreeContext<'_>) -> Option<Html> {
    let Some(remaining) = context.remaining.get().checked_sub(1) else {
        context.truncated.set(true);
        return None;
    };
    context.remaining.set(remaining);
    let heading = &context.headings[index];
    let children = &context.index.children[index];
    let collapsed = context.collapsed.contains(&index);
    let on_click = context.on_focus.reform(move |_: MouseEvent| index);
    let on_toggle = context.on_toggle.reform(move |_: MouseEvent| index);
    let focused = context.focused == Some(index);
    let diagnostics: Vec<&Diagnostic> =
        context.index.diagnostics[index].iter().map(|&d| &context.diagnostics[d]).collect();
    Some(html! {
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
                    title={format!("{}：{}{}（{}）", context.unit.describe(heading.line), heading.marker, heading.title, section_size(heading))}
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
    })
}
