//! The 校对 view: what a careful reviewer would mark in the loaded reports,
//! report by report. On top, one toggle per kind of finding (the four kinds
//! of formulations quoted wrong first, set apart as the gravest) with its
//! count across the reports, and 全部 / 仅警告; the choice rules the reader's
//! marks too and is kept in the browser. Below, each report with its count
//! and its findings in text order — severity, kind, line, the text as
//! written, the message and the suggestion — each opening the reader there.
//! The labels speak the page's language; the text, the suggestion and the
//! message (the core's, in Chinese) are shown as they are.

use std::collections::BTreeSet;

use gongwen_core::diagnostic::Severity;
use gongwen_core::file_name::display_file_name;
use gongwen_core::lint::{LintFinding, LintKind};
use gongwen_core::tables::lint_csv;
use gongwen_core::text::TextRange;
use yew::prelude::*;

use crate::download::offer_csv;
use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::lint_filter::{LintFilter, kind_counts, lint_kind_id, severity_label};
use crate::protocol::ReportId;
use crate::state::{AnalysedReports, SharedAnalysis};

/// The most findings listed: a large stack of careless reports has
/// thousands.
const MAX_ROWS: usize = 1000;

/// Properties of [`LintPanel`].
#[derive(Properties, PartialEq)]
pub struct LintPanelProps {
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// Which findings show.
    pub filter: LintFilter,
    /// Called with a new choice of findings.
    pub on_filter: Callback<LintFilter>,
    /// Called with a place to open in the reader.
    pub on_open_at: Callback<(ReportId, TextRange)>,
}

/// The 校对 view.
#[component]
pub fn LintPanel(props: &LintPanelProps) -> Html {
    let language = use_language();
    let counts = use_memo(props.reports.clone(), kind_counts);
    let on_csv = {
        let reports = props.reports.clone();
        Callback::from(move |_: MouseEvent| {
            let findings: Vec<(&str, &[LintFinding])> =
                reports.iter().map(|(_, analysis)| (analysis.name.as_str(), analysis.lint.as_slice())).collect();
            offer_csv("校对.csv", &lint_csv(&findings));
        })
    };
    let filter = &props.filter;
    let total: usize = counts.iter().map(|(_, count)| count).sum();
    let shown: usize =
        props.reports.iter().map(|(_, analysis)| analysis.lint.iter().filter(|f| filter.shows(f)).count()).sum();
    let kind_toggle = |&(kind, count): &(LintKind, usize)| {
        let on = filter.shows_kind(kind);
        let onchange = {
            let (filter, on_filter) = (filter.clone(), props.on_filter.clone());
            Callback::from(move |_: Event| on_filter.emit(filter.with_kind(kind, !on)))
        };
        html! {
            <label class={classes!("lint-kind", kind.is_formulation().then_some("serious"), (!on).then_some("off"), (count == 0).then_some("empty"))}
                data-kind={lint_kind_id(kind)}>
                <input type="checkbox" checked={on} {onchange} />
                <span class="lint-kind-label">{ language.lint_kind(kind) }</span>
                <span class="lint-kind-count">{ count }</span>
            </label>
        }
    };
    let severity_choice = |warnings_only: bool, label: &'static str, title: &'static str| {
        let next = LintFilter { warnings_only, ..filter.clone() };
        html! {
            <button class={classes!("chip", (filter.warnings_only == warnings_only).then_some("active"))} {title}
                onclick={props.on_filter.reform(move |_: MouseEvent| next.clone())}>{ label }</button>
        }
    };
    let (serious, other): (Vec<_>, Vec<_>) = counts.iter().partition(|(kind, _)| kind.is_formulation());
    let mut budget = MAX_ROWS;
    let hidden = total - shown;
    html! {
        <section class="lint-panel" aria-label={language.pick("校对", "Proofing")}>
            <div class="lint-kinds">
                <p class="lint-group-title serious" title={language.pick(
                    "提法的数目、内容、顺序、字词或时效不对：公文里最不该出现的差错",
                    "A formulation's count, members, order, wording or currency is wrong: the error an official document can least afford",
                )}>
                    { language.pick("提法差错（最严重）", "Formulation errors (gravest)") }
                </p>
                <div class="lint-kind-list">{ for serious.into_iter().map(kind_toggle) }</div>
                <p class="lint-group-title">{ language.pick("文字与格式", "Wording and format") }</p>
                <div class="lint-kind-list">{ for other.into_iter().map(kind_toggle) }</div>
                <div class="chips lint-severity">
                    <span class="chip-label">{ language.pick("显示", "Show") }</span>
                    { severity_choice(false, language.pick("全部", "All"), language.pick("警告和提示都列出", "List warnings and notes")) }
                    { severity_choice(
                        true,
                        language.pick("仅警告", "Warnings only"),
                        language.pick("只列出警告（很可能是差错的），不列提示", "List only the warnings (likely errors), not the notes"),
                    ) }
                    if !filter.hidden.is_empty() {
                        <button class="chip" title={language.pick("重新勾选所有类别", "Tick every kind again")}
                            onclick={props.on_filter.reform({
                                let next = LintFilter { hidden: BTreeSet::new(), ..filter.clone() };
                                move |_: MouseEvent| next.clone()
                            })}>{ language.pick("显示全部类别", "Show all kinds") }</button>
                    }
                </div>
            </div>
            <p class="panel-note lint-summary">
                { language.pick(
                    format!("共 {total} 处，列出 {shown} 处"),
                    format!("{}, {} listed", language.things(total, "处", "finding", "findings"), language.count(shown)),
                ) }
                if shown < total { { language.pick(
                    format!("（{hidden} 处按所选类别或严重程度隐藏）"),
                    format!(" ({} hidden by the kinds or severity chosen)", language.count(hidden)),
                ) } }
                { language.pick("。点击一条在阅读区打开。", ". Click one to open it in the reader.") }
                <button class="chip export-csv" onclick={on_csv}
                    title={language.pick("全部报告的全部校对结果（不论所选类别），CSV，可用 Excel、WPS 打开", "Every finding of every report (whatever kinds are chosen), as CSV for Excel or WPS")}>
                    { language.pick("导出 CSV", "CSV") }
                </button>
            </p>
            { for props.reports.iter().map(|(id, analysis)| {
                let findings: Vec<&LintFinding> = analysis.lint.iter().filter(|f| filter.shows(f)).collect();
                let listed = findings.len().min(budget);
                budget -= listed;
                render_report(*id, analysis, &findings[..listed], findings.len(), &props.on_open_at, language)
            }) }
            if shown > MAX_ROWS {
                <p class="panel-note">{ language.pick(
                    format!("列出前 {MAX_ROWS} 处；关掉一些类别可看其余的。"),
                    format!("Only the first {} are listed; switch some kinds off to see the rest.", language.count(MAX_ROWS)),
                ) }</p>
            }
        </section>
    }
}

