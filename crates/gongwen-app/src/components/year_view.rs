//! This year against last year (对照), read side by side: the earlier report
//! on the left, the later on the right. Kept text is plain; edited text —
//! the changed years, figures and names — is marked in both; new text is
//! highlighted green in the later report and dropped text struck through in
//! red in the earlier one. Above the columns: the later report's overall
//! 「沿用」 share, the new and dropped stretches as links, and each report's
//! top-level sections with their kept, edited and new (or dropped)
//! characters; a section's row scrolls its column to it.

use gongwen_core::ReportAnalysis;
use gongwen_core::compare::year_over_year::{ChangeKind, SectionChange, TextChange, YearSide};
use gongwen_core::file_name::display_file_name;
use gongwen_core::text::TextRange;
use yew::prelude::*;

use super::marked_text::{jump_to, marked_paragraphs};
use crate::comparison::YearStatus;
use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::state::SharedAnalysis;

/// The most new and dropped stretches listed as links.
const MAX_LINKS: usize = 100;

/// Properties of [`YearView`].
#[derive(Properties, PartialEq)]
pub struct YearViewProps {
    /// The later report.
    pub current: SharedAnalysis,
    /// The earlier report.
    pub previous: SharedAnalysis,
    /// Where the comparison of the two stands.
    pub status: YearStatus,
    /// Called to compare again after a failure.
    pub on_retry: Callback<()>,
    /// Called to close the view.
    pub on_close: Callback<()>,
}

/// Which report a column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// The earlier report (left).
    Previous,
    /// The later report (right).
    Current,
}

impl Side {
    /// The column's DOM id, also the prefix of its anchors.
    fn id(self) -> &'static str {
        match self {
            Side::Previous => "yoy-previous",
            Side::Current => "yoy-current",
        }
    }

    /// What its unmatched text is called: 新写 or 删去.
    fn changed_label(self, language: Language) -> &'static str {
        match self {
            Side::Previous => language.pick("删去", "Dropped"),
            Side::Current => language.pick("新写", "New"),
        }
    }

    /// What the column is called: 今年 or 上一年.
    fn year_label(self, language: Language) -> &'static str {
        match self {
            Side::Previous => language.pick("上一年", "Last year"),
            Side::Current => language.pick("今年", "This year"),
        }
    }
}

/// A share (0–1) as a percentage with one decimal.
fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// A top-level section's name: its marker and title, shortened; `None` for
/// the text before the first heading.
fn section_name(analysis: &ReportAnalysis, section: &SectionChange) -> Option<String> {
    const MAX: usize = 18;
    let heading = section.heading.and_then(|index| analysis.outline.headings.get(index))?;
    let name = format!("{}{}", heading.marker, heading.title);
    Some(if name.chars().count() > MAX {
        format!("{}…", name.chars().take(MAX - 1).collect::<String>())
    } else {
        name
    })
}

/// The DOM id of a top-level heading's paragraph in a column.
fn heading_anchor(side: Side, heading: usize) -> String {
    format!("{}-h{heading}", side.id())
}

