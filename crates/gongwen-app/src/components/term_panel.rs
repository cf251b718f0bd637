//! The 词表 view (词表统计): a researcher's word list — pasted, typed, loaded
//! from a file (UTF-8 or GBK) or the sample one — counted in every loaded
//! report. One row per report with its year and unit, a column per term and
//! per category, counts or densities per 10,000 characters, sorted by any
//! column; a count opens the concordance of its term; the table exports as
//! CSV for Excel and WPS. The list is kept in the browser for next time.
//!
//! Counting runs on the page thread a few dozen reports per task (one pass
//! of the list's table over each text), and only for reports not counted
//! yet with this list, so that a thousand reports never freeze the page.
//!
//! The view speaks the page's language; the terms, categories, file names
//! and units are the list's and the reports' own, and the CSV export stays
//! in Chinese (a data contract).

use std::collections::HashMap;
use std::rc::Rc;

use gongwen_core::diagnostic::Diagnostic;
use gongwen_core::file_name::display_file_name;
use gongwen_core::term_counts::{MAX_TERMS, TermCountRecord, TermList, TermListError, term_counts_csv};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::download::download;
use crate::i18n::{CONTENT_LANG, Language, use_language};
use crate::local_storage;
use crate::protocol::ReportId;
use crate::state::{AnalysedReports, SharedAnalysis};
use crate::tasks::{Runs, in_tasks};
use crate::term_table::{
    Column, MAX_TERM_COLUMNS, Measure, SAMPLE_TERM_LIST, STORAGE_KEY, TermRow, cell_text, number_in, sorted_rows,
};

/// Reports counted per task.
const REPORTS_PER_TASK: usize = 40;

/// Properties of [`TermPanel`].
#[derive(Properties, PartialEq)]
pub struct TermPanelProps {
    /// Every analysed report, in list order.
    pub reports: AnalysedReports,
    /// Called with a term to look up in every report.
    pub on_word: Callback<String>,
}

/// The list in use, numbered so that a new one (even with the same terms)
/// recounts.
#[derive(Clone)]
struct AppliedList {
    version: u64,
    list: Rc<TermList>,
}

impl PartialEq for AppliedList {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

/// Why a list could not be used.
#[derive(Debug, Clone, PartialEq)]
enum ListError {
    /// The list itself (the core's reason).
    List(TermListError),
    /// A file in an encoding the page does not read.
    Undecodable,
    /// A file the browser could not read.
    Unreadable,
}

impl ListError {
    /// What went wrong, in `language`.
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (ListError::List(error), Language::Chinese) => error.to_string(),
            (ListError::List(TermListError::Empty), Language::English) => {
                "The list has no terms: write one term per line, optionally followed by a tab and its category"
                    .to_owned()
            }
            (ListError::List(TermListError::TooManyTerms(count)), Language::English) => format!(
                "The list has {} terms, more than the limit of {}",
                language.count(*count),
                language.count(MAX_TERMS)
            ),
            (ListError::Undecodable, _) => language
                .pick(
                    "词表文件的编码无法识别：请存为 UTF-8 或 GBK 纯文本",
                    "The list file's encoding is not recognised: save it as UTF-8 or GBK plain text",
                )
                .to_owned(),
            (ListError::Unreadable, _) => {
                language.pick("词表文件无法读取", "The list file could not be read").to_owned()
            }
        }
    }
}

/// What parsing the draft said.
#[derive(Clone, PartialEq, Default)]
struct ListNotes {
    error: Option<ListError>,
    diagnostics: Vec<Diagnostic>,
}

/// The counts made with the list of `version`, by report, each with the
/// analysis it was made from (a report analysed again is counted again).
#[derive(Default)]
struct CountCache {
    version: u64,
    by_report: HashMap<ReportId, (SharedAnalysis, Rc<TermCountRecord>)>,
}

