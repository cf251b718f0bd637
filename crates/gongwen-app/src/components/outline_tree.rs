//! The outline of the selected report as a tree; clicking a heading shows it
//! in the reader.

use std::rc::Rc;

use gongwen_core::ReportAnalysis;
use gongwen_core::outline::{Heading, HeadingKind};
use yew::prelude::*;

/// Properties of [`OutlineTree`].
#[derive(Properties, PartialEq)]
pub struct OutlineTreeProps {
    /// The report whose outline is shown.
    pub analysis: Rc<ReportAnalysis>,
    /// The heading shown in the reader.
    pub focused: Option<usize>,
    /// Called with a heading's index when the user clicks it.
    pub on_focus: Callback<usize>,
}

/// The outline tree.
#[component]
pub fn OutlineTree(props: &OutlineTreeProps) -> Html {
    let outline = &props.analysis.outline;
    let children = use_memo(props.analysis.clone(), |analysis| {
        child_lists(&analysis.outline.headings)
    });
    let roots: Vec<usize> = (0..outline.headings.len())
        .filter(|&i| outline.headings[i].parent.is_none())
        .collect();
    html! {
        <nav class="outline" aria-label="大纲">
            if let Some(title) = &outline.title {
                <div class="outline-doc-title">{ &title.text }</div>
            }
            if outline.headings.is_empty() {
                <p class="outline-empty">{ "没有识别到标题。" }</p>
            } else {
                { render_nodes(&roots, &outline.headings, &children, props) }
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

fn render_nodes(
    indices: &[usize],
    headings: &[Heading],
    children: &[Vec<usize>],
    props: &OutlineTreeProps,
) -> Html {
    html! {
        <ul class="outline-level">
            { for indices.iter().map(|&index| {
                let heading = &headings[index];
                let on_click = props.on_focus.reform(move |_: MouseEvent| index);
                let marker = if heading.kind == HeadingKind::Closing { "结语".to_owned() } else { heading.marker.clone() };
                let focused = props.focused == Some(index);
                html! {
                    <li>
                        <button
                            class={classes!("outline-node", format!("kind-{}", heading.kind.label()), focused.then_some("focused"))}
                            data-heading={index.to_string()}
                            onclick={on_click}
                            title={format!("第 {} 行：{}{}", heading.line, heading.marker, heading.title)}
                        >
                            <span class="outline-marker">{ marker }</span>
                            <span class="outline-title">{ &heading.title }</span>
                            <span class="outline-line">{ format!("L{}", heading.line) }</span>
                        </button>
                        if !children[index].is_empty() {
                            { render_nodes(&children[index], headings, children, props) }
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