/// One report's sections: kept, edited and new (or dropped) characters, and
/// the share kept; the table's chrome in `language`.
fn section_table(language: Language, side: Side, analysis: &ReportAnalysis, year: &YearSide) -> Html {
    let name = display_file_name(&analysis.name);
    let kept = percent(year.kept_share);
    let before = match language {
        Language::Chinese => format!("{}：", side.year_label(language)),
        Language::English => format!("{}: ", side.year_label(language)),
    };
    let after = match (side, language) {
        (Side::Previous, Language::Chinese) => format!("（{kept} 仍在）"),
        (Side::Previous, Language::English) => format!(" ({kept} still there)"),
        (Side::Current, Language::Chinese) => format!("（沿用 {kept}）"),
        (Side::Current, Language::English) => format!(" ({kept} carried over)"),
    };
    let changed = side.changed_label(language);
    html! {
        <table class={classes!("score-table", "yoy-section-table", side.id())}>
            // The file name makes the caption's tooltip Chinese; the rest is the page's language.
            <caption lang={CONTENT_LANG} title={format!("{before}{name}{after}")}>
                <span lang={language.code()}>{ before }</span>{ name }<span lang={language.code()}>{ after }</span>
            </caption>
            <thead>
                <tr>
                    <th>{ language.pick("部分", "Section") }</th>
                    <th title={language.pick("与另一年的报告一字不差", "Word for word as in the other year's report")}>
                        { language.pick("原样", "Unchanged") }
                    </th>
                    <th title={language.pick("只差年份、数字、名称等个别字词", "Differs only in a few words: years, figures, names")}>
                        { language.pick("改动", "Edited") }
                    </th>
                    <th title={language.pick(format!("另一年的报告中没有：{changed}"), format!("Not in the other year's report: {changed}"))}>
                        { changed }
                    </th>
                    <th title={language.pick("原样与改动的文字占这一部分的比例", "Share of the section unchanged or edited")}>
                        { language.pick("沿用", "Carried over") }
                    </th>
                </tr>
            </thead>
            <tbody>
                { for year.sections.iter().map(|section| {
                    let total = section.kept + section.edited + section.changed;
                    let kept = if total == 0 { 0.0 } else { (section.kept + section.edited) as f64 / total as f64 };
                    let onclick = section.heading.map(|heading| Callback::from(move |_: MouseEvent| {
                        jump_to(&format!("#{}", heading_anchor(side, heading)));
                    }));
                    let name_cell = match section_name(analysis, section) {
                        Some(name) => html! { <td class="file-cell" lang={CONTENT_LANG} title={name.clone()}>{ name }</td> },
                        None => {
                            let opening = language.pick("（开头）", "(Opening)");
                            html! { <td class="file-cell" title={opening}>{ opening }</td> }
                        }
                    };
                    html! {
                        <tr class={classes!(onclick.is_some().then_some("clickable"))} {onclick}>
                            { name_cell }
                            <td class="number">{ section.kept }</td>
                            <td class="number">{ section.edited }</td>
                            <td class={classes!("number", (section.changed > 0).then_some("changed"))}>{ section.changed }</td>
                            <td class="number">{ percent(kept) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// The change (index into `changes`) holding byte `offset`, if any.
fn change_at(changes: &[TextChange], offset: usize) -> Option<usize> {
    let index = changes.partition_point(|change| change.range.end <= offset);
    changes.get(index).filter(|change| change.range.contains(offset)).map(|_| index)
}

/// One report's text with its changes marked, their tooltips in `language`.
fn column(language: Language, side: Side, analysis: &ReportAnalysis, year: &YearSide) -> Html {
    let changes = &year.changes;
    // Top-level headings by where their section starts, for the anchors.
    let anchors: Vec<(usize, usize)> = year
        .sections
        .iter()
        .filter_map(|section| section.heading)
        .filter_map(|index| analysis.outline.headings.get(index).map(|heading| (heading.section.start, index)))
        .collect();
    let anchor_of = |range: TextRange| {
        anchors.iter().find(|&&(start, _)| range.contains(start)).map(|&(_, index)| heading_anchor(side, index))
    };
    let show_run = |change: Option<usize>, _: TextRange, slice: &str| {
        let text = slice.to_owned();
        match change.map(|index| (index, changes[index].kind)) {
            None | Some((_, ChangeKind::Kept)) => html! { { text } },
            Some((_, ChangeKind::Edited)) => html! {
                <mark class="yoy-edited" title={language.pick(
                    "改动：与另一年只差年份、数字或名称等个别字词",
                    "Edited: differs from the other year only in a few words (years, figures or names)",
                )}>{ text }</mark>
            },
            Some((index, ChangeKind::New)) => html! {
                <ins class="yoy-new" data-change={index.to_string()}
                    title={language.pick("新写：上一年的报告中没有", "New: not in last year's report")}>{ text }</ins>
            },
            Some((index, ChangeKind::Dropped)) => html! {
                <del class="yoy-dropped" data-change={index.to_string()}
                    title={language.pick("删去：今年的报告中没有", "Dropped: not in this year's report")}>{ text }</del>
            },
        }
    };
    let paragraphs =
        marked_paragraphs(analysis, "sbs-paragraph", |offset| change_at(changes, offset), show_run, anchor_of);
    html! {
        <div class="sbs-column yoy-column" id={side.id()} lang={CONTENT_LANG}>
            <h3 class="sbs-name" title={display_file_name(&analysis.name)}>
                <span lang={language.code()}>{ language.pick(format!("{}：", side.year_label(language)), format!("{}: ", side.year_label(language))) }</span>
                { display_file_name(&analysis.name) }
            </h3>
            { paragraphs }
        </div>
    }
}

/// Links to the new (later report) and dropped (earlier report) stretches,
/// labelled in `language`.
fn change_links(language: Language, side: Side, analysis: &ReportAnalysis, year: &YearSide) -> Vec<Html> {
    let unmatched = if side == Side::Current { ChangeKind::New } else { ChangeKind::Dropped };
    year.changes
        .iter()
        .enumerate()
        .filter(|(_, change)| change.kind == unmatched)
        .map(|(index, change)| {
            let text = change.range.slice(&analysis.cleaned.text);
            let head: String = text.chars().take(16).collect();
            let onclick = Callback::from(move |_: MouseEvent| {
                jump_to(&format!("#{} [data-change=\"{index}\"]", side.id()));
            });
            let position = language.place(&analysis.unit, change.line);
            let title = language.pick(format!("{position}：{text}"), format!("{position}: {text}"));
            let label = language.pick(
                format!("{} {} 字", side.changed_label(language), change.chars),
                format!("{}, {} chars", side.changed_label(language), language.count(change.chars)),
            );
            // The stretch is the button's tooltip and most of its text: only the label is chrome.
            html! {
                <li>
                    <button class={classes!("sbs-chip", if side == Side::Current { "yoy-new" } else { "yoy-dropped" })}
                        lang={CONTENT_LANG} {title} {onclick}>
                        <span lang={language.code()}>{ label }</span>{ format!(" · {head}…") }
                    </button>
                </li>
            }
        })
        .collect()
}

/// The view.
#[component]
pub fn YearView(props: &YearViewProps) -> Html {
    let language = use_language();
    let close = props.on_close.reform(|_: MouseEvent| ());
    let close_label = language.pick("关闭", "Close");
    let view_label = language.pick("对照", "Year on year");
    let (current, previous) = (&props.current, &props.previous);
    let comparison = match &props.status {
        YearStatus::Ready(comparison) => comparison.clone(),
        YearStatus::Failed(failure) => {
            return html! {
                <section class="side-by-side year-view" aria-label={view_label}>
                    <header class="sbs-header">
                        <span class="sbs-title failed" role="alert">{ failure.describe(language) }</span>
                        <button onclick={props.on_retry.reform(|_: MouseEvent| ())}>{ language.pick("重试", "Retry") }</button>
                        <button onclick={close}>{ close_label }</button>
                    </header>
                </section>
            };
        }
        YearStatus::Idle | YearStatus::Running => {
            return html! {
                <section class="side-by-side year-view" aria-label={view_label}>
                    <header class="sbs-header">
                        <span class="sbs-title compare-progress" role="status">
                            <span class="spinner" aria-hidden="true"></span>
                            { language.pick("正在对照 ", "Comparing ") }
                            <span lang={CONTENT_LANG}>{ display_file_name(&current.name) }</span>
                            { language.pick(" 与 ", " with ") }
                            <span lang={CONTENT_LANG}>{ display_file_name(&previous.name) }</span>
                            { language.pick("……", "…") }
                        </span>
                        <button onclick={close}>{ close_label }</button>
                    </header>
                </section>
            };
        }
    };
    let count = |side: &YearSide, kind: ChangeKind| side.changes.iter().filter(|c| c.kind == kind).count();
    let links: Vec<Html> = change_links(language, Side::Current, current, &comparison.current)
        .into_iter()
        .chain(change_links(language, Side::Previous, previous, &comparison.previous))
        .collect();
    let (kept, still_there) = (percent(comparison.current.kept_share), percent(comparison.previous.kept_share));
    let (new, dropped) =
        (count(&comparison.current, ChangeKind::New), count(&comparison.previous, ChangeKind::Dropped));
    html! {
        <section class="side-by-side year-view" aria-label={view_label}>
            <header class="sbs-header">
                <span class="sbs-title">
                    { language.pick("对照：", "Year on year: ") }
                    <strong class="yoy-kept-share" title={language.pick(
                        "今年的报告中，与上一年原样相同或只改了个别字词的文字所占比例",
                        "Share of this year's text unchanged from last year's or with only a few words edited",
                    )}>
                        { language.pick(format!("沿用 {kept}"), format!("{kept} carried over")) }
                    </strong>
                    { language.pick(
                        format!(" · 上一年的 {still_there} 仍在 · 新写 {new} 处 · 删去 {dropped} 处"),
                        format!(" · {still_there} of last year's still there · {} new · {} dropped", language.count(new), language.count(dropped)),
                    ) }
                </span>
                <span class="yoy-legend" aria-label={language.pick("图例", "Legend")}>
                    <mark class="yoy-edited">{ language.pick("改动", "Edited") }</mark>
                    <ins class="yoy-new">{ Side::Current.changed_label(language) }</ins>
                    <del class="yoy-dropped">{ Side::Previous.changed_label(language) }</del>
                </span>
                <button onclick={close}>{ close_label }</button>
            </header>
            if !links.is_empty() {
                <ol class="sbs-passages yoy-changes" aria-label={language.pick("新写与删去的文字", "New and dropped text")}>
                    { for links.into_iter().take(MAX_LINKS) }
                </ol>
            }
            <div class="yoy-sections">
                { section_table(language, Side::Previous, previous, &comparison.previous) }
                { section_table(language, Side::Current, current, &comparison.current) }
            </div>
            <div class="sbs-columns">
                { column(language, Side::Previous, previous, &comparison.previous) }
                { column(language, Side::Current, current, &comparison.current) }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_belongs_to_the_change_that_holds_it() {
        let change =
            |start, end| TextChange { kind: ChangeKind::Kept, range: TextRange::new(start, end), chars: 1, line: 1 };
        let changes = vec![change(0, 6), change(9, 12), change(12, 30)];
        assert_eq!(change_at(&changes, 0), Some(0));
        assert_eq!(change_at(&changes, 6), None, "punctuation between two changes");
        assert_eq!(change_at(&changes, 12), Some(2));
        assert_eq!(change_at(&changes, 30), None);
        assert_eq!(change_at(&[], 3), None);
    }
}
