//! The reader: the cleaned text of the selected report, paragraph by
//! paragraph, with headings marked and every counted word clickable (its
//! concordance opens). The focused heading or concordance hit is scrolled to
//! and highlighted; occurrences of the looked-up word are highlighted too.
//! Once the reports are compared, the info line gives the report's own-text
//! share and 「标出共有文字」 shades the text other reports share, each
//! shaded stretch naming them in its tooltip. The figures (实绩数据) and the
//! 校对 findings the user's filter shows are marked too, each switchable
//! (「数据」, 「校对」): a figure on a tinted background, a finding with a
//! wavy underline (a removed site mark as a small marker where it stood),
//! what it is on hover. The layers coexist: [`ReaderMarks`] cuts the text
//! wherever one of them begins or ends.
//!
//! The header, the switches and the tooltips speak the page's language; the
//! report's text is marked as Chinese (`lang`), whatever the language.
//!
//! Only what is on screen is in the DOM. A report of tens of megabytes has
//! hundreds of thousands of paragraphs and millions of words, and one element
//! per word froze the page for most of a minute and then exhausted it. The
//! text is cut into *pieces* — paragraphs, and chunks of very long paragraphs
//! — whose heights are estimated from their length and replaced by measured
//! heights once shown; the scroll position picks the pieces to render (with a
//! fixed overscan) and two spacers stand in for the rest.

use std::cell::{Cell, RefCell};

use gongwen_core::ReportAnalysis;
use gongwen_core::diagnostic::Severity;
use gongwen_core::file_name::display_file_name;
use gongwen_core::noise::NoiseKind;
use gongwen_core::source::LineUnit;
use gongwen_core::text::TextRange;
use gongwen_core::words::Occurrence;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::comparison::Shared;
use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::lint_filter::{LintFilter, lint_kind_id};
use crate::reader_marks::{FindingMark, MarkLayers, ReaderMarks, Run};
use crate::shared_text::{SharedStretch, SharedText};
use crate::state::{FocusTarget, SharedAnalysis};

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
    /// The report's shared text in a finished comparison of the loaded
    /// reports, if there is one.
    #[prop_or_default]
    pub shared: Option<Shared<SharedText>>,
    /// Whether the shared text is shaded.
    #[prop_or_default]
    pub shade_shared: bool,
    /// Called with whether to shade the shared text.
    #[prop_or_default]
    pub on_shade_shared: Callback<bool>,
    /// Whether figures and 校对 findings are marked.
    #[prop_or_default]
    pub layers: MarkLayers,
    /// Called with the layers to mark.
    #[prop_or_default]
    pub on_layers: Callback<MarkLayers>,
    /// Which 校对 findings are marked.
    #[prop_or_default]
    pub lint_filter: LintFilter,
}

/// The DOM id of a heading's title in the reader.
pub fn heading_element_id(index: usize) -> String {
    format!("heading-{index}")
}

/// The DOM id of the focused range.
const FOCUS_RANGE_ID: &str = "reader-focus";

/// The longest piece, in bytes (about 500 Chinese characters): a longer
/// paragraph is cut so that no single piece puts thousands of words on the
/// page.
const PIECE_BYTES: usize = 1500;

/// Pieces rendered beyond each edge of the visible ones, so that scrolling a
/// little shows text at once.
const OVERSCAN: usize = 3;

/// The most pieces rendered at once, whatever the estimates say.
const MAX_RENDERED: usize = 60;

/// Pieces rendered before the reader has been measured.
const INITIAL_PIECES: usize = 20;

/// The reader's type metrics (`style.css`: 15 px text, line height 1.9,
/// paragraphs 0.8 em apart, first lines indented 2 em).
const FONT_PX: f64 = 15.0;
const LINE_PX: f64 = FONT_PX * 1.9;
const GAP_PX: f64 = FONT_PX * 0.8;
const INDENT_EMS: f64 = 2.0;

/// Horizontal space of `.reader-body` that is not text: its padding and the
/// paragraphs' line-number gutter.
const BODY_CHROME_PX: f64 = 20.0 + 24.0 + 28.0;

