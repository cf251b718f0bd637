//! The reader: the cleaned text of the selected report, paragraph by
//! paragraph, with headings marked and every counted word clickable (its
//! concordance opens). The focused heading or concordance hit is scrolled to
//! and highlighted; occurrences of the looked-up word are highlighted too.

use gongwen_core::ReportAnalysis;
use gongwen_core::text::TextRange;
use wasm_bindgen::JsCast;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::state::SharedAnalysis;

use crate::state::FocusTarget;

/// Properties of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The report shown.
    pub analysis: SharedAnalysis,
    /// What to show and highlight, with a counter that changes on every click.
    pub focus: Option<(FocusTarget, u32)>,
    /// The word whose occurrences are highlighted.
    #[prop_or_default]
    pub highlighted: Option<AttrValue>,
    /// Called with a word the user clicked.
    pub on_word: Callback<String>,
}

/// The DOM id of a heading's title in the reader.
pub fn heading_element_id(index: usize) -> String {
    format!("heading-{index}")
}

/// The DOM id of the focused range.
const FOCUS_RANGE_ID: &str = "reader-focus";

/// The reader pane.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    use_effect_with(props.focus, |focus| {
        let id = match focus {
            Some((FocusTarget::Heading(index), _)) => Some(heading_element_id(*index)),
            Some((FocusTarget::Range(_), _)) => Some(FOCUS_RANGE_ID.to_owned()),
            None => None,
        };
        let element = id.and_then(|id| web_sys::window()?.document()?.get_element_by_id(&id));
        if let Some(element) = element {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Center);
            options.set_behavior(ScrollBehavior::Instant);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
    let focus_range = match props.focus {
        Some((FocusTarget::Range(range), _)) => Some(range),
        _ => None,
    };
    let paragraphs =
        use_memo((props.analysis.clone(), focus_range), |(analysis, range)| paragraphs_of(analysis, *range));
    let focused_heading = match props.focus {
        Some((FocusTarget::Heading(index), _)) => Some(index),
        _ => None,
    };
    let analysis = &props.analysis;
    let hit = props.highlighted.as_ref().and_then(|word| analysis.words.index_of(word));
    let on_click = {
        let analysis = analysis.clone();
        let on_word = props.on_word.clone();
        Callback::from(move |event: MouseEvent| {
            let index = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.get_attribute("data-w"))
                .and_then(|value| value.parse::<usize>().ok());
            if let Some(count) = index.and_then(|index| analysis.words.counts.get(index)) {
                on_word.emit(count.word.clone());
            }
        })
    };
    let context = RenderContext { focused_heading, hit };
    html! {
        <article class="reader" aria-label="正文">
            <header class="reader-header">
                <h2>{ &analysis.name }</h2>
                <p class="reader-meta">
                    { format!("{} 字 · {} 词 · 编码 {}", analysis.chars, analysis.words.tokens, analysis.encoding) }
                    if !analysis.cleaned.removed.is_empty() {
                        <span class="reader-noise" title={noise_summary(analysis)}>
                            { format!(" · 已移除 {} 处网站标记或文件头信息", analysis.cleaned.removed.len()) }
                        </span>
                    }
                    <span class="reader-hint">{ " · 点击任一词语查看索引" }</span>
                </p>
                { for analysis.diagnostics().filter(|d| d.heading.is_none()).map(|d| html! {
                    <p class="diagnostic">{ d.line.map(|l| format!("第 {l} 行：")).unwrap_or_default() }{ &d.message }</p>
                }) }
            </header>
            <div class="reader-body" onclick={on_click}>
                { for paragraphs.iter().map(|paragraph| render_paragraph(paragraph, &context)) }
            </div>
        </article>
    }
}

