//! The 结构 view: every loaded report in one row — its name, a bar of how its
//! text divides among 开头, 成效, 问题, 打算 and the rest, and the checklist a
//! reviewer goes through (✓ passed; ✗ failed, with the reason; — nothing to
//! judge). Clicking a bar segment or a checklist item opens the reader at
//! the first sentence of its part. Dozens of reports scroll; 「有 ✗ 的」
//! narrows the list to the reports that fail an item. The view speaks the
//! page's language; the file names are the reports' own.

use gongwen_core::file_name::display_file_name;
use gongwen_core::structure::PartKind;
use gongwen_core::text::TextRange;
use yew::prelude::*;

use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::protocol::ReportId;
use crate::state::AnalysedReports;
use crate::structure_check::{Check, CheckOutcome, SegmentKind, ShareSegment, StructureCheck};

/// The width of the share bar in its own units (its `viewBox`).
const BAR_UNITS: f64 = 1000.0;

/// Properties of [`StructureCheckPanel`].
#[derive(Properties, PartialEq)]
pub struct StructureCheckPanelProps {
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// Called with a place to open in the reader.
    pub on_open_at: Callback<(ReportId, TextRange)>,
}

/// One report's row, as the view keeps it.
#[derive(PartialEq)]
struct Row {
    id: ReportId,
    name: String,
    check: StructureCheck,
}

/// The 结构 view.
#[component]
pub fn StructureCheckPanel(props: &StructureCheckPanelProps) -> Html {
    let language = use_language();
    let failing_only = use_state(|| false);
    let rows = use_memo(props.reports.clone(), |reports| {
        reports
            .iter()
            .map(|(id, analysis)| Row {
                id: *id,
                name: display_file_name(&analysis.name),
                check: StructureCheck::of(analysis),
            })
            .collect::<Vec<Row>>()
    });
    let failing = rows.iter().filter(|row| row.check.failures() > 0).count();
    let show = |only: bool| {
        let failing_only = failing_only.clone();
        Callback::from(move |_: MouseEvent| failing_only.set(only))
    };
    let legend = [
        SegmentKind::Opening,
        SegmentKind::Part(PartKind::Achievements),
        SegmentKind::Part(PartKind::Problems),
        SegmentKind::Part(PartKind::Plans),
        SegmentKind::Rest,
    ];
    html! {
        <section class="structure-check-panel" aria-label={language.pick("结构检查", "Structure check")}>
            <p class="panel-note">
                { language.pick(
                    "每份报告成效、问题、打算各占的篇幅，和审阅时要看的六项。点击色块或某一项，在阅读区打开该部分。",
                    "How much of each report goes to achievements, problems and plans, and the six points a reviewer checks. \
                     Click a segment or a point to open that part in the reader.",
                ) }
            </p>
            <div class="structure-check-tools">
                <span class="structure-legend" aria-label={language.pick("图例", "Legend")}>
                    { for legend.into_iter().map(|kind| html! {
                        <span class="legend-item"><span class={classes!("legend-swatch", format!("segment-{}", kind.id()))}></span>{ kind.label(language) }</span>
                    }) }
                </span>
                <span class="chips">
                    <button class={classes!("chip", (!*failing_only).then_some("active"))} onclick={show(false)}>
                        { language.pick(format!("全部（{}）", rows.len()), format!("All ({})", language.count(rows.len()))) }
                    </button>
                    <button class={classes!("chip", failing_only.then_some("active"))} onclick={show(true)}
                        title={language.pick("只列出至少有一项未通过（✗）的报告", "Only the reports failing at least one point (✗)")}>
                        { language.pick(format!("有 ✗ 的（{failing}）"), format!("With ✗ ({})", language.count(failing))) }
                    </button>
                </span>
            </div>
            <ul class="structure-check-list">
                { for rows.iter().filter(|row| !*failing_only || row.check.failures() > 0).map(|row| render_row(row, &props.on_open_at, language)) }
            </ul>
        </section>
    }
}

