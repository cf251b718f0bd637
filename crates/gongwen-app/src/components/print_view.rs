//! The pages 「打印摘要」 prints: one per report (`print_summary.rs`), shown
//! only in print (`@media print` in `www/style.css` hides the page around
//! them and breaks a page after each). Drawn only once asked for, so that a
//! thousand reports cost nothing until then. The labels follow the page's
//! language; the reports' own text (title, file name, unit, headings,
//! figures, findings, passages) is printed as it is, marked as Chinese.

use gongwen_core::file_name::display_file_name;
use yew::prelude::*;

use crate::i18n::{CONTENT_LANG, Language, english_things, use_language};
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

/// One fact of a page's overview line: a label in the page's language,
/// followed by text taken from the report, if any.
#[derive(Debug, Clone, PartialEq)]
struct Fact {
    /// The label (the whole fact when it has no content).
    label: String,
    /// The report's own text that follows the label.
    content: Option<String>,
}

impl Fact {
    /// A fact that is all label.
    fn label(label: String) -> Self {
        Self { label, content: None }
    }

    /// A label followed by the report's own text.
    fn with_content(label: &str, content: String) -> Self {
        Self { label: label.to_owned(), content: Some(content) }
    }
}

/// The facts of a page's overview line, in order.
fn facts(page: &PrintSummary, language: Language) -> Vec<Fact> {
    let row = &page.row;
    let mut facts = vec![Fact::with_content(language.pick("文件：", "File: "), display_file_name(&row.file))];
    if let Some(year) = row.year {
        facts.push(Fact::label(language.pick(format!("{year} 年"), year.to_string())));
    }
    if let Some(unit) = &row.unit {
        facts.push(Fact::with_content("", unit.clone()));
    }
    facts.push(Fact::label(language.things(row.chars, "字", "character", "characters")));
    facts.push(Fact::label(language.pick(
        format!("章节 {} · 要点 {}", row.sections, row.points),
        format!(
            "{} · {}",
            english_things(row.sections, "section", "sections"),
            english_things(row.points, "point", "points")
        ),
    )));
    facts.push(Fact::label(language.pick(
        format!("数据 {}（每千字 {:.2}，隐去 {}）", row.figures, row.figures_per_thousand, row.redactions),
        format!(
            "{} ({:.2} per 1,000 characters, {} hidden)",
            english_things(row.figures, "figure", "figures"),
            row.figures_per_thousand,
            language.count(row.redactions)
        ),
    )));
    facts.push(Fact::label(match row.problems_share {
        Some(share) => {
            language.pick(format!("问题占比 {}", percent(share)), format!("Problems share {}", percent(share)))
        }
        None => language.pick("问题占比 无", "No problems part").to_owned(),
    }));
    if let Some(own) = page.own_share {
        facts.push(Fact::label(
            language.pick(format!("自有文字 {}", percent(own)), format!("Own text {}", percent(own))),
        ));
    }
    facts.push(Fact::label(language.pick(
        format!("校对 {} 处（警告 {}）", row.lint, row.lint_warnings),
        format!(
            "{} ({})",
            english_things(row.lint, "proofing finding", "proofing findings"),
            english_things(row.lint_warnings, "warning", "warnings")
        ),
    )));
    facts
}

/// The 结构 line: each part's share and characters.
fn parts_line(page: &PrintSummary, language: Language) -> String {
    if page.parts.is_empty() {
        return language
            .pick("未识别出成效、问题、打算部分", "No achievements, problems or plans parts found")
            .to_owned();
    }
    page.parts
        .iter()
        .map(|(part, share, chars)| {
            language.pick(
                format!("{} {}（{chars} 字）", language.part(*part), percent(*share)),
                format!(
                    "{} {} ({})",
                    language.part(*part),
                    percent(*share),
                    language.things(*chars, "字", "character", "characters")
                ),
            )
        })
        .collect::<Vec<_>>()
        .join(language.pick("；", "; "))
}