/// The reader pane.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let language = use_language();
    let force_update = use_force_update();
    let viewport = use_memo(props.analysis.clone(), |analysis| Viewport::new(ReaderLayout::of(analysis)));
    {
        let viewport = viewport.clone();
        let force_update = force_update.clone();
        let analysis = props.analysis.clone();
        use_effect_with(props.focus, move |focus| {
            if let Some((target, _)) = focus {
                viewport.focus_on(&analysis, *target);
            }
            viewport.sync(&force_update);
        });
    }
    {
        // After every render: measure what was rendered, size the spacers,
        // finish a pending focus and follow the scroll position.
        let viewport = viewport.clone();
        let force_update = force_update.clone();
        use_effect(move || viewport.sync(&force_update));
    }
    {
        // A new width reflows the text and a new height shows more or fewer
        // pieces: the concordance opening, the window resized.
        let viewport = viewport.clone();
        let force_update = force_update.clone();
        use_effect_with(props.analysis.clone(), move |_| {
            let scroller = viewport.scroller.cast::<web_sys::Element>();
            let on_resize = Closure::<dyn FnMut()>::new(move || viewport.sync(&force_update));
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(scroller)) = (&observer, &scroller) {
                observer.observe(scroller);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    let on_scroll = {
        let viewport = viewport.clone();
        Callback::from(move |_: Event| viewport.sync(&force_update))
    };
    let focus_range = match props.focus {
        Some((FocusTarget::Range(range), _)) => Some(range),
        _ => None,
    };
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
            // A word may hold shaded parts: the click can land on one of them.
            let index = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("[data-w]").ok().flatten())
                .and_then(|element| element.get_attribute("data-w"))
                .and_then(|value| value.parse::<usize>().ok());
            if let Some(count) = index.and_then(|index| analysis.words.counts.get(index)) {
                on_word.emit(count.word.to_string());
            }
        })
    };
    // The comparison's shared text comes described in Chinese; the tooltips
    // follow the page's language.
    let described_shared = use_memo((props.shared.clone(), language), |(shared, language)| {
        shared.as_ref().map(|shared| shared.in_language(*language))
    });
    let shared: Option<&SharedText> = (*described_shared).as_ref();
    let shading = shared.filter(|_| props.shade_shared);
    let marks = use_memo(
        (analysis.clone(), props.layers, props.lint_filter.clone(), language),
        |(analysis, layers, filter, language)| ReaderMarks::new(analysis, *layers, filter, *language),
    );
    let context = RenderContext {
        language,
        analysis,
        pieces: &viewport.layout.pieces,
        occurrences: &viewport.layout.occurrences,
        focus: focus_range,
        focused_heading,
        hit,
        shading,
        marks: &marks,
        points: &[],
    };
    let on_shade = {
        let on_shade_shared = props.on_shade_shared.clone();
        let shade_shared = props.shade_shared;
        Callback::from(move |_: Event| on_shade_shared.emit(!shade_shared))
    };
    let layer_toggle = |change: fn(&mut MarkLayers)| {
        let on_layers = props.on_layers.clone();
        let mut next = props.layers;
        change(&mut next);
        Callback::from(move |_: Event| on_layers.emit(next))
    };
    let shown_findings = analysis.lint.iter().filter(|finding| props.lint_filter.shows(finding)).count();
    let (start, end) = viewport.window.get();
    let pieces = &viewport.layout.pieces;
    let general: Vec<_> = analysis.diagnostics().filter(|d| d.heading.is_none()).collect();
    html! {
        <div class="reader-scroll" ref={viewport.scroller.clone()} onscroll={on_scroll}>
            <article class="reader" aria-label={language.pick("正文", "Text")}>
                <header class="reader-header">
                    <h2 lang={CONTENT_LANG}>{ display_file_name(&analysis.name) }</h2>
                    <p class="reader-meta">
                        <span title={language.pick(
                            "字：正文的字符数，不计空白；词：分词后计入统计的词次，不含停用词、标点、数字和非词表单字",
                            "Characters: the text's characters, whitespace not counted. Words: the tokens counted after segmentation, without stopwords, punctuation, numbers or single characters outside the lexicon",
                        )}>
                            { language.pick(
                                format!("{} 字 · {} 词", analysis.chars, analysis.words.tokens),
                                format!("{} characters · {} words", language.count(analysis.chars), language.count(analysis.words.tokens)),
                            ) }
                        </span>
                        { language.pick(
                            format!(" · {} · 编码 {}", analysis.format.display_name(), analysis.encoding),
                            format!(" · {} · encoding {}", language.format(analysis.format), analysis.encoding),
                        ) }
                        if !analysis.cleaned.removed.is_empty() {
                            // The tooltip quotes the removed text (the report's);
                            // the label is in the page's language.
                            <span class="reader-noise" lang={CONTENT_LANG} title={noise_summary(analysis, language)}>
                                <span lang={language.code()}>{ removed_label(analysis, language) }</span>
                            </span>
                        }
                        if let Some(shared) = shared {
                            <span class="reader-own-text" title={shared.explain_own_share(language)}>
                                { language.pick(
                                    format!(" · 自有文字 {:.1}%", shared.own_share * 100.0),
                                    format!(" · own text {:.1}%", shared.own_share * 100.0),
                                ) }
                            </span>
                        }
                        <span class="reader-hint">{ language.pick(" · 点击任一词语查看索引", " · click any word for its concordance") }</span>
                    </p>
                    <p class="reader-layers">
                        <span class="reader-layers-label">{ language.pick("标出：", "Mark: ") }</span>
                        <label class="reader-layer-toggle reader-figures-toggle"
                            title={language.pick(
                                "用浅蓝底色标出实绩数据（隐去数值的用斜纹）；鼠标停在上面可看数值、单位、约数和计数对象",
                                "Mark the figures on a light blue background (hatched where the value is redacted); hover one for its value, unit, approximation and subject",
                            )}>
                            <input type="checkbox" checked={props.layers.figures} onchange={layer_toggle(|l| l.figures = !l.figures)} />
                            <span class="layer-swatch figures">{ language.pick("数据", "Figures") }</span>
                            <span class="layer-count">{ analysis.figures.len() }</span>
                        </label>
                        <label class="reader-layer-toggle reader-lint-toggle"
                            title={language.pick(
                                "用波浪线标出校对发现的问题（红色为警告，灰蓝为提示；「校对」视图中可按类别开关）；鼠标停在上面可看说明和建议",
                                "Underline what proofing found with a wavy line (red for warnings, grey-blue for notes; switch kinds on and off in the Proofing view); hover one for the explanation and suggestion",
                            )}>
                            <input type="checkbox" checked={props.layers.lint} onchange={layer_toggle(|l| l.lint = !l.lint)} />
                            <span class="layer-swatch lint">{ language.pick("校对", "Proofing") }</span>
                            <span class="layer-count">{ shown_findings }</span>
                        </label>
                        if props.shared.is_some() {
                            <label class="reader-layer-toggle reader-shade-toggle"
                                title={language.pick(
                                    "用底色标出与其他报告共有的文字，鼠标停在上面可看是哪几份报告",
                                    "Shade the text shared with other reports; hover it to see which reports share it",
                                )}>
                                <input type="checkbox" checked={props.shade_shared} onchange={on_shade} />
                                <span class="layer-swatch shared">{ language.pick("共有文字", "Shared text") }</span>
                            </label>
                        }
                    </p>
                    { for general.iter().take(MAX_GENERAL_DIAGNOSTICS).map(|d| html! {
                        <p class="diagnostic">
                            { d.line.map(|l| format!("{}{}", language.place(&analysis.unit, l), language.pick("：", ": "))).unwrap_or_default() }
                            { language.diagnostic(d) }
                        </p>
                    }) }
                    if general.len() > MAX_GENERAL_DIAGNOSTICS {
                        <p class="diagnostic">{ language.pick(
                            format!("……另有 {} 条提示未列出", general.len() - MAX_GENERAL_DIAGNOSTICS),
                            format!("… and {} more notes, not listed", language.count(general.len() - MAX_GENERAL_DIAGNOSTICS)),
                        ) }</p>
                    }
                </header>
                <div class="reader-body" lang={CONTENT_LANG} ref={viewport.body.clone()} onclick={on_click}>
                    <div class="reader-spacer" ref={viewport.top_spacer.clone()} aria-hidden="true"></div>
                    { for (start..end).filter_map(|index| pieces.get(index).map(|piece| render_piece(index, piece, &context))) }
                    <div class="reader-spacer" ref={viewport.bottom_spacer.clone()} aria-hidden="true"></div>
                </div>
            </article>
        </div>
    }
}