/// How a share reads: 「81.4%」.
fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// A report's row: its name, its share bar, and its checklist.
fn render_row(row: &Row, on_open_at: &Callback<(ReportId, TextRange)>, language: Language) -> Html {
    let id = row.id;
    let open =
        |segment: &ShareSegment| segment.opens.map(|(range, _)| on_open_at.reform(move |_: MouseEvent| (id, range)));
    let mut x = 0.0;
    let bar: Vec<Html> = row
        .check
        .segments
        .iter()
        .map(|segment| {
            let width = segment.share * BAR_UNITS;
            let left = x;
            x += width;
            let (label, share) = (segment.kind.label(language), percent(segment.share));
            let mut title = language.pick(
                format!("{label}：{} 字，占 {share}", segment.chars),
                format!("{label}: {} characters, {share}", language.count(segment.chars)),
            );
            if let Some((_, line)) = segment.opens {
                title.push_str(&language.pick(
                    format!("，自第 {line} 行起；点击打开"),
                    format!(", from line {line}; click to open"),
                ));
            }
            html! {
                <rect class={classes!("share-segment", format!("segment-{}", segment.kind.id()), segment.opens.is_some().then_some("opens"))}
                    x={format!("{left:.1}")} y="0" width={format!("{width:.1}")} height="10" onclick={open(segment)}>
                    <title>{ title }</title>
                </rect>
            }
        })
        .collect();
    let failures = row.check.failures();
    html! {
        <li class={classes!("structure-check-row", (failures > 0).then_some("failing"))} data-report={row.name.clone()}>
            <div class="structure-check-head">
                <span class="structure-check-name" lang={CONTENT_LANG} title={row.name.clone()}>{ &row.name }</span>
                <svg class="share-bar" viewBox={format!("0 0 {BAR_UNITS} 10")} preserveAspectRatio="none" role="img"
                    aria-label={row.check.segments.iter().map(|s| format!("{} {}", s.kind.label(language), percent(s.share))).collect::<Vec<_>>().join(language.pick("，", ", "))}>
                    { for bar }
                </svg>
                <span class={classes!("structure-check-count", (failures > 0).then_some("failing"))}
                    title={match (failures, language) {
                        (0, _) => language.pick("六项都通过", "All six passed").to_owned(),
                        (_, Language::Chinese) => format!("{failures} 项未通过"),
                        (_, Language::English) => format!("{failures} failed"),
                    }}>
                    { if failures > 0 { format!("✗ {failures}") } else { "✓".to_owned() } }
                </span>
            </div>
            <ul class="checklist">
                { for row.check.checks.iter().map(|check| render_check(check, &row.check, &open, language)) }
            </ul>
        </li>
    }
}

/// A checklist item: its mark, label and (for a part's presence) share, and
/// why it failed.
fn render_check(
    check: &Check,
    structure: &StructureCheck,
    open: &impl Fn(&ShareSegment) -> Option<Callback<MouseEvent>>,
    language: Language,
) -> Html {
    let (outcome, mark, message) = match check.outcome {
        CheckOutcome::Passed => ("passed", "✓", None),
        CheckOutcome::Failed(why) => ("failed", "✗", Some(why.message(language))),
        CheckOutcome::NotApplicable(why) => ("na", "—", Some(why.message(language))),
    };
    let segment = structure.part(check.part);
    // The items that say a part is there show its share.
    let share = segment.filter(|_| check.item.is_presence()).map(|s| percent(s.share));
    let label = html! {
        <>
            <span class="check-mark" aria-hidden="true">{ mark }</span>
            <span class="check-label">{ check.item.label(language) }</span>
            if let Some(share) = share { <span class="check-share">{ share }</span> }
        </>
    };
    let title = match (message, segment.and_then(|s| s.opens)) {
        (Some(why), _) => why.to_owned(),
        (None, Some((_, line))) => language.pick(
            format!("通过；点击打开{}部分（第 {line} 行起）", check.part.label()),
            format!("Passed; click to open the {} part (from line {line})", language.part(check.part).to_lowercase()),
        ),
        (None, None) => language.pick("通过", "Passed").to_owned(),
    };
    html! {
        <li class={classes!("check", outcome)} data-check={check.item.id()} data-outcome={outcome} {title}>
            if let Some(on_click) = segment.and_then(open) {
                <button class="check-link" onclick={on_click}>{ label }</button>
            } else {
                <span class="check-text">{ label }</span>
            }
            if let CheckOutcome::Failed(why) = check.outcome {
                <span class="check-message">{ why.message(language) }</span>
            }
        </li>
    }
}
