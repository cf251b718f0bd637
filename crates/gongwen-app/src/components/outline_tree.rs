//! The outline of the selected report as a collapsible tree. Each node shows
//! its marker, title, how many characters its section has and how many points
//! it holds, with numbering diagnostics beside it; clicking a node shows the
//! heading in the reader. The tools, counts and tooltips speak the page's
//! language; the headings are the report's text.
//!
//! A report of many megabytes has tens of thousands of headings: the tree
//! renders the first [`NODE_BUDGET`] visible nodes and offers more on demand.

use std::cell::Cell;
use std::collections::HashSet;

use gongwen_core::diagnostic::Diagnostic;
use gongwen_core::outline::{Heading, HeadingKind};
use gongwen_core::render::render_outline_markdown;
use gongwen_core::source::LineUnit;
use yew::prelude::*;

use crate::download::download;
use crate::i18n::{CONTENT_LANG, Language, use_language};
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
    /// The language of the labels and tooltips.
    language: Language,
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
    let language = use_language();
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
    let on_markdown = {
        let analysis = props.analysis.clone();
        Callback::from(move |_: MouseEvent| {
            let stem = analysis.name.rsplit('/').next().unwrap_or_default();
            let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
            let markdown = render_outline_markdown(analysis.reading());
            if let Err(error) = download(&format!("{stem}.md"), "text/markdown;charset=utf-8", &markdown) {
                web_sys::console::error_2(&"gongwen: could not export the outline".into(), &error);
            }
        })
    };
    let roots: Vec<usize> = (0..outline.headings.len()).filter(|&i| outline.headings[i].parent.is_none()).collect();
    let context = TreeContext {
        language,
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
    let shown = *budget - context.remaining.get();
    html! {
        <nav class="outline" aria-label={language.pick("大纲", "Outline")}>
            <div class="outline-tools">
                <button onclick={expand_all} title={language.pick("展开全部节点", "Expand every node")}>{ language.pick("全部展开", "Expand all") }</button>
                <button onclick={collapse_all} title={language.pick("只显示一级标题", "Show only the top-level headings")}>
                    { language.pick("全部折叠", "Collapse all") }
                </button>
                <button class="outline-markdown" onclick={on_markdown}
                    title={language.pick("本报告的大纲，Markdown 格式（总览中可导出全部报告的）", "This report's outline as Markdown (the overview exports every report's)")}>
                    { "Markdown" }
                </button>
                if warnings > 0 {
                    <span class="outline-warnings"
                        title={language.pick("编号跳号、重复、括号不统一等", "Numbers skipped or repeated, brackets used inconsistently and the like")}>
                        { language.pick(
                            format!("⚠ {warnings} 处编号问题"),
                            format!("⚠ {}", language.things(warnings, "处", "numbering problem", "numbering problems")),
                        ) }
                    </span>
                }
            </div>
            if let Some(title) = &outline.title {
                <div class="outline-doc-title" lang={CONTENT_LANG}>{ &title.text }</div>
            }
            { for [&outline.subtitle, &outline.author, &outline.date].into_iter().flatten().map(|line| html! {
                <div class="outline-doc-byline" lang={CONTENT_LANG}>{ &line.text }</div>
            }) }
            if outline.headings.is_empty() {
                <p class="outline-empty">{ language.pick("没有识别到标题。", "No headings found.") }</p>
            } else {
                { tree }
            }
            if context.truncated.get() {
                <button class="outline-more" onclick={show_more}>
                    { language.pick(
                        format!("显示更多标题（共 {} 个，已显示 {} 个）", outline.headings.len(), shown),
                        format!("Show more headings ({} of {} shown)", language.count(shown), language.count(outline.headings.len())),
                    ) }
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

/// What stands before a heading's title, with its `lang`: the heading's
/// marker (the report's text, `None`: it takes the node's), or for
/// unnumbered parts a label in `language`.
fn marker_label(heading: &Heading, language: Language) -> (String, Option<&'static str>) {
    match heading.kind {
        HeadingKind::Closing => (language.pick("结语", "Closing").to_owned(), Some(language.code())),
        HeadingKind::Problems => (language.pick("问题", "Problems").to_owned(), Some(language.code())),
        HeadingKind::Markdown | HeadingKind::Bold => (String::new(), None),
        _ => (heading.marker.clone(), None),
    }
}

/// `1234 字 · 3 点`, `1,234 chars · 3 pts`: short, beside the title.
fn section_size(heading: &Heading, language: Language) -> String {
    match language {
        Language::Chinese => {
            let points = if heading.points > 0 { format!(" · {} 点", heading.points) } else { String::new() };
            format!("{} 字{points}", heading.chars)
        }
        Language::English => {
            let chars = language.things(heading.chars, "字", "char", "chars");
            if heading.points > 0 {
                format!("{chars} · {}", language.things(heading.points, "点", "pt", "pts"))
            } else {
                chars
            }
        }
    }
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
    let language = context.language;
    let (marker, marker_lang) = marker_label(heading, language);
    let size = section_size(heading, language);
    let title = format!(
        "{}{}{}{}{}",
        language.place(context.unit, heading.line),
        language.pick("：", ": "),
        heading.marker,
        heading.title,
        language.pick(format!("（{size}）"), format!(" ({size})")),
    );
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
                        aria-label={if collapsed { language.pick("展开", "Expand") } else { language.pick("折叠", "Collapse") }}
                    >{ if collapsed { "▸" } else { "▾" } }</button>
                }
                // The node shows the heading (and its tooltip quotes it): it
                // is the report's; its labels say which language they are in.
                <button
                    class={classes!("outline-node", format!("kind-{}", heading.kind.label()), focused.then_some("focused"))}
                    data-heading={index.to_string()}
                    onclick={on_click}
                    lang={CONTENT_LANG}
                    {title}
                >
                    <span class="outline-marker" lang={marker_lang}>{ marker }</span>
                    <span class="outline-title">{ &heading.title }</span>
                    if !diagnostics.is_empty() {
                        <span class="outline-warning" lang={language.code()} aria-label={language.pick("编号问题", "Numbering problem")}>{ "⚠" }</span>
                    }
                    <span class="outline-size" lang={language.code()}>{ size }</span>
                </button>
            </div>
            { for diagnostics.iter().map(|d| html! { <div class="outline-diagnostic">{ language.diagnostic(d) }</div> }) }
            if !children.is_empty() && !collapsed {
                { render_nodes(children, context) }
            }
        </li>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sections_size_is_short_in_either_language() {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        let analysis =
            gongwen_core::analyze_report("a.txt", "一、总体情况\n正文。\n".as_bytes(), &segmenter).expect("analysis");
        let mut heading = analysis.outline.headings[0].clone();
        (heading.chars, heading.points) = (1234, 3);
        assert_eq!(section_size(&heading, Language::Chinese), "1234 字 · 3 点");
        assert_eq!(section_size(&heading, Language::English), "1,234 chars · 3 pts");
        (heading.chars, heading.points) = (1, 0);
        assert_eq!(section_size(&heading, Language::Chinese), "1 字");
        assert_eq!(section_size(&heading, Language::English), "1 char");
    }
}