/// The most file-level diagnostics listed in the header.
const MAX_GENERAL_DIAGNOSTICS: usize = 20;

/// The most removals listed in the header's tooltip.
const MAX_NOISE_LINES: usize = 50;

/// How much text of which kinds cleaning removed, for the header:
/// 「 · 已移除 3 处非正文内容（页眉页脚、页码）」.
fn removed_label(analysis: &ReportAnalysis, language: Language) -> String {
    let removed = analysis.cleaned.removed.len();
    let kinds = removed_kinds(analysis, language);
    match language {
        Language::Chinese => format!(" · 已移除 {removed} 处非正文内容（{kinds}）"),
        Language::English => {
            format!(" · {} removed ({kinds})", language.things(removed, "处", "non-text item", "non-text items"))
        }
    }
}

/// What kinds of text were removed, as users name them in `language`:
/// 「页眉页脚、页码」, `running header or footer, page number`.
fn removed_kinds(analysis: &ReportAnalysis, language: Language) -> String {
    let mut kinds: Vec<&str> = Vec::new();
    for noise in &analysis.cleaned.removed {
        // Paywall marks and adverts are one thing to a reader: the site's.
        let kind = match noise.kind {
            NoiseKind::PaywallMarker | NoiseKind::SiteAdvert => language.pick("网站标记", "site mark"),
            other => language.noise(other),
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds.join(language.pick("、", ", "))
}

/// The removals, one a line: where each was and the text removed, for the
/// header's tooltip.
fn noise_summary(analysis: &ReportAnalysis, language: Language) -> String {
    let removed = &analysis.cleaned.removed;
    let mut lines: Vec<String> = removed
        .iter()
        .take(MAX_NOISE_LINES)
        .map(|noise| match (&analysis.unit, language) {
            (LineUnit::Line, Language::Chinese) => {
                format!("第 {} 行第 {} 列：{}", noise.line, noise.column, noise.text)
            }
            (LineUnit::Line, Language::English) => {
                format!("Line {}, column {}: {}", noise.line, noise.column, noise.text)
            }
            _ => format!("{}{}{}", language.place(&analysis.unit, noise.line), language.pick("：", ": "), noise.text),
        })
        .collect();
    if removed.len() > MAX_NOISE_LINES {
        lines.push(
            language.pick(format!("……共 {} 处", removed.len()), format!("… {} in all", language.count(removed.len()))),
        );
    }
    lines.join("\n")
}

/// A stretch of the text rendered as one block: a paragraph, or a chunk of a
/// long one.
#[derive(Debug, Clone, PartialEq)]
struct Piece {
    range: TextRange,
    /// The source line it starts on.
    line: u32,
    /// It continues the paragraph of the piece before.
    continued: bool,
    /// The paragraph goes on in the next piece.
    continues: bool,
    /// Its width in ems laid out on one line (CJK 1, ASCII about ½): the
    /// base of its estimated height.
    ems: f32,
}

/// The reader's pieces, in text order, and the report's occurrences,
/// unpacked once for the reader's words.
#[derive(Debug, PartialEq)]
struct ReaderLayout {
    pieces: Vec<Piece>,
    occurrences: Vec<Occurrence>,
}

impl ReaderLayout {
    fn of(analysis: &ReportAnalysis) -> Self {
        let text = &analysis.cleaned.text;
        let occurrences = analysis.occurrences.unpack();
        let mut pieces = Vec::new();
        for line in analysis.cleaned.lines.iter().filter(|line| !line.range.is_empty()) {
            let mut start = line.range.start;
            while start < line.range.end {
                let end = if line.range.end - start > PIECE_BYTES {
                    cut_point(analysis, &occurrences, start, line.range.end)
                } else {
                    line.range.end
                };
                let range = TextRange::new(start, end);
                let continued = start > line.range.start;
                pieces.push(Piece {
                    range,
                    line: if continued { analysis.cleaned.source_line_at(start) } else { line.source_line },
                    continued,
                    continues: end < line.range.end,
                    ems: range.slice(text).chars().map(|c| if c.is_ascii() { 0.55 } else { 1.0 }).sum(),
                });
                start = end;
            }
        }
        Self { pieces, occurrences }
    }

    /// The piece holding byte `offset` (the next one if `offset` falls
    /// between paragraphs).
    fn piece_at(&self, offset: usize) -> usize {
        self.pieces.partition_point(|piece| piece.range.end <= offset).min(self.pieces.len().saturating_sub(1))
    }
}

/// Where to end a piece that starts at `start` in a paragraph ending at
/// `end` (more than [`PIECE_BYTES`] away): after a sentence if one ends in its
/// second half, and never inside a word or a heading marker.
fn cut_point(analysis: &ReportAnalysis, occurrences: &[Occurrence], start: usize, end: usize) -> usize {
    let text = &analysis.cleaned.text;
    let floor = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let limit = floor(start + PIECE_BYTES);
    let half = floor(start + PIECE_BYTES / 2).max(start);
    let mut cut = match text[half..limit].rfind(['。', '！', '？', '；']) {
        Some(at) => half + at + '。'.len_utf8(),
        None => limit,
    };
    let straddling = occurrences.partition_point(|occurrence| occurrence.range.end <= cut);
    if let Some(word) = occurrences.get(straddling).filter(|word| word.range.start < cut) {
        cut = if word.range.start > start { word.range.start } else { word.range.end };
    }
    let headings = &analysis.outline.headings;
    let straddling = headings.partition_point(|heading| heading.marker_range.end <= cut);
    if let Some(heading) = headings.get(straddling).filter(|heading| heading.marker_range.start < cut) {
        let marker = heading.marker_range;
        cut = if marker.start > start { marker.start } else { marker.end };
    }
    cut.clamp(start + 1, end)
}

/// The rendered window and what decides it: the pieces' heights (estimated
/// or measured) and the elements to measure and scroll.
struct Viewport {
    layout: ReaderLayout,
    scroller: NodeRef,
    body: NodeRef,
    top_spacer: NodeRef,
    bottom_spacer: NodeRef,
    heights: RefCell<Heights>,
    /// The pieces to render, `start..end`.
    window: Cell<(usize, usize)>,
    /// The id of an element to scroll to once it is rendered, and the piece
    /// it is in.
    pending_focus: RefCell<Option<(String, usize)>>,
}

impl Viewport {
    fn new(layout: ReaderLayout) -> Self {
        let count = layout.pieces.len();
        Self {
            heights: RefCell::new(Heights::estimated(&layout.pieces, None)),
            window: Cell::new((0, count.min(INITIAL_PIECES))),
            layout,
            scroller: NodeRef::default(),
            body: NodeRef::default(),
            top_spacer: NodeRef::default(),
            bottom_spacer: NodeRef::default(),
            pending_focus: RefCell::new(None),
        }
    }

    /// Sizes the spacers, measures the rendered pieces, scrolls a pending
    /// focus into view, and re-renders if the scroll position now calls for
    /// other pieces.
    fn sync(&self, force_update: &UseForceUpdateHandle) {
        let (Some(scroller), Some(body)) = (self.scroller.cast::<HtmlElement>(), self.body.cast::<HtmlElement>())
        else {
            return;
        };
        // The spacers are sized before anything forces a layout: Chromium's
        // scroll anchoring would otherwise see the pieces that left the
        // window without the spacer that replaces them, and move the text.
        let rendered = rendered_pieces(&body).unwrap_or(self.window.get());
        self.size_spacers(rendered);
        let width = f64::from(body.client_width()) - BODY_CHROME_PX;
        let reflowed = (width - self.heights.borrow().text_width.unwrap_or(-1.0)).abs() > 0.5;
        if reflowed {
            *self.heights.borrow_mut() = Heights::estimated(&self.layout.pieces, Some(width));
            self.size_spacers(rendered);
        }
        self.measure(&body);
        if !self.finish_focus()
            && let Some((_, piece)) = self.pending_focus.borrow().as_ref()
        {
            self.scroll_to_piece(&scroller, *piece);
        }
        let wanted = self.window_for(&scroller);
        if wanted != self.window.get() {
            self.window.set(wanted);
            force_update.force_update();
        }
    }

    fn size_spacers(&self, (start, end): (usize, usize)) {
        let heights = self.heights.borrow();
        set_height(&self.top_spacer, heights.offset(start));
        set_height(&self.bottom_spacer, heights.total() - heights.offset(end));
    }

    /// Records the heights of the rendered pieces: from the top of each to
    /// the top of the next (margins included).
    fn measure(&self, body: &HtmlElement) {
        let children = body.children();
        let mut tops: Vec<(usize, f64)> = Vec::new();
        let mut bottom = None;
        for position in 0..children.length() {
            let Some(child) = children.item(position) else { continue };
            match piece_index(&child) {
                Some(index) => tops.push((index, child.get_bounding_client_rect().top())),
                None if !tops.is_empty() => bottom = Some(child.get_bounding_client_rect().top()),
                None => {}
            }
        }
        let Some(bottom) = bottom else { return };
        let mut heights = self.heights.borrow_mut();
        let ends = tops.iter().skip(1).map(|&(_, top)| top).chain([bottom]);
        for (&(index, top), next) in tops.iter().zip(ends) {
            heights.record(index, next - top);
        }
    }

    /// Where piece 0 starts in the scroller's content: the top of the upper
    /// spacer.
    fn origin(&self, scroller: &HtmlElement) -> f64 {
        let spacer = self.top_spacer.cast::<web_sys::Element>();
        let spacer_top = spacer.map_or(0.0, |spacer| spacer.get_bounding_client_rect().top());
        spacer_top - scroller.get_bounding_client_rect().top() + f64::from(scroller.scroll_top())
    }

    /// The pieces the scroll position shows, with the overscan.
    fn window_for(&self, scroller: &HtmlElement) -> (usize, usize) {
        let count = self.layout.pieces.len();
        let top = f64::from(scroller.scroll_top()) - self.origin(scroller);
        let bottom = top + f64::from(scroller.client_height());
        let heights = self.heights.borrow();
        let first = heights.index_at(top);
        let last = heights.index_at(bottom) + 1;
        let start = first.saturating_sub(OVERSCAN);
        let end = (last + OVERSCAN).min(count).min(start + MAX_RENDERED);
        (start.min(end), end)
    }

    /// Asks for `target` to be scrolled to; [`sync`](Self::sync) scrolls to
    /// its estimated place and, once its element is rendered, exactly.
    fn focus_on(&self, analysis: &ReportAnalysis, target: FocusTarget) {
        let (offset, id) = match target {
            FocusTarget::Heading(index) => {
                let Some(heading) = analysis.outline.headings.get(index) else { return };
                (heading.title_range.start, heading_element_id(index))
            }
            FocusTarget::Range(range) => (range.start, FOCUS_RANGE_ID.to_owned()),
        };
        if !self.layout.pieces.is_empty() {
            self.pending_focus.replace(Some((id, self.layout.piece_at(offset))));
        }
    }

    /// Scrolls so that piece `index` is in the middle of the reader, by the
    /// current heights.
    fn scroll_to_piece(&self, scroller: &HtmlElement, index: usize) {
        let origin = self.origin(scroller);
        let heights = self.heights.borrow();
        let middle = origin + heights.offset(index) + heights.of(index) / 2.0;
        let top = middle - f64::from(scroller.client_height()) / 2.0;
        scroller.set_scroll_top(top.max(0.0) as i32);
    }

    /// Scrolls the pending focus into the middle of the reader if it is
    /// rendered; returns whether there is nothing left to do.
    fn finish_focus(&self) -> bool {
        let mut pending = self.pending_focus.borrow_mut();
        let Some((id, _)) = pending.as_ref() else { return true };
        let element = web_sys::window().and_then(|window| window.document()).and_then(|d| d.get_element_by_id(id));
        let inside = element.filter(|element| {
            self.body.get().is_some_and(|body| body.contains(Some(element.unchecked_ref::<web_sys::Node>())))
        });
        let Some(element) = inside else { return false };
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        options.set_behavior(ScrollBehavior::Instant);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        *pending = None;
        true
    }
}

/// The index of the piece an element of the reader's body renders.
fn piece_index(element: &web_sys::Element) -> Option<usize> {
    element.get_attribute("data-piece")?.parse().ok()
}

/// The pieces in the DOM, `start..end`, read without forcing a layout.
fn rendered_pieces(body: &HtmlElement) -> Option<(usize, usize)> {
    let children = body.children();
    let indices = (0..children.length()).filter_map(|position| children.item(position)).filter_map(|c| piece_index(&c));
    let (first, last) = indices.fold(None, |range: Option<(usize, usize)>, index| match range {
        None => Some((index, index)),
        Some((first, _)) => Some((first, index)),
    })?;
    Some((first, last + 1))
}

fn set_height(spacer: &NodeRef, height: f64) {
    if let Some(spacer) = spacer.cast::<HtmlElement>() {
        // Through the CSSOM: the page's CSP allows no inline style attributes.
        let _ = spacer.style().set_property("height", &format!("{:.1}px", height.max(0.0)));
    }
}

/// The pieces' heights in pixels, with their running sums.
struct Heights {
    /// The text width the estimates are for (`None`: not measured yet).
    text_width: Option<f64>,
    heights: Vec<f64>,
    /// `offsets[i]`: the height of pieces `0..i`; valid up to `valid`.
    offsets: RefCell<Vec<f64>>,
    valid: Cell<usize>,
}

impl Heights {
    fn estimated(pieces: &[Piece], text_width: Option<f64>) -> Self {
        // A typical reader column until the reader is measured.
        let ems_per_line = (text_width.unwrap_or(560.0) / FONT_PX).max(4.0);
        let heights = pieces
            .iter()
            .map(|piece| {
                let ems = f64::from(piece.ems) + if piece.continued { 0.0 } else { INDENT_EMS };
                let lines = (ems / ems_per_line).ceil().max(1.0);
                lines * LINE_PX + if piece.continues { 0.0 } else { GAP_PX }
            })
            .collect();
        Self { text_width, heights, offsets: RefCell::new(vec![0.0; pieces.len() + 1]), valid: Cell::new(0) }
    }

    fn record(&mut self, index: usize, height: f64) {
        if let Some(old) = self.heights.get_mut(index)
            && (*old - height).abs() > 0.25
        {
            *old = height;
            self.valid.set(self.valid.get().min(index));
        }
    }

    fn of(&self, index: usize) -> f64 {
        self.heights.get(index).copied().unwrap_or(0.0)
    }

    /// The height of pieces `0..index`.
    fn offset(&self, index: usize) -> f64 {
        let index = index.min(self.heights.len());
        let mut offsets = self.offsets.borrow_mut();
        let valid = self.valid.get();
        if index > valid {
            for i in valid..self.heights.len() {
                offsets[i + 1] = offsets[i] + self.heights[i];
            }
            self.valid.set(self.heights.len());
        }
        offsets[index]
    }

    fn total(&self) -> f64 {
        self.offset(self.heights.len())
    }

    /// The piece at `y` pixels from the start (clamped to the pieces).
    fn index_at(&self, y: f64) -> usize {
        self.total();
        let offsets = self.offsets.borrow();
        offsets[1..].partition_point(|&end| end <= y).min(self.heights.len().saturating_sub(1))
    }
}

/// A stretch of a piece: plain text, a heading marker, or (part of) a
/// heading title.
#[derive(Debug, PartialEq)]
enum Block {
    Plain(Vec<Inline>),
    /// A heading's marker; `focus` is `Some(anchor)` when the focused range
    /// covers it (an occurrence may start at 「一是」), `anchor` when it
    /// starts there.
    Marker {
        range: TextRange,
        focus: Option<bool>,
    },
    Title {
        heading: usize,
        kind: &'static str,
        /// The title starts in this piece: the element carries the heading's id.
        anchor: bool,
        inlines: Vec<Inline>,
    },
}

/// The smallest pieces: text, a counted word, or the focused range, each
/// by its byte range in the cleaned text.
#[derive(Debug, PartialEq)]
enum Inline {
    Text(TextRange),
    Word { index: u32, range: TextRange },
    Focus { range: TextRange, anchor: bool },
}

/// The part of `range` inside `start..end`, if it is not empty.
fn clip(range: TextRange, start: usize, end: usize) -> Option<TextRange> {
    let clipped = TextRange::new(range.start.max(start), range.end.min(end));
    (clipped.start < clipped.end).then_some(clipped)
}

/// Cuts a piece into heading markers and titles (to style and scroll to) and
/// plain text.
fn blocks_of(
    analysis: &ReportAnalysis,
    occurrences: &[Occurrence],
    range: TextRange,
    focus: Option<TextRange>,
) -> Vec<Block> {
    let headings = &analysis.outline.headings;
    let inlines = |range: TextRange| inlines_of(occurrences, range, focus);
    let mut blocks = Vec::new();
    let mut cursor = range.start;
    let first = headings.partition_point(|h| h.title_range.end.max(h.marker_range.end) <= range.start);
    for (index, heading) in headings.iter().enumerate().skip(first) {
        let (marker, title) = (heading.marker_range, heading.title_range);
        let begins = if marker.is_empty() { title.start } else { marker.start };
        if begins >= range.end {
            break;
        }
        if let Some(marker) = clip(marker, cursor, range.end) {
            if marker.start > cursor {
                blocks.push(Block::Plain(inlines(TextRange::new(cursor, marker.start))));
            }
            let focus = focus.and_then(|f| clip(f, marker.start, marker.end).map(|part| part.start == f.start));
            blocks.push(Block::Marker { range: marker, focus });
            cursor = marker.end;
        }
        let part = if title.is_empty() {
            (cursor..=range.end).contains(&title.start).then_some(title)
        } else {
            clip(title, cursor, range.end)
        };
        if let Some(part) = part {
            if part.start > cursor {
                blocks.push(Block::Plain(inlines(TextRange::new(cursor, part.start))));
            }
            blocks.push(Block::Title {
                heading: index,
                kind: heading.kind.label(),
                anchor: part.start == title.start,
                inlines: inlines(part),
            });
            cursor = part.end;
        }
    }
    if cursor < range.end {
        blocks.push(Block::Plain(inlines(TextRange::new(cursor, range.end))));
    }
    blocks
}

/// The inline pieces of `range`: the focused range (its part in `range`) as
/// one piece, counted words as words, the rest as text.
fn inlines_of(occurrences: &[Occurrence], range: TextRange, focus: Option<TextRange>) -> Vec<Inline> {
    let mut pieces = Vec::new();
    let mut cursor = range.start;
    let first = occurrences.partition_point(|o| o.range.start < range.start);
    let mut words = occurrences[first..].iter().take_while(|o| o.range.end <= range.end).peekable();
    let focus = focus.and_then(|f| clip(f, range.start, range.end).map(|part| (part, part.start == f.start)));
    loop {
        let next_word = words.peek().map(|o| o.range);
        let focus_next = focus.filter(|(f, _)| f.start >= cursor && next_word.is_none_or(|w| f.start <= w.start));
        let (start, piece, end) = if let Some((f, anchor)) = focus_next {
            (f.start, Inline::Focus { range: f, anchor }, f.end)
        } else if let Some(occurrence) = words.next() {
            if occurrence.range.start < cursor {
                continue;
            }
            (
                occurrence.range.start,
                Inline::Word { index: occurrence.word, range: occurrence.range },
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
            pieces.push(Inline::Text(TextRange::new(cursor, start)));
        }
        pieces.push(piece);
        cursor = end;
    }
    if cursor < range.end {
        pieces.push(Inline::Text(TextRange::new(cursor, range.end)));
    }
    pieces
}

/// What rendering a piece needs.
#[derive(Clone, Copy)]
struct RenderContext<'a> {
    /// The language of the tooltips that are not the report's.
    language: Language,
    analysis: &'a ReportAnalysis,
    pieces: &'a [Piece],
    /// The report's occurrences, unpacked.
    occurrences: &'a [Occurrence],
    focus: Option<TextRange>,
    focused_heading: Option<usize>,
    hit: Option<usize>,
    /// The shared text to shade, when shading is on.
    shading: Option<&'a SharedText>,
    /// The figures and findings to mark.
    marks: &'a ReaderMarks,
    /// The points the piece being rendered shows, in order.
    points: &'a [PlacedPoint<'a>],
}

/// A point a piece shows: a removed site mark, or the focus when it is an
/// empty range (a site mark opened from 校对, shown even when its kind is
/// switched off, so that the reader can scroll to it).
#[derive(Debug, Clone, Copy)]
struct PlacedPoint<'a> {
    /// Where it shows: its offset, moved into the piece.
    at: usize,
    /// The finding; `None` for the focus alone.
    mark: Option<&'a FindingMark>,
    /// It is the focus.
    focused: bool,
}