/// The counted rows, in list order, and how far counting has come.
#[derive(Clone, PartialEq, Default)]
struct Counted {
    rows: Vec<TermRow>,
    done: usize,
    total: usize,
}

/// Parses `text` into the list to apply, or says why it cannot be.
fn parse_list(text: &str, version: u64) -> (Option<AppliedList>, ListNotes) {
    match TermList::parse(text) {
        Ok((list, diagnostics)) => {
            (Some(AppliedList { version, list: Rc::new(list) }), ListNotes { error: None, diagnostics })
        }
        Err(error) => (None, ListNotes { error: Some(ListError::List(error)), diagnostics: Vec::new() }),
    }
}

/// The text of a word-list file: UTF-8, UTF-16 with its byte order mark,
/// or GBK/GB18030, decoded by the browser (the page leaves the core's
/// decoder and its tables to the analysis workers).
fn decode_text_file(bytes: &js_sys::Uint8Array) -> Result<String, ListError> {
    let first = |n: u32| bytes.subarray(0, n.min(bytes.length())).to_vec();
    let label = match first(3).as_slice() {
        [0xFF, 0xFE, ..] => "utf-16le",
        [0xFE, 0xFF, ..] => "utf-16be",
        _ => "utf-8",
    };
    let decode = |label: &str| -> Option<String> {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(true);
        web_sys::TextDecoder::new_with_label_and_options(label, &options).ok()?.decode_with_buffer_source(bytes).ok()
    };
    decode(label)
        .or_else(|| (label == "utf-8").then(|| decode("gb18030")).flatten())
        .map(|text| text.strip_prefix('\u{FEFF}').map(str::to_owned).unwrap_or(text))
        .ok_or(ListError::Undecodable)
}

