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
    fn changed_label(self) -> &'static str {
        match self {
            Side::Previous => "删去",
            Side::Current => "新写",
        }
    }
}

/// A share (0–1) as a percentage with one decimal.
fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// A top-level section's name: its marker and title, shortened.
fn section_name(analysis: &ReportAnalysis, section: &SectionChange) -> String {
    const MAX: usize = 18;
    let Some(heading) = section.heading.and_then(|index| analysis.outline.headings.get(index)) else {
        return "（开头）".to_owned();
    };
    let name = format!("{}{}", heading.marker, heading.title);
    if name.chars().count() > MAX { format!("{}…", name.chars().take(MAX - 1).collect::<String>()) } else { name }
}

/// The DOM id of a top-level heading's paragraph in a column.
fn heading_anchor(side: Side, heading: usize) -> String {
    format!("{}-h{heading}", side.id())
}

/// One report's sections: kept, edited and new (or dropped) characters, and
/// the share kept.
fn section_table(side: Side, analysis: &ReportAnalysis, year: &YearSide) -> Html {
    let caption = match side {
        Side::Previous => format!("上一年：{}（{} 仍在）", display_file_name(&analysis.name), percent(year.kept_share)),
        Side::Current => format!("今年：{}（沿用 {}）", display_file_name(&analysis.name), percent(year.kept_share)),
    };
    html! {
        <table class={classes!("score-table", "yoy-section-table", side.id())}>
            <caption title={caption.clone()}>{ caption }</caption>
            <thead>
                <tr>
                    <th>{ "部分" }</th>
                    <th title="与另一年的报告一字不差">{ "原样" }</th>
                    <th title="只差年份、数字、名称等个别字词">{ "改动" }</th>
                    <th title={format!("另一年的报告中没有：{}", side.changed_label())}>{ side.changed_label() }</th>
                    <th title="原样与改动的文字占这一部分的比例">{ "沿用" }</th>
                </tr>
            </thead>
            <tbody>
                { for year.sections.iter().map(|section| {
                    let total = section.kept + section.edited + section.changed;
                    let kept = if total == 0 { 0.0 } else { (section.kept + section.edited) as f64 / total as f64 };
                    let onclick = section.heading.map(|heading| Callback::from(move |_: MouseEvent| {
                        jump_to(&format!("#{}", heading_anchor(side, heading)));
                    }));
                    let name = section_name(analysis, section);
                    html! {
                        <tr class={classes!(onclick.is_some().then_some("clickable"))} {onclick}>
                            <td class="file-cell" title={name.clone()}>{ name }</td>
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

/// One report's text with its changes marked.
fn column(side: Side, analysis: &ReportAnalysis, year: &YearSide) -> Html {
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
            Some((_, ChangeKind::Edited)) => {
                html! { <mark class="yoy-edited" title="改动：与另一年只差年份、数字或名称等个别字词">{ text }</mark> }
            }
            Some((index, ChangeKind::New)) => html! {
                <ins class="yoy-new" data-change={index.to_string()} title="新写：上一年的报告中没有">{ text }</ins>
            },
            Some((index, ChangeKind::Dropped)) => html! {
                <del class="yoy-dropped" data-change={index.to_string()} title="删去：今年的报告中没有">{ text }</del>
            },
        }
    };
    let paragraphs =
        marked_paragraphs(analysis, "sbs-paragraph", |offset| change_at(changes, offset), show_run, anchor_of);
    html! {
        <div class="sbs-column yoy-column" id={side.id()}>
            <h3 class="sbs-name" title={display_file_name(&analysis.name)}>
                { format!("{}：{}", if side == Side::Current { "今年" } else { "上一年" }, display_file_name(&analysis.name)) }
            </h3>
            { paragraphs }
        </div>
    }
}

/// Links to the new (later report) and dropped (earlier report) stretches.
fn change_links(side: Side, analysis: &ReportAnalysis, year: &YearSide) -> Vec<Html> {
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
            html! {
                <li>
                    <button class={classes!("sbs-chip", if side == Side::Current { "yoy-new" } else { "yoy-dropped" })}
                        title={format!("{}：{}", analysis.unit.describe(change.line), text)} {onclick}>
                        { format!("{} {} 字 · {head}…", side.changed_label(), change.chars) }
                    </button>
                </li>
            }
        })
        .collect()
}

/// The view.
#[component]
pub fn YearView(props: &YearViewProps) -> Html {
    let close = props.on_close.reform(|_: MouseEvent| ());
    let (current, previous) = (&props.current, &props.previous);
    let comparison = match &props.status {
        YearStatus::Ready(comparison) => comparison.clone(),
        YearStatus::Failed(message) => {
            return html! {
                <section class="side-by-side year-view" aria-label="对照">
                    <header class="sbs-header">
                        <span class="sbs-title failed" role="alert">{ message }</span>
                        <button onclick={props.on_retry.reform(|_: MouseEvent| ())}>{ "重试" }</button>
                        <button onclick={close}>{ "关闭" }</button>
                    </header>
                </section>
            };
        }
        YearStatus::Idle | YearStatus::Running => {
            return html! {
                <section class="side-by-side year-view" aria-label="对照">
                    <header class="sbs-header">
                        <span class="sbs-title compare-progress" role="status">
                            <span class="spinner" aria-hidden="true"></span>
                            { format!("正在对照 {} 与 {}……", display_file_name(&current.name), display_file_name(&previous.name)) }
                        </span>
                        <button onclick={close}>{ "关闭" }</button>
                    </header>
                </section>
            };
        }
    };
    let count = |side: &YearSide, kind: ChangeKind| side.changes.iter().filter(|c| c.kind == kind).count();
    let links: Vec<Html> = change_links(Side::Current, current, &comparison.current)
        .into_iter()
        .chain(change_links(Side::Previous, previous, &comparison.previous))
        .collect();
    html! {
        <section class="side-by-side year-view" aria-label="对照">
            <header class="sbs-header">
                <span class="sbs-title">
                    { "对照：" }
                    <strong class="yoy-kept-share" title="今年的报告中，与上一年原样相同或只改了个别字词的文字所占比例">
                        { format!("沿用 {}", percent(comparison.current.kept_share)) }
                    </strong>
                    { format!(" · 上一年的 {} 仍在 · 新写 {} 处 · 删去 {} 处",
                        percent(comparison.previous.kept_share),
                        count(&comparison.current, ChangeKind::New),
                        count(&comparison.previous, ChangeKind::Dropped)) }
                </span>
                <span class="yoy-legend" aria-label="图例">
                    <mark class="yoy-edited">{ "改动" }</mark>
                    <ins class="yoy-new">{ "新写" }</ins>
                    <del class="yoy-dropped">{ "删去" }</del>
                </span>
                <button onclick={close}>{ "关闭" }</button>
            </header>
            if !links.is_empty() {
                <ol class="sbs-passages yoy-changes" aria-label="新写与删去的文字">
                    { for links.into_iter().take(MAX_LINKS) }
                </ol>
            }
            <div class="yoy-sections">
                { section_table(Side::Previous, previous, &comparison.previous) }
                { section_table(Side::Current, current, &comparison.current) }
            </div>
            <div class="sbs-columns">
                { column(Side::Previous, previous, &comparison.previous) }
                { column(Side::Current, current, &comparison.current) }
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