/// One report: its name and count, and its listed findings, labelled in
/// `language`.
fn render_report(
    id: ReportId,
    analysis: &SharedAnalysis,
    listed: &[&LintFinding],
    shown: usize,
    on_open_at: &Callback<(ReportId, TextRange)>,
    language: Language,
) -> Html {
    let name = display_file_name(&analysis.name);
    let warnings = listed.iter().filter(|f| f.severity == Severity::Warning).count();
    html! {
        <section class="lint-report" data-report={name.clone()}>
            <h4 class="lint-report-head">
                <span class="lint-report-name" lang={CONTENT_LANG} title={name.clone()}>{ &name }</span>
                <span class={classes!("lint-report-count", (warnings > 0).then_some("has-warnings"))}
                    title={language.pick(format!("其中警告 {warnings} 处"), format!("Warnings among them: {}", language.count(warnings)))}>
                    { language.things(shown, "处", "finding", "findings") }
                </span>
            </h4>
            if shown == 0 {
                <p class="lint-none">{ if analysis.lint.is_empty() {
                    language.pick("未发现问题", "Nothing found")
                } else {
                    language.pick("所选类别下没有", "None of the kinds chosen")
                } }</p>
            } else {
                <ol class="lint-findings">
                    { for listed.iter().map(|finding| render_finding(id, analysis, finding, on_open_at, language)) }
                </ol>
            }
        </section>
    }
}

/// One finding, a button that opens the reader at it, labelled in
/// `language`.
fn render_finding(
    id: ReportId,
    analysis: &SharedAnalysis,
    finding: &LintFinding,
    on_open_at: &Callback<(ReportId, TextRange)>,
    language: Language,
) -> Html {
    let range = finding.range;
    let severity = match finding.severity {
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    let place = language.place(&analysis.unit, finding.line);
    // The Chinese tooltip repeats the message; the English one leaves it to
    // the button's text, so that the tooltip holds no Chinese.
    let title = language.pick(
        format!("{place}：{}；点击在阅读区打开", language.finding(finding)),
        format!("{place}: click to open it in the reader"),
    );
    html! {
        <li>
            <button class={classes!("lint-finding", severity, finding.kind.is_formulation().then_some("serious"))}
                data-kind={lint_kind_id(finding.kind)} data-line={finding.line.to_string()}
                {title}
                onclick={on_open_at.reform(move |_: MouseEvent| (id, range))}>
                <span class="lint-finding-head">
                    <span class={classes!("severity-badge", severity)}>{ severity_label(finding.severity, language) }</span>
                    <span class="lint-kind-name">{ language.lint_kind(finding.kind) }</span>
                    <span class="lint-line">{ place }</span>
                </span>
                <span class="lint-finding-body">
                    <span class="lint-text" lang={CONTENT_LANG}>{ &finding.text }</span>
                    if let Some(suggestion) = &finding.suggestion {
                        <span class="lint-arrow" aria-label={language.pick("建议改为", "change to")}>{ "→" }</span>
                        <span class="lint-suggestion" lang={CONTENT_LANG}>{ suggestion }</span>
                    }
                    <span class="lint-message">{ language.finding(finding) }</span>
                </span>
            </button>
        </li>
    }
}