/// The points piece `index` shows: those in it, those in the gap after it
/// (the end of a paragraph, an empty line: shown at its end) and, for the
/// first piece, those before it (shown at its start).
fn placed_points<'a>(index: usize, context: &RenderContext<'a>) -> Vec<PlacedPoint<'a>> {
    let Some(piece) = context.pieces.get(index) else { return Vec::new() };
    let (start, end) = (piece.range.start, piece.range.end);
    let from = if index == 0 { 0 } else { start };
    let to = context.pieces.get(index + 1).map_or(usize::MAX, |next| next.range.start);
    let focus = context.focus.filter(|focus| focus.is_empty()).map(|focus| focus.start);
    let mut focus_shown = false;
    let mut points: Vec<PlacedPoint<'a>> = context
        .marks
        .points_in(from, to)
        .iter()
        .map(|mark| {
            let focused = !focus_shown && focus == Some(mark.range.start);
            focus_shown |= focused;
            PlacedPoint { at: mark.range.start.clamp(start, end), mark: Some(mark), focused }
        })
        .collect();
    if let Some(offset) = focus.filter(|offset| !focus_shown && (from..to).contains(offset)) {
        let at = offset.clamp(start, end);
        let position = points.partition_point(|point| point.at <= at);
        points.insert(position, PlacedPoint { at, mark: None, focused: true });
    }
    points
}

