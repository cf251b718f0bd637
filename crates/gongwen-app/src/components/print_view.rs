//! The pages 「打印摘要」 prints: one per report (`print_summary.rs`), shown
//! only in print (`@media print` in `www/style.css` hides the page around
//! them and breaks a page after each). Drawn only once asked for, so that a
//! thousand reports cost nothing until then.

use gongwen_core::file_name::display_file_name;
use yew::prelude::*;

use crate::print_summary::PrintSummary;

/// Properties of [`PrintView`].
#[derive(Properties, PartialEq)]
pub struct PrintViewProps {
    /// One page per report, in list order.
    pub pages: std::rc::Rc<Vec<PrintSummary>>,
}

/// A share as a percentage to 0.1.
fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// The pages to print.
#[component]
pub fn PrintView(props: &PrintViewProps) -> Html {
    html! {
        <div class="print-view" aria-hidden="true">
            { for props.pages.iter().map(|page| {
                let row = &page.row;
                let title = row.title.clone().unwrap_or_else(|| display_file_name(&row.file));
                let mut facts = vec![format!("文件：{}", display_file_name(&row.file))];
                if let Some(year) = row.year { facts.push(format!("{year} 年")); }
                if let Some(unit) = &row.unit { facts.push(unit.clone()); }
                facts.push(format!("{} 字", row.chars));
                facts.push(format!("章节 {} · 要点 {}", row.sections, row.points));
                facts.push(format!("数据 {}（每千字 {:.2}，隐去 {}）", row.figures, row.figures_per_thousand, row.redactions));
                facts.push(format!("问题占比 {}", row.problems_share.map_or_else(|| "无".to_owned(), percent)));
                if let Some(own) = page.own_share { facts.push(format!("自有文字 {}", percent(own))); }
                facts.push(format!("校对 {} 处（警告 {}）", row.lint, row.lint_warnings));
                html! {
                    <article class="print-report">
                        <h1>{ title }</h1>
                        <p class="print-facts">{ facts.join(" · ") }</p>
                        <section>
                            <h2>{ "大纲" }</h2>
                            <ul class="print-outline">
                                { for page.headings.iter().map(|(level, text)| html! {
                                    <li class={format!("level-{level}")}>{ text }</li>
                                }) }
                            </ul>
                        </section>
                        <section>
                            <h2>{ "结构" }</h2>
                            <p>{ if page.parts.is_empty() { "未识别出成效、问题、打算部分".to_owned() } else {
                                page.parts.iter().map(|(name, share, chars)| format!("{name} {}（{chars} 字）", percent(*share))).collect::<Vec<_>>().join("；")
                            } }</p>
                        </section>
                        <section>
                            <h2>{ "实绩数据" }</h2>
                            <table class="print-table">
                                { for page.figures.iter().map(|(text, subject)| html! { <tr><td>{ text }</td><td>{ subject }</td></tr> }) }
                            </table>
                            if page.more_figures > 0 { <p class="print-more">{ format!("另有 {} 个数据", page.more_figures) }</p> }
                        </section>
                        <section>
                            <h2>{ "校对" }</h2>
                            <table class="print-table">
                                { for page.findings.iter().map(|(line, kind, text, message)| html! {
                                    <tr><td>{ format!("第 {line} 行") }</td><td>{ *kind }</td><td>{ text }</td><td>{ message }</td></tr>
                                }) }
                            </table>
                            if page.more_findings > 0 { <p class="print-more">{ format!("另有 {} 处", page.more_findings) }</p> }
                        </section>
                        <section>
                            <h2>{ "共有段落" }</h2>
                            { match &page.passages {
                                None => html! { <p class="print-more">{ "未比对（在「比对」中比对后打印可列出）" }</p> },
                                Some(passages) if passages.is_empty() => html! { <p>{ "没有与其他报告共有的段落" }</p> },
                                Some(passages) => html! {
                                    <ol class="print-passages">
                                        { for passages.iter().map(|passage| html! {
                                            <li>{ format!("{} 字，与 {} 共有：{}", passage.chars, passage.with.join("、"), passage.text) }</li>
                                        }) }
                                    </ol>
                                },
                            } }
                        </section>
                    </article>
                }
            }) }
        </div>
    }
}
