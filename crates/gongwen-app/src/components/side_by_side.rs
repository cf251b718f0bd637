//! Two reports side by side (并排对照): each in its own column, the passages
//! they share highlighted in matching colours (template passages grey, a
//! near-copy's differing characters marked), the pair's passages listed by
//! length above. Clicking a passage on one side scrolls the other side to
//! the same passage.

use gongwen_core::compare::{Passage, TextId};
use gongwen_core::file_name::display_file_name;
use gongwen_core::text::TextRange;
use yew::prelude::*;

use super::marked_text::{jump_to, marked_paragraphs};
use crate::comparison::SharedComparison;
use crate::protocol::ReportId;
use crate::state::SharedAnalysis;

/// Colours cycle over this many classes (`c0` … `c7`).
const COLOURS: usize = 8;

/// No passage owns the byte.
const NONE: u32 = u32::MAX;

/// Properties of [`SideBySide`].
#[derive(Properties, PartialEq)]
pub struct SideBySideProps {
    /// The left report.
    pub left: (ReportId, SharedAnalysis),
    /// The right report.
    pub right: (ReportId, SharedAnalysis),
    /// The comparison both are in.
    pub comparison: SharedComparison,
    /// Called to swap the columns.
    pub on_swap: Callback<()>,
    /// Called to close the view.
    pub on_close: Callback<()>,
}

/// The passages two reports share, longest first.
fn pair_passages(comparison: &SharedComparison, a: usize, b: usize) -> Vec<&Passage> {
    comparison
        .comparison
        .passages
        .iter()
        .filter(|p| {
            let holds = |r: usize| p.occurrences.iter().any(|o| o.text == TextId::Report(r));
            holds(a) && holds(b)
        })
        .collect()
}

/// One side's text with its passages marked.
fn column(
    side: &str,
    analysis: &SharedAnalysis,
    report: usize,
    passages: &[&Passage],
    on_jump: &Callback<(String, usize)>,
) -> Html {
    let text = &analysis.cleaned.text;
    // Which passage owns each byte: the longest (listed first) wins.
    let mut owner = vec![NONE; text.len()];
    let mut differing = vec![false; text.len()];
    for (k, passage) in passages.iter().enumerate().rev() {
        for occurrence in passage.occurrences.iter().filter(|o| o.text == TextId::Report(report)) {
            // A range past the text (a comparison of an older text) marks nothing.
            let range = occurrence.range;
            if let Some(bytes) = owner.get_mut(range.start..range.end.min(text.len())) {
                bytes.iter_mut().for_each(|o| *o = k as u32);
            }
            for difference in &occurrence.differences {
                if let Some(bytes) = differing.get_mut(difference.start..difference.end.min(text.len())) {
                    bytes.iter_mut().for_each(|d| *d = true);
                }
            }
        }
    }
    // Runs of one owner and one difference flag.
    let key_at = |byte: usize| (owner[byte], differing[byte] && owner[byte] != NONE);
    let show_run = |(k, differs): (u32, bool), _: TextRange, slice: &str| {
        if k == NONE {
            return html! { { slice.to_owned() } };
        }
        let passage = passages[k as usize];
        let class = classes!(
            "sbs-passage",
            format!("c{}", k as usize % COLOURS),
            passage.template.then_some("template"),
            differs.then_some("differs"),
        );
        let title = format!(
            "共有段落 {} 字{}{}",
            passage.chars,
            if passage.template { "（套话）" } else { "" },
            if differs { "：此处与对方不同" } else { "" }
        );
        let side = side.to_owned();
        let onclick = on_jump.reform(move |_: MouseEvent| (side.clone(), k as usize));
        html! { <span {class} data-passage={k.to_string()} {title} {onclick}>{ slice.to_owned() }</span> }
    };
    let paragraphs = marked_paragraphs(analysis, "sbs-paragraph", key_at, show_run, |_| None);
    html! {
        <div class="sbs-column" id={format!("sbs-{side}")}>
            <h3 class="sbs-name" title={display_file_name(&analysis.name)}>{ display_file_name(&analysis.name) }</h3>
            { paragraphs }
        </div>
    }
}

/// Scrolls column `side` to its first mark of passage `k`.
fn scroll_to(side: &str, k: usize) {
    jump_to(&format!("#sbs-{side} [data-passage=\"{k}\"]"));
}

/// The side-by-side view.
#[component]
pub fn SideBySide(props: &SideBySideProps) -> Html {
    let set = &props.comparison;
    let (Some(a), Some(b)) = (set.index_of(props.left.0), set.index_of(props.right.0)) else {
        return html! { <p class="panel-note">{ "这两份报告不在当前比对结果中，请重新比对。" }</p> };
    };
    let passages = pair_passages(set, a, b);
    let on_jump = Callback::from(|(side, k): (String, usize)| {
        let other = if side == "left" { "right" } else { "left" };
        scroll_to(other, k);
    });
    let similarity = &set.comparison.similarity;
    html! {
        <section class="side-by-side" aria-label="并排对照">
            <header class="sbs-header">
                <span class="sbs-title">
                    { format!("并排对照：左 {:.1}% 见于右，右 {:.1}% 见于左，共有段落 {} 段",
                        similarity[a][b] * 100.0, similarity[b][a] * 100.0, passages.len()) }
                </span>
                <button onclick={props.on_swap.reform(|_: MouseEvent| ())}>{ "左右交换" }</button>
                <button onclick={props.on_close.reform(|_: MouseEvent| ())}>{ "关闭" }</button>
            </header>
            <ol class="sbs-passages" aria-label="两份报告的共有段落">
                { for passages.iter().enumerate().map(|(k, passage)| {
                    let onclick = Callback::from(move |_: MouseEvent| {
                        scroll_to("left", k);
                        scroll_to("right", k);
                    });
                    let head: String = passage.text.chars().take(18).collect();
                    html! {
                        <li>
                            <button class={classes!("sbs-chip", format!("c{}", k % COLOURS), passage.template.then_some("template"))}
                                title={passage.text.clone()} {onclick}>
                                { format!("{} 字 · {head}…", passage.chars) }
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <div class="sbs-columns">
                { column("left", &props.left.1, a, &passages, &on_jump) }
                { column("right", &props.right.1, b, &passages, &on_jump) }
            </div>
        </section>
    }
}