fn render_point(point: &PlacedPoint<'_>) -> Html {
    let id = point.focused.then_some(FOCUS_RANGE_ID);
    match point.mark {
        Some(mark) => html! {
            <span {id} class={classes!("lint-point", severity_class(mark.severity), point.focused.then_some("reader-focus"))}
                data-lint={lint_kind_id(mark.kind)} title={mark.description.clone()} role="img" aria-label={mark.description.clone()}></span>
        },
        None => html! { <mark {id} class="reader-focus reader-focus-point"></mark> },
    }
}

/// The class of a finding's severity.
fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Warning => "lint-warning",
        Severity::Info => "lint-info",
    }
}

fn render_inlines(inlines: &[Inline], context: &RenderContext<'_>) -> Html {
    html! {
        { for inlines.iter().map(|inline| match *inline {
            Inline::Text(range) => render_marked(range, context),
            Inline::Word { index, range } => {
                let hit = context.hit == Some(index as usize);
                // A word inside one run of marks carries them itself; one
                // that straddles a mark's edge holds marked parts.
                let (runs, points) = marked_runs(range, context);
                match runs.as_slice() {
                    [run] if points.is_empty() && !run.is_plain() => html! {
                        <span class={classes!("w", hit.then_some("hit"), run_classes(run))} data-w={index.to_string()}
                            title={run.title()} data-lint={run_kinds(run)} data-figure={run_figure(run)}>{ range.slice(&context.analysis.cleaned.text).to_owned() }</span>
                    },
                    _ => html! {
                        <span class={classes!("w", hit.then_some("hit"))} data-w={index.to_string()}>{ render_runs(&runs, points, context) }</span>
                    },
                }
            }
            Inline::Focus { range, anchor: true } => html! { <mark id={FOCUS_RANGE_ID} class="reader-focus">{ render_marked(range, context) }</mark> },
            Inline::Focus { range, anchor: false } => html! { <mark class="reader-focus">{ render_marked(range, context) }</mark> },
        }) }
    }
}

