//! The reader: the cleaned text of the selected report, paragraph by
//! paragraph, with headings marked; the focused heading is scrolled to and
//! highlighted.

use std::rc::Rc;

use gongwen_core::ReportAnalysis;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Properties of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The report shown.
    pub analysis: Rc<ReportAnalysis>,
    /// The focused heading and a counter that changes on every click.
    pub focus: Option<(usize, u32)>,
}

/// The DOM id of a heading's title in the reader.
pub fn heading_element_id(index: usize) -> String {
    format!("heading-{index}")
}

/// The reader pane.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    use_effect_with(props.focus, |focus| {
        if let Some((index, _)) = focus {
            let element = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.get_element_by_id(&heading_element_id(*index)));
            if let Some(element) = element {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                options.set_behavior(ScrollBehavior::Instant);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    });
    let paragraphs = use_memo(props.analysis.clone(), |analysis| paragraphs_of(analysis));
    let focused = props.focus.map(|(index, _)| index);
    let analysis = &props.analysis;
    let chars = analysis.cleaned.text.chars().filter(|c| !c.is_whitespace()).count();
    html! {
        <article class="reader" aria-label="正文">
            <header class="reader-header">
                <h2>{ &analysis.name }</h2>
                <p class="reader-meta">
                    { format!("{} 字 · 编码 {}", chars, analysis.encoding) }
                    if !analysis.cleaned.removed.is_empty() {
                        <span class="reader-noise" title={noise_summary(analysis)}>
                            { format!(" · 已移除 {} 处网站标记", analysis.cleaned.removed.len()) }
                        </span>
                    }
                </p>
                { for analysis.diagnostics().filter(|d| d.heading.is_none()).map(|d| html! {
                    <p class="diagnostic">{ d.line.map(|l| format!("第 {l} 行：")).unwrap_or_default() }{ &d.message }</p>
                }) }
            </header>
            <div class="reader-body">
                { for paragraphs.iter().map(|paragraph| render_paragraph(paragraph, focused)) }
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

/// A paragraph of the reader: its source line and its pieces.
#[derive(Debug, PartialEq)]
struct Paragraph {
    line: u32,
    pieces: Vec<Piece>,
}

#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Marker(String),
    Title { heading: usize, kind: &'static str, text: String },
}

/// Splits the cleaned text into paragraphs, cutting out heading markers and
/// titles so they can be styled and scrolled to.
fn paragraphs_of(analysis: &ReportAnalysis) -> Vec<Paragraph> {
    let text = &analysis.cleaned.text;
    let headings = &analysis.outline.headings;
    let mut next_heading = 0;
    let mut paragraphs = Vec::new();
    for line in &analysis.cleaned.lines {
        if line.range.is_empty() {
            continue;
        }
        let mut pieces = Vec::new();
        let mut cursor = line.range.start;
        while let Some(heading) = headings.get(next_heading) {
            if heading.title_range.start > line.range.end {
                break;
            }
            let marker = heading.marker_range;
            let title = heading.title_range;
            if marker.start > cursor {
                pieces.push(Piece::Text(text[cursor..marker.start].to_owned()));
            }
            if !marker.is_empty() {
                pieces.push(Piece::Marker(marker.slice(text).to_owned()));
            }
            if title.start > marker.end.max(cursor) {
                pieces.push(Piece::Text(text[marker.end.max(cursor)..title.start].to_owned()));
            }
            pieces.push(Piece::Title {
                heading: next_heading,
                kind: heading.kind.label(),
                text: title.slice(text).to_owned(),
            });
            cursor = title.end.max(cursor);
            next_heading += 1;
        }
        if cursor < line.range.end {
            pieces.push(Piece::Text(text[cursor..line.range.end].to_owned()));
        }
        paragraphs.push(Paragraph { line: line.source_line, pieces });
    }
    paragraphs
}

fn render_paragraph(paragraph: &Paragraph, focused: Option<usize>) -> Html {
    html! {
        <p class="reader-paragraph" data-line={paragraph.line.to_string()}>
            <span class="reader-line-number" aria-hidden="true">{ paragraph.line }</span>
            { for paragraph.pieces.iter().map(|piece| match piece {
                Piece::Text(text) => html! { { text.clone() } },
                Piece::Marker(marker) => html! { <span class="reader-marker">{ marker.clone() }</span> },
                Piece::Title { heading, kind, text } => html! {
                    <span
                        id={heading_element_id(*heading)}
                        class={classes!("reader-heading", format!("kind-{kind}"), (focused == Some(*heading)).then_some("focused"))}
                    >{ text.clone() }</span>
                },
            }) }
        </p>
    }
}