fn noise_summary(analysis: &ReportAnalysis) -> String {
    analysis
        .cleaned
        .removed
        .iter()
        .map(|noise| format!("第 {} 行第 {} 列：{}", noise.line, noise.column, noise.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A paragraph of the reader: its source line and its blocks.
#[derive(Debug, PartialEq)]
struct Paragraph {
    line: u32,
    blocks: Vec<Block>,
}

/// A stretch of a paragraph: plain text, a heading marker, or a heading title.
#[derive(Debug, PartialEq)]
enum Block {
    Plain(Vec<Inline>),
    Marker(String),
    Title { heading: usize, kind: &'static str, inlines: Vec<Inline> },
}

/// The smallest pieces: text, a counted word, or the focused range.
#[derive(Debug, PartialEq)]
enum Inline {
    Text(String),
    Word { index: u32, text: String },
    Focus(String),
}

/// Splits the cleaned text into paragraphs, cutting out heading markers and
/// titles (to style and scroll to), counted words (to click) and the focused
/// range (to mark).
fn paragraphs_of(analysis: &ReportAnalysis, focus: Option<TextRange>) -> Vec<Paragraph> {
    let text = &analysis.cleaned.text;
    let headings = &analysis.outline.headings;
    let inlines = |range: TextRange| inlines_of(analysis, range, focus);
    let mut next_heading = 0;
    let mut paragraphs = Vec::new();
    for line in &analysis.cleaned.lines {
        if line.range.is_empty() {
            continue;
        }
        let mut blocks = Vec::new();
        let mut cursor = line.range.start;
        while let Some(heading) = headings.get(next_heading) {
            if heading.title_range.start > line.range.end {
                break;
            }
            let marker = heading.marker_range;
            let title = heading.title_range;
            if marker.start > cursor {
                blocks.push(Block::Plain(inlines(TextRange::new(cursor, marker.start))));
            }
            if !marker.is_empty() {
                blocks.push(Block::Marker(marker.slice(text).to_owned()));
            }
            if title.start > marker.end.max(cursor) {
                blocks.push(Block::Plain(inlines(TextRange::new(marker.end.max(cursor), title.start))));
            }
            blocks.push(Block::Title { heading: next_heading, kind: heading.kind.label(), inlines: inlines(title) });
            cursor = title.end.max(cursor);
            next_heading += 1;
        }
        if cursor < line.range.end {
            blocks.push(Block::Plain(inlines(TextRange::new(cursor, line.range.end))));
        }
        paragraphs.push(Paragraph { line: line.source_line, blocks });
    }
    paragraphs
}

/// The inline pieces of `range`: the focused range (when it starts here) as
/// one piece, counted words as words, the rest as text.
fn inlines_of(analysis: &ReportAnalysis, range: TextRange, focus: Option<TextRange>) -> Vec<Inline> {
    let text = &analysis.cleaned.text;
    let mut pieces = Vec::new();
    let mut cursor = range.start;
    let first = analysis.occurrences.partition_point(|o| o.range.start < range.start);
    let mut words = analysis.occurrences[first..].iter().take_while(|o| o.range.end <= range.end).peekable();
    let focus = focus.filter(|f| range.start <= f.start && f.end <= range.end && !f.is_empty());
    loop {
        let next_word = words.peek().map(|o| o.range);
        let focus_next = focus.filter(|f| f.start >= cursor && next_word.is_none_or(|w| f.start <= w.start));
        let (start, piece, end) = if let Some(f) = focus_next {
            (f.start, Inline::Focus(f.slice(text).to_owned()), f.end)
        } else if let Some(occurrence) = words.next() {
            if occurrence.range.start < cursor {
                continue;
            }
            (
                occurrence.range.start,
                Inline::Word { index: occurrence.word, text: occurrence.range.slice(text).to_owned() },
                occurrence.range.end,
            )
        } else {
            break;
        };
        if focus_next.is_some() {
            // Words inside the focused range are part of it.
            while words.peek().is_some_and(|o| o.range.start < end) {
                words.next();
            }
        }
        if start > cursor {
            pieces.push(Inline::Text(text[cursor..start].to_owned()));
        }
        pieces.push(piece);
        cursor = end;
    }
    if cursor < range.end {
        pieces.push(Inline::Text(text[cursor..range.end].to_owned()));
    }
    pieces
}

/// What rendering needs beyond the paragraphs.
struct RenderContext {
    focused_heading: Option<usize>,
    hit: Option<usize>,
}

fn render_inlines(inlines: &[Inline], context: &RenderContext) -> Html {
    html! {
        { for inlines.iter().map(|inline| match inline {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Word { index, text } => {
                let hit = context.hit == Some(*index as usize);
                html! { <span class={classes!("w", hit.then_some("hit"))} data-w={index.to_string()}>{ text.clone() }</span> }
            }
            Inline::Focus(text) => html! { <mark id={FOCUS_RANGE_ID} class="reader-focus">{ text.clone() }</mark> },
        }) }
    }
}

fn render_paragraph(paragraph: &Paragraph, context: &RenderContext) -> Html {
    html! {
        <p class="reader-paragraph" data-line={paragraph.line.to_string()}>
            <span class="reader-line-number" aria-hidden="true">{ paragraph.line }</span>
            { for paragraph.blocks.iter().map(|block| match block {
                Block::Plain(inlines) => render_inlines(inlines, context),
                Block::Marker(marker) => html! { <span class="reader-marker">{ marker.clone() }</span> },
                Block::Title { heading, kind, inlines } => html! {
                    <span
                        id={heading_element_id(*heading)}
                        class={classes!("reader-heading", format!("kind-{kind}"), (context.focused_heading == Some(*heading)).then_some("focused"))}
                    >{ render_inlines(inlines, context) }</span>
                },
            }) }
        </p>
    }
}