/// The classes of a shaded stretch.
fn shade_classes(stretch: &SharedStretch) -> Classes {
    classes!("shared-text", stretch.template.then_some("template"))
}

/// The classes of a run: one set per layer over it.
fn run_classes(run: &Run<'_>) -> Classes {
    let mut classes = run.shared.map(shade_classes).unwrap_or_default();
    if let Some(figure) = run.figure {
        classes.push(classes!("figure-mark", figure.redacted.then_some("redacted")));
    }
    if let Some(severity) = run.severity() {
        let formulation = run.findings.iter().any(|finding| finding.kind.is_formulation());
        classes.push(classes!("lint-mark", severity_class(severity), formulation.then_some("formulation")));
    }
    classes
}

/// The kinds of a run's findings, as `data-lint` lists them (space-separated ids).
fn run_kinds(run: &Run<'_>) -> Option<String> {
    (!run.findings.is_empty())
        .then(|| run.findings.iter().map(|finding| lint_kind_id(finding.kind)).collect::<Vec<_>>().join(" "))
}

/// Where a run's figure starts, as `data-figure` gives it: the runs of one
/// figure (cut by a word or another mark) share it.
fn run_figure(run: &Run<'_>) -> Option<String> {
    run.figure.map(|figure| figure.range.start.to_string())
}