/// The pages to print.
#[component]
pub fn PrintView(props: &PrintViewProps) -> Html {
    let language = use_language();
    html! {
        <div class="print-view" aria-hidden="true">
            { for props.pages.iter().map(|page| {
                let row = &page.row;
                let title = row.title.clone().unwrap_or_else(|| display_file_name(&row.file));
                html! {
                    <article class="print-report">
                        <h1 lang={CONTENT_LANG}>{ title }</h1>
                        <p class="print-facts">
                            { for facts(page, language).into_iter().enumerate().map(|(index, fact)| html! {
                                <>
                                    if index > 0 { { " · " } }
                                    { fact.label }
                                    if let Some(content) = fact.content { <span lang={CONTENT_LANG}>{ content }</span> }
                                </>
                            }) }
                        </p>
                        <section>
                            <h2>{ language.pick("大纲", "Outline") }</h2>
                            <ul class="print-outline" lang={CONTENT_LANG}>
                                { for page.headings.iter().map(|(level, text)| html! {
                                    <li class={format!("level-{level}")}>{ text }</li>
                                }) }
                            </ul>
                        </section>
                        <section>
                            <h2>{ language.pick("结构", "Structure") }</h2>
                            <p>{ parts_line(page, language) }</p>
                        </section>
                        <section>
                            <h2>{ language.pick("实绩数据", "Figures") }</h2>
                            <table class="print-table">
                                { for page.figures.iter().map(|(text, subject)| html! {
                                    <tr><td lang={CONTENT_LANG}>{ text }</td><td lang={CONTENT_LANG}>{ subject }</td></tr>
                                }) }
                            </table>
                            if page.more_figures > 0 {
                                <p class="print-more">{ language.pick(
                                    format!("另有 {} 个数据", page.more_figures),
                                    format!("{} more", english_things(page.more_figures, "figure", "figures")),
                                ) }</p>
                            }
                        </section>
                        <section>
                            <h2>{ language.pick("校对", "Proofing") }</h2>
                            <table class="print-table">
                                { for page.findings.iter().map(|(line, kind, text, message)| html! {
                                    <tr>
                                        <td>{ language.pick(format!("第 {line} 行"), format!("Line {line}")) }</td>
                                        <td>{ language.lint_kind(*kind) }</td>
                                        <td lang={CONTENT_LANG}>{ text }</td>
                                        <td lang={CONTENT_LANG}>{ message }</td>
                                    </tr>
                                }) }
                            </table>
                            if page.more_findings > 0 {
                                <p class="print-more">{ language.pick(
                                    format!("另有 {} 处", page.more_findings),
                                    format!("{} more", english_things(page.more_findings, "finding", "findings")),
                                ) }</p>
                            }
                        </section>
                        <section>
                            <h2>{ language.pick("共有段落", "Shared passages") }</h2>
                            { match &page.passages {
                                None => html! { <p class="print-more">{ language.pick(
                                    "未比对（在「比对」中比对后打印可列出）",
                                    "Not compared (run Compare before printing to list them)",
                                ) }</p> },
                                Some(passages) if passages.is_empty() => html! {
                                    <p>{ language.pick("没有与其他报告共有的段落", "No passages shared with other reports") }</p>
                                },
                                Some(passages) => html! {
                                    <ol class="print-passages">
                                        { for passages.iter().map(|passage| html! {
                                            <li>
                                                { language.pick(
                                                    format!("{} 字，与 ", passage.chars),
                                                    format!("{}, shared with ", language.things(passage.chars, "字", "character", "characters")),
                                                ) }
                                                <span lang={CONTENT_LANG}>{ passage.with.join(language.pick("、", ", ")) }</span>
                                                { language.pick(" 共有：", ": ") }
                                                <span lang={CONTENT_LANG}>{ &passage.text }</span>
                                            </li>
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether a text holds a CJK character.
    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c))
    }

    /// The page of a small report.
    fn page() -> PrintSummary {
        let segmenter = gongwen_core::Segmenter::new().expect("the segmenter builds");
        let text = "2023年工作总结\n一、主要工作\n全年开展学习12次，走访群众300户。\n二、存在问题\n学习不够深入。\n三、下步打算\n继续加强学习。\n";
        let analysis = gongwen_core::analyze_report("a.txt", text.as_bytes(), &segmenter).expect("analysed");
        PrintSummary::of(&analysis, None, Some(0.25))
    }

    #[test]
    fn the_overview_line_is_labelled_in_either_language() {
        let page = page();
        let chinese: Vec<String> = facts(&page, Language::Chinese)
            .into_iter()
            .map(|fact| format!("{}{}", fact.label, fact.content.unwrap_or_default()))
            .collect();
        assert_eq!(chinese[0], "文件：a.txt");
        assert!(chinese.contains(&"自有文字 25.0%".to_owned()), "{chinese:?}");
        let english = facts(&page, Language::English);
        assert_eq!(english[0], Fact::with_content("File: ", "a.txt".to_owned()));
        assert!(english.iter().any(|fact| fact.label == "Own text 25.0%"), "{english:?}");
        assert!(english.iter().all(|fact| !has_chinese(&fact.label)), "{english:?}");
        assert_eq!(english.len(), chinese.len());
    }

    #[test]
    fn the_structure_line_names_the_parts_in_either_language() {
        let page = page();
        assert!(parts_line(&page, Language::Chinese).contains("问题"), "{}", parts_line(&page, Language::Chinese));
        let english = parts_line(&page, Language::English);
        assert!(english.contains("Problems") && !has_chinese(&english), "{english}");
        let empty = PrintSummary { parts: Vec::new(), ..page };
        assert_eq!(parts_line(&empty, Language::Chinese), "未识别出成效、问题、打算部分");
        assert!(!has_chinese(&parts_line(&empty, Language::English)));
    }
}
