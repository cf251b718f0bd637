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
use crate::i18n::{CONTENT_LANG, Language, use_language};
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

/// A marked passage's tooltip: its length, whether it is boilerplate, and
/// whether the marked stretch differs from the other side.
fn passage_title(language: Language, chars: usize, template: bool, differs: bool) -> String {
    match language {
        Language::Chinese => format!(
            "共有段落 {chars} 字{}{}",
            if template { "（套话）" } else { "" },
            if differs { "：此处与对方不同" } else { "" }
        ),
        Language::English => format!(
            "Shared passage, {} chars{}{}",
            language.count(chars),
            if template { " (boilerplate)" } else { "" },
            if differs { ": differs from the other side here" } else { "" }
        ),
    }
}

/// One side's text with its passages marked, their tooltips in `language`.
fn column(
    language: Language,
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
        let title = passage_title(language, passage.chars, passage.template, differs);
        let side = side.to_owned();
        let onclick = on_jump.reform(move |_: MouseEvent| (side.clone(), k as usize));
        html! { <span {class} data-passage={k.to_string()} {title} {onclick}>{ slice.to_owned() }</span> }
    };
    let paragraphs = marked_paragraphs(analysis, "sbs-paragraph", key_at, show_run, |_| None);
    html! {
        <div class="sbs-column" id={format!("sbs-{side}")} lang={CONTENT_LANG}>
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
    let language = use_language();
    let set = &props.comparison;
    let (Some(a), Some(b)) = (set.index_of(props.left.0), set.index_of(props.right.0)) else {
        return html! {
            <p class="panel-note">
                { language.pick("这两份报告不在当前比对结果中，请重新比对。", "These two reports are not in the current comparison; compare again.") }
            </p>
        };
    };
    let passages = pair_passages(set, a, b);
    let on_jump = Callback::from(|(side, k): (String, usize)| {
        let other = if side == "left" { "right" } else { "left" };
        scroll_to(other, k);
    });
    let similarity = &set.comparison.similarity;
    html! {
        <section class="side-by-side" aria-label={language.pick("并排对照", "Side by side")}>
            <header class="sbs-header">
                <span class="sbs-title">
                    { language.pick(
                        format!("并排对照：左 {:.1}% 见于右，右 {:.1}% 见于左，共有段落 {} 段",
                            similarity[a][b] * 100.0, similarity[b][a] * 100.0, passages.len()),
                        format!("Side by side: {:.1}% of the left found in the right, {:.1}% of the right in the left, {}",
                            similarity[a][b] * 100.0, similarity[b][a] * 100.0,
                            language.things(passages.len(), "段", "shared passage", "shared passages")),
                    ) }
                </span>
                <button onclick={props.on_swap.reform(|_: MouseEvent| ())}>{ language.pick("左右交换", "Swap sides") }</button>
                <button onclick={props.on_close.reform(|_: MouseEvent| ())}>{ language.pick("关闭", "Close") }</button>
            </header>
            <ol class="sbs-passages" aria-label={language.pick("两份报告的共有段落", "Passages the two reports share")}>
                { for passages.iter().enumerate().map(|(k, passage)| {
                    let onclick = Callback::from(move |_: MouseEvent| {
                        scroll_to("left", k);
                        scroll_to("right", k);
                    });
                    let text = set.passage_text(passage);
                    let head: String = text.chars().take(18).collect();
                    let length = language.pick(format!("{} 字", passage.chars), format!("{} chars", language.count(passage.chars)));
                    // The passage is the button's tooltip and most of its text: only its length is chrome.
                    html! {
                        <li>
                            <button class={classes!("sbs-chip", format!("c{}", k % COLOURS), passage.template.then_some("template"))}
                                lang={CONTENT_LANG} title={text.to_owned()} {onclick}>
                                <span lang={language.code()}>{ length }</span>{ format!(" · {head}…") }
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <div class="sbs-columns">
                { column(language, "left", &props.left.1, a, &passages, &on_jump) }
                { column(language, "right", &props.right.1, b, &passages, &on_jump) }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passage_titles_are_told_in_either_language() {
        assert_eq!(passage_title(Language::Chinese, 24, true, true), "共有段落 24 字（套话）：此处与对方不同");
        assert_eq!(passage_title(Language::Chinese, 24, false, false), "共有段落 24 字");
        assert_eq!(
            passage_title(Language::English, 1024, true, true),
            "Shared passage, 1,024 chars (boilerplate): differs from the other side here"
        );
    }
}