/// The runs of `range` and the points inside it.
fn marked_runs<'a>(range: TextRange, context: &RenderContext<'a>) -> (Vec<Run<'a>>, &'a [PlacedPoint<'a>]) {
    let first = context.points.partition_point(|point| point.at < range.start);
    let last = context.points.partition_point(|point| point.at < range.end);
    let points = &context.points[first..last.max(first)];
    let cuts: Vec<usize> = points.iter().map(|point| point.at).collect();
    let shared = context.shading.map_or(&[][..], |shading| shading.stretches_in(range));
    (context.marks.runs(range, shared, &cuts), points)
}

/// Runs as text and marked spans, each point before the run it starts.
fn render_runs(runs: &[Run<'_>], points: &[PlacedPoint<'_>], context: &RenderContext<'_>) -> Html {
    let text = &context.analysis.cleaned.text;
    let mut points = points.iter().peekable();
    let mut parts: Vec<Html> = Vec::with_capacity(runs.len());
    for run in runs {
        while let Some(point) = points.next_if(|point| point.at <= run.range.start) {
            parts.push(render_point(point));
        }
        let slice = run.range.slice(text).to_owned();
        parts.push(if run.is_plain() {
            html! { { slice } }
        } else {
            html! {
                <span class={run_classes(run)} title={run.title()} data-lint={run_kinds(run)} data-figure={run_figure(run)}>{ slice }</span>
            }
        });
    }
    parts.into_iter().collect()
}

/// The text of `range` with every layer over it marked.
fn render_marked(range: TextRange, context: &RenderContext<'_>) -> Html {
    let (runs, points) = marked_runs(range, context);
    render_runs(&runs, points, context)
}

fn render_piece(index: usize, piece: &Piece, context: &RenderContext<'_>) -> Html {
    let points = placed_points(index, context);
    let context = &RenderContext { points: &points, ..*context };
    let blocks = blocks_of(context.analysis, context.occurrences, piece.range, context.focus);
    let trailing = points.iter().filter(|point| point.at >= piece.range.end);
    html! {
        <p key={index}
            class={classes!("reader-paragraph", piece.continued.then_some("continued"), piece.continues.then_some("continues"))}
            data-piece={index.to_string()} data-line={piece.line.to_string()}>
            if !piece.continued {
                <span class="reader-line-number" aria-hidden="true" lang={context.language.code()}
                    title={context.language.place(&context.analysis.unit, piece.line)}>
                    { context.analysis.unit.gutter_label(piece.line) }
                </span>
            }
            { for blocks.iter().map(|block| match block {
                Block::Plain(inlines) => render_inlines(inlines, context),
                Block::Marker { range, focus } => {
                    let marker = render_marked(*range, context);
                    html! {
                        <span class="reader-marker">
                            { match focus {
                                Some(true) => html! { <mark id={FOCUS_RANGE_ID} class="reader-focus">{ marker }</mark> },
                                Some(false) => html! { <mark class="reader-focus">{ marker }</mark> },
                                None => marker,
                            } }
                        </span>
                    }
                }
                Block::Title { heading, kind, anchor, inlines } => html! {
                    <span
                        id={anchor.then(|| heading_element_id(*heading))}
                        class={classes!("reader-heading", format!("kind-{kind}"), (context.focused_heading == Some(*heading)).then_some("focused"))}
                    >{ render_inlines(inlines, context) }</span>
                },
            }) }
            { for trailing.map(render_point) }
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(text: &str) -> ReportAnalysis {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        gongwen_core::analyze_report("a.txt", text.as_bytes(), &segmenter).expect("analysis")
    }

    #[test]
    fn a_very_long_paragraph_is_cut_into_pieces_between_words() {
        let sentence = "坚持把党的政治建设摆在首位，认真落实全面从严治党主体责任。";
        let analysis = analyse(&format!("一、总体情况\n{}\n结尾。", sentence.repeat(400)));
        let layout = ReaderLayout::of(&analysis);
        let long: Vec<&Piece> = layout.pieces.iter().filter(|piece| piece.line == 2 || piece.continued).collect();
        assert!(long.len() > 10, "the long paragraph is cut: {} pieces", long.len());
        assert!(long.iter().all(|piece| piece.range.len() <= PIECE_BYTES));
        assert!(long[1..].iter().all(|piece| piece.continued));
        assert!(long[..long.len() - 1].iter().all(|piece| piece.continues));
        for piece in &long {
            let inside = |at: usize| analysis.occurrences.iter().any(|o| o.range.start < at && at < o.range.end);
            assert!(!inside(piece.range.start) && !inside(piece.range.end), "no word is cut at {:?}", piece.range);
        }
        let whole: String = layout.pieces.iter().map(|piece| piece.range.slice(&analysis.cleaned.text)).collect();
        assert_eq!(whole, analysis.cleaned.text.replace('\n', ""), "the pieces cover the text");
    }

    #[test]
    fn a_heading_is_found_in_its_piece_and_marked_once() {
        let analysis = analyse("报告\n一、总体情况\n正文第一段。\n二、存在问题\n正文第二段。");
        let layout = ReaderLayout::of(&analysis);
        let heading = &analysis.outline.headings[1];
        let piece = &layout.pieces[layout.piece_at(heading.title_range.start)];
        let blocks = blocks_of(&analysis, &layout.occurrences, piece.range, None);
        assert!(
            matches!(&blocks[0], Block::Marker { range, focus: None } if range.slice(&analysis.cleaned.text) == "二、")
        );
        assert!(matches!(&blocks[1], Block::Title { heading: 1, anchor: true, .. }));
    }

    #[test]
    fn heights_add_up_and_find_the_piece_under_a_position() {
        let analysis = analyse(&"段落。\n".repeat(10));
        let layout = ReaderLayout::of(&analysis);
        let mut heights = Heights::estimated(&layout.pieces, Some(600.0));
        let each = LINE_PX + GAP_PX;
        assert!((heights.total() - 10.0 * each).abs() < 1e-6);
        heights.record(0, 100.0);
        assert!((heights.offset(1) - 100.0).abs() < 1e-6, "a measured height replaces the estimate");
        assert_eq!(heights.index_at(99.0), 0);
        assert_eq!(heights.index_at(100.0 + each * 2.5), 3);
        assert_eq!(heights.index_at(1e9), 9);
    }

    #[test]
    fn a_site_mark_on_a_line_of_its_own_shows_at_the_end_of_the_paragraph_before() {
        let analysis = analyse("报告\n一、情况\n正文第一段。\n##paidbegin##\n正文第二段。");
        let layout = ReaderLayout::of(&analysis);
        let text = &analysis.cleaned.text;
        let first = layout.pieces.iter().position(|p| p.range.slice(text) == "正文第一段。").expect("a piece");
        let shown = |filter: &LintFilter, focus: Option<TextRange>| {
            let marks = ReaderMarks::new(&analysis, MarkLayers::default(), filter, Language::Chinese);
            let context = RenderContext {
                language: Language::Chinese,
                analysis: &analysis,
                pieces: &layout.pieces,
                occurrences: &layout.occurrences,
                focus,
                focused_heading: None,
                hit: None,
                shading: None,
                marks: &marks,
                points: &[],
            };
            (0..layout.pieces.len())
                .flat_map(|index| {
                    let points = placed_points(index, &context);
                    points.into_iter().map(move |point| (index, point.at, point.mark.is_some(), point.focused))
                })
                .collect::<Vec<_>>()
        };
        let end = layout.pieces[first].range.end;
        assert_eq!(shown(&LintFilter::default(), None), [(first, end, true, false)]);
        let at = analysis.lint.iter().find(|f| f.range.is_empty()).expect("the site mark").range;
        assert_eq!(shown(&LintFilter::default(), Some(at)), [(first, end, true, true)], "opened, it is the focus");
        let no_site_marks = LintFilter::default().with_kind(gongwen_core::lint::LintKind::SiteMark, false);
        assert_eq!(shown(&no_site_marks, Some(at)), [(first, end, false, true)], "the focus shows without the mark");
    }

    #[test]
    fn a_focused_range_that_starts_at_a_marker_is_anchored_there() {
        let analysis = analyse("报告\n一、总体情况\n一是加强学习，二是狠抓落实。");
        let point = &analysis.outline.headings[1];
        let focus = TextRange::new(point.marker_range.start, analysis.cleaned.text.len());
        let layout = ReaderLayout::of(&analysis);
        let piece = &layout.pieces[layout.piece_at(focus.start)];
        let blocks = blocks_of(&analysis, &layout.occurrences, piece.range, Some(focus));
        assert!(
            matches!(blocks[0], Block::Marker { focus: Some(true), .. }),
            "the anchor is on the marker: {blocks:?}"
        );
        let anchors = blocks
            .iter()
            .flat_map(|block| match block {
                Block::Plain(inlines) | Block::Title { inlines, .. } => inlines.iter().collect::<Vec<_>>(),
                Block::Marker { .. } => Vec::new(),
            })
            .filter(|inline| matches!(inline, Inline::Focus { anchor: true, .. }))
            .count();
        assert_eq!(anchors, 0, "and only there");
    }
}