/// The 词表 view.
#[component]
pub fn TermPanel(props: &TermPanelProps) -> Html {
    let language = use_language();
    let stored = use_memo((), |()| local_storage::read(STORAGE_KEY).unwrap_or_default());
    let draft = use_state(|| (*stored).clone());
    let applied_and_notes =
        use_state(|| if stored.trim().is_empty() { (None, ListNotes::default()) } else { parse_list(&stored, 1) });
    let (applied, notes) = (*applied_and_notes).clone();
    let measure = use_state(Measure::default);
    let column = use_state(Column::default);
    let cache = use_mut_ref(CountCache::default);
    let runs = use_memo((), |()| Runs::default());
    let counted = use_state(Counted::default);

    // Count the reports not counted yet with the list in use, a few per task.
    {
        let cache = cache.clone();
        let counted = counted.clone();
        let runs = (*runs).clone();
        use_effect_with((applied.clone(), props.reports.clone()), move |(applied, reports)| {
            let current = runs.start();
            match applied.clone() {
                None => counted.set(Counted::default()),
                Some(AppliedList { version, list }) => {
                    let reports = reports.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        {
                            let mut cache = cache.borrow_mut();
                            if cache.version != version {
                                cache.version = version;
                                cache.by_report.clear();
                            }
                        }
                        let missing: Vec<&(ReportId, SharedAnalysis)> = reports
                            .iter()
                            .filter(|(id, analysis)| {
                                cache
                                    .borrow()
                                    .by_report
                                    .get(id)
                                    .is_none_or(|(counted_from, _)| counted_from != analysis)
                            })
                            .collect();
                        let total = reports.len();
                        let already = total - missing.len();
                        let finished = in_tasks(
                            &missing,
                            REPORTS_PER_TASK,
                            || runs.is_current(current),
                            // The last counts stay in view until these are done.
                            |done| counted.set(Counted { rows: counted.rows.clone(), done: already + done, total }),
                            |chunk| {
                                let mut cache = cache.borrow_mut();
                                for (id, analysis) in chunk {
                                    let record = TermCountRecord::of(&list, analysis.reading());
                                    cache.by_report.insert(*id, (analysis.clone(), Rc::new(record)));
                                }
                            },
                        )
                        .await;
                        let cache = cache.borrow();
                        if finished {
                            let rows = reports
                                .iter()
                                .filter_map(|(id, _)| cache.by_report.get(id).map(|(_, record)| (*id, record.clone())))
                                .collect();
                            counted.set(Counted { rows, done: total, total });
                        }
                    });
                }
            }
        });
    }

    let apply_text = {
        let applied_and_notes = applied_and_notes.clone();
        let draft = draft.clone();
        move |text: String| {
            let version = applied_and_notes.0.as_ref().map_or(1, |applied| applied.version + 1);
            let (list, notes) = parse_list(&text, version);
            if list.is_some() {
                local_storage::write(STORAGE_KEY, &text);
            }
            draft.set(text);
            // A list that cannot be used leaves the counts of the last one.
            let keep = applied_and_notes.0.clone();
            applied_and_notes.set((list.or(keep), notes));
        }
    };
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            draft.set(area.value());
        })
    };
    let on_apply = {
        let apply_text = apply_text.clone();
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| apply_text((*draft).clone()))
    };
    let on_sample = {
        let apply_text = apply_text.clone();
        Callback::from(move |_: MouseEvent| apply_text(SAMPLE_TERM_LIST.to_owned()))
    };
    let on_file = {
        let applied_and_notes = applied_and_notes.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            input.set_value("");
            let apply_text = apply_text.clone();
            let applied_and_notes = applied_and_notes.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => decode_text_file(&js_sys::Uint8Array::new(&buffer)),
                    Err(_) => Err(ListError::Unreadable),
                };
                match text {
                    Ok(text) => apply_text(text),
                    Err(message) => {
                        let notes = ListNotes { error: Some(message), diagnostics: Vec::new() };
                        applied_and_notes.set((applied_and_notes.0.clone(), notes));
                    }
                }
            });
        })
    };
    let on_measure = {
        let measure = measure.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            measure.set(if select.value() == "density" { Measure::Density } else { Measure::Count });
        })
    };
    let on_export = {
        let applied = applied.clone();
        let counted = counted.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(AppliedList { list, .. }) = &applied else { return };
            let records: Vec<TermCountRecord> = counted.rows.iter().map(|(_, record)| (**record).clone()).collect();
            if let Err(error) = download("词表统计.csv", "text/csv;charset=utf-8", &term_counts_csv(list, &records))
            {
                web_sys::console::error_2(&"gongwen: could not export the word-list counts".into(), &error);
            }
        })
    };
    // A column's header; `lang` for a term's, which shows the list's own text.
    let sort_header = |target: Column, label: Html, title: String, lang: Option<&'static str>| {
        let column = column.clone();
        let active = *column == target;
        let sort = if active && target != Column::Report { "descending" } else { "none" };
        html! {
            <th aria-sort={sort} {title} {lang}>
                <button class={classes!("sort-button", active.then_some("active"))}
                    onclick={Callback::from(move |_: MouseEvent| column.set(target))}>{ label }</button>
            </th>
        }
    };
    let rows = sorted_rows(counted.rows.clone(), *column, *measure);
    let (term_columns, category_columns) = applied
        .as_ref()
        .map_or((0, 0), |applied| (applied.list.terms.len().min(MAX_TERM_COLUMNS), applied.list.categories.len()));
    let unit_label = match *measure {
        Measure::Density => language.pick("每万字", "per 10,000 characters"),
        Measure::Count => language.pick("次", "occurrences"),
    };

    html! {
        <section class="term-panel" aria-label={language.pick("词表统计", "Word list counts")}>
            <div class="term-input">
                <textarea rows="5" aria-label={language.pick("词表", "Word list")} value={(*draft).clone()} oninput={on_input}
                    placeholder={language.pick(
                        "每行一个词；可在词后加制表符和类别（从表格复制两列粘贴即可），如：\n数字经济\t数字化\n生态环境\t绿色发展",
                        "One term per line, optionally followed by a tab and its category (paste two columns from a spreadsheet)",
                    )} />
                <div class="term-actions">
                    <button class="primary" onclick={on_apply}>{ language.pick("统计", "Count") }</button>
                    <button onclick={on_sample} title={language.pick("党建述职常用的几个词，供试用", "A few terms common in Party-building reports, to try")}>
                        { language.pick("示例词表", "Sample list") }
                    </button>
                    <label class="file-button" title={language.pick("纯文本，UTF-8 或 GBK 编码", "Plain text, UTF-8 or GBK")}>
                        { language.pick("载入词表文件…", "Load a list file…") }
                        <input type="file" accept=".txt,.tsv,.csv,text/plain" onchange={on_file} />
                    </label>
                    <select onchange={on_measure} aria-label={language.pick("显示", "Show")}>
                        <option value="count" selected={*measure == Measure::Count}>{ language.pick("次数", "Counts") }</option>
                        <option value="density" selected={*measure == Measure::Density}>{ language.pick("每万字", "Per 10k") }</option>
                    </select>
                    <button onclick={on_export} disabled={counted.rows.is_empty()}
                        title={language.pick(
                            "报告 × 词的表格（含每万字频次），可用 Excel、WPS 打开",
                            "The reports × terms table (with rates per 10,000 characters), for Excel or WPS",
                        )}>
                        { language.pick("导出 CSV", "Export CSV") }
                    </button>
                </div>
            </div>
            if let Some(error) = &notes.error {
                <p class="panel-note term-error" role="alert">{ error.message(language) }</p>
            }
            if !notes.diagnostics.is_empty() {
                <ul class="term-notes">
                    { for notes.diagnostics.iter().map(|d| html! { <li>{ language.diagnostic(d) }</li> }) }
                </ul>
            }
            if counted.done < counted.total {
                <p class="panel-note" role="status">{ language.pick(
                    format!("正在统计：{} / {} 份报告", counted.done, counted.total),
                    format!("Counting: {} / {} reports", language.count(counted.done), language.count(counted.total)),
                ) }</p>
            }
            if let Some(AppliedList { list, .. }) = &applied {
                <div class="term-table-wrap">
                    <table class="score-table term-table">
                        <thead><tr>
                            { sort_header(
                                Column::Report,
                                html! { language.pick("报告", "Report") },
                                language.pick("按报告列表的顺序", "In the order of the report list").to_owned(),
                                None,
                            ) }
                            { sort_header(
                                Column::Year,
                                html! { language.pick("年份", "Year") },
                                language.pick("从标题、日期或文件名读出的年份", "The year read from the title, date or file name").to_owned(),
                                None,
                            ) }
                            { sort_header(
                                Column::Unit,
                                html! { language.pick("单位", "Unit") },
                                language.pick("从标题或文件名读出的单位或署名", "The unit or author read from the title or file name").to_owned(),
                                None,
                            ) }
                            { sort_header(
                                Column::Chars,
                                html! { language.pick("字数", "Characters") },
                                language.pick("正文字数，不计空白", "Characters of the text, whitespace not counted").to_owned(),
                                None,
                            ) }
                            { for list.terms.iter().take(term_columns).enumerate().map(|(index, term)| {
                                let title = term.category.and_then(|c| list.categories.get(c))
                                    .map_or_else(|| term.text.clone(), |category| format!("{}（{category}）", term.text));
                                sort_header(Column::Term(index), html! { term.text.clone() }, title, Some(CONTENT_LANG))
                            }) }
                            { for list.categories.iter().enumerate().map(|(index, category)| {
                                let label = html! {
                                    <>{ language.pick("类：", "Category: ") }<span lang={CONTENT_LANG}>{ category }</span></>
                                };
                                let title = language.pick(format!("类别「{category}」下各词之和"), "The sum of the category's terms".to_owned());
                                sort_header(Column::Category(index), label, title, None)
                            }) }
                        </tr></thead>
                        <tbody>
                            { for rows.iter().map(|(_, record)| {
                                let name = display_file_name(&record.file);
                                let number = |column: Column| number_in(record, column, *measure).map(|v| cell_text(v, *measure)).unwrap_or_default();
                                html! {
                                    <tr>
                                        <td class="file-cell" lang={CONTENT_LANG} title={name.clone()}>{ name }</td>
                                        <td class="number">{ record.year.map(|y| y.to_string()).unwrap_or_default() }</td>
                                        <td lang={CONTENT_LANG}>{ record.unit.clone().unwrap_or_default() }</td>
                                        <td class="number">{ record.chars }</td>
                                        { for (0..term_columns).map(|index| {
                                            let term = list.terms[index].text.clone();
                                            let count = record.counts.0.get(index).map_or(0, |(_, count)| *count);
                                            let title = language.pick(
                                                format!("{term}：{count} 次，点击查看用例"),
                                                format!("{}; click to see them in context", language.things(count, "次", "occurrence", "occurrences")),
                                            );
                                            html! {
                                                <td class={classes!("number", "term-count", (count == 0).then_some("zero"))} {title}
                                                    onclick={props.on_word.reform(move |_: MouseEvent| term.clone())}>
                                                    { number(Column::Term(index)) }
                                                </td>
                                            }
                                        }) }
                                        { for (0..category_columns).map(|index| html! {
                                            <td class="number category-count">{ number(Column::Category(index)) }</td>
                                        }) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
                if list.terms.len() > MAX_TERM_COLUMNS {
                    <p class="panel-note">{ language.pick(
                        format!("词表有 {} 个词，这里列出前 {MAX_TERM_COLUMNS} 个；导出 CSV 可看全部。", list.terms.len()),
                        format!(
                            "The list has {} terms; the first {MAX_TERM_COLUMNS} are shown here. Export the CSV to see them all.",
                            language.count(list.terms.len()),
                        ),
                    ) }</p>
                }
                <p class="panel-note">{ language.pick(
                    format!(
                        "单位：{unit_label}。词次是该词在正文中出现的次数（从左到右不重叠计数，与 Python 的 str.count 相同；分词是否切开不影响），类别是其下各词之和；每万字 = 词次 ÷ 字数 × 10000，字数不计空白。点击数字查看该词在各报告中的用例。"
                    ),
                    format!(
                        "Unit: {unit_label}. A term's count is how often it occurs in the text (left to right without overlaps, \
                         as Python's str.count; word segmentation makes no difference); a category's is the sum of its terms'; \
                         per 10,000 characters = count ÷ characters × 10,000, whitespace not counted. Click a number to see the \
                         term in context in each report."
                    ),
                ) }</p>
            } else if notes.error.is_none() {
                <p class="panel-note">{ language.pick(
                    "粘贴或载入一份词表（如数字经济、生态环境等政策词），点击「统计」，得到每份报告中各词、各类别的次数与每万字频次，可导出 CSV 做进一步分析。",
                    "Paste or load a word list (policy terms such as the digital economy or the environment), click “Count”, and \
                     get each report's count and rate per 10,000 characters of every term and category, to export as CSV for \
                     further analysis.",
                ) }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_errors_are_told_in_either_language() {
        let empty = ListError::List(TermListError::Empty);
        assert_eq!(empty.message(Language::Chinese), TermListError::Empty.to_string());
        assert!(empty.message(Language::English).starts_with("The list has no terms"));
        assert_eq!(
            ListError::List(TermListError::TooManyTerms(12_000)).message(Language::English),
            format!("The list has 12,000 terms, more than the limit of {}", Language::English.count(MAX_TERMS))
        );
        assert_eq!(ListError::Unreadable.message(Language::Chinese), "词表文件无法读取");
    }
}
