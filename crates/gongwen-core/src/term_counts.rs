//! Word-list counts (词表统计): how often each term of a researcher's word
//! list, and each of its categories, occurs in every report, with densities
//! per 10,000 characters and the year and reporting unit of each report —
//! the panel that studies of 政府工作报告 build by hand (policy-attention
//! indices: 数字经济 or 生态环境 terms per city and year).
//!
//! A word list is plain text, one term a line, optionally a category after a
//! tab (`数字经济\t数字化`); empty lines and lines starting with `#` are
//! skipped. A term's count is the number of times its string occurs in the
//! cleaned text, counted from the left without overlapping itself (what
//! Python's `str.count` gives), whether or not segmentation keeps it whole;
//! different terms may overlap (数字经济 and 经济 both count in 数字经济). A
//! category's count is the sum of its terms' counts.

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::analysis::Reading;
use crate::compare::year_over_year::{file_stem, strip_years};
use crate::csv::CsvTable;
use crate::diagnostic::Diagnostic;
use crate::pattern_search::PatternTable;

/// The most terms a list may hold.
pub const MAX_TERMS: usize = 10_000;

/// The longest term, in characters.
pub const MAX_TERM_CHARS: usize = 100;

/// One term of a word list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The string counted.
    pub text: String,
    /// Its category's index in [`TermList::categories`], if it has one.
    pub category: Option<usize>,
}

/// A parsed word list: its terms in the order given, each once, and its
/// categories in the order first named.
#[derive(Debug, Clone)]
pub struct TermList {
    /// The terms.
    pub terms: Vec<Term>,
    /// The categories' names.
    pub categories: Vec<String>,
    /// Every term's string as one table, searched once per report.
    table: PatternTable,
}

impl PartialEq for TermList {
    fn eq(&self, other: &Self) -> bool {
        self.terms == other.terms && self.categories == other.categories
    }
}

/// Why a word list cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermListError {
    /// No term in it.
    Empty,
    /// More terms than [`MAX_TERMS`].
    TooManyTerms(usize),
}

impl fmt::Display for TermListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TermListError::Empty => write!(f, "词表里没有词：每行写一个词，可在词后加制表符和类别"),
            TermListError::TooManyTerms(count) => write!(f, "词表有 {count} 个词，超过 {MAX_TERMS} 个的上限"),
        }
    }
}

impl std::error::Error for TermListError {}

impl TermList {
    /// Parses a word list. Lines it cannot use (a duplicate term, a term too
    /// long, fields after the category) are skipped or trimmed with a
    /// diagnostic naming the line; a list with no term is an error.
    pub fn parse(text: &str) -> Result<(Self, Vec<Diagnostic>), TermListError> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut terms: Vec<Term> = Vec::new();
        let mut categories: Vec<String> = Vec::new();
        let mut diagnostics = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (index, line) in text.lines().enumerate() {
            let line_number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let term = fields.next().unwrap_or("").trim();
            let category = fields.next().map(str::trim).filter(|c| !c.is_empty());
            if fields.any(|extra| !extra.trim().is_empty()) {
                diagnostics.push(Diagnostic::warning(
                    "term-extra-fields",
                    format!("第 {line_number} 行类别之后还有内容，已忽略"),
                    format!("Line {line_number}: text after the category, ignored"),
                    Some(line_number),
                ));
            }
            if term.is_empty() {
                diagnostics.push(Diagnostic::warning(
                    "term-empty",
                    format!("第 {line_number} 行只有类别没有词，已跳过"),
                    format!("Line {line_number}: a category without a term, skipped"),
                    Some(line_number),
                ));
                continue;
            }
            if term.chars().count() > MAX_TERM_CHARS {
                diagnostics.push(Diagnostic::warning(
                    "term-too-long",
                    format!("第 {line_number} 行的词超过 {MAX_TERM_CHARS} 个字，已跳过"),
                    format!("Line {line_number}: a term longer than {MAX_TERM_CHARS} characters, skipped"),
                    Some(line_number),
                ));
                continue;
            }
            if !seen.insert(term.to_owned()) {
                diagnostics.push(Diagnostic::info(
                    "term-duplicate",
                    format!("第 {line_number} 行的「{term}」已在前面出现，只计一次"),
                    format!("Line {line_number}: a term listed before, counted once"),
                    Some(line_number),
                ));
                continue;
            }
            let category = category.map(|name| match categories.iter().position(|c| c == name) {
                Some(position) => position,
                None => {
                    categories.push(name.to_owned());
                    categories.len() - 1
                }
            });
            terms.push(Term { text: term.to_owned(), category });
            if terms.len() > MAX_TERMS {
                return Err(TermListError::TooManyTerms(text.lines().filter(|l| !l.trim().is_empty()).count()));
            }
        }
        if terms.is_empty() {
            return Err(TermListError::Empty);
        }
        let table = PatternTable::new(terms.iter().enumerate().map(|(row, term)| (row, term.text.as_str())));
        Ok((Self { terms, categories, table }, diagnostics))
    }

    /// How often each term occurs in `text`, by term.
    pub fn count_in(&self, text: &str) -> Vec<usize> {
        let mut counts = vec![0; self.terms.len()];
        for (row, _) in self.table.find_by_row(text) {
            counts[row] += 1;
        }
        counts
    }

    /// Each category's count: the sum of its terms' `counts`.
    pub fn category_counts(&self, counts: &[usize]) -> Vec<usize> {
        let mut sums = vec![0; self.categories.len()];
        for (term, count) in self.terms.iter().zip(counts) {
            if let Some(category) = term.category {
                sums[category] += count;
            }
        }
        sums
    }
}

/// One report's counts of a word list: what `gongwen count --json` prints
/// per file. The fields `file`, `year`, `chars`, `counts` and `categories`
/// are a contract: fields are added, never renamed or removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermCountRecord {
    /// The file's name or path.
    pub file: String,
    /// The year the report is for (title, date line, file name or opening
    /// words), if found.
    pub year: Option<u32>,
    /// The reporting unit or person, from the title or the file name
    /// (北京市 of 北京市2023年政府工作报告), if found.
    pub unit: Option<String>,
    /// Characters of the cleaned text, whitespace not counted: the base of
    /// the densities.
    pub chars: usize,
    /// Each term's count, in the list's order.
    pub counts: NamedValues<usize>,
    /// Each category's count, in the order first named.
    pub categories: NamedValues<usize>,
    /// Each term's occurrences per 10,000 characters, to 0.001.
    pub densities: NamedValues<f64>,
    /// Each category's occurrences per 10,000 characters, to 0.001.
    pub category_densities: NamedValues<f64>,
}

/// Values by name, in a fixed order, written as one JSON object whose keys
/// keep that order (a word list's order is the researcher's).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NamedValues<T>(pub Vec<(String, T)>);

impl<T: Serialize> Serialize for NamedValues<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl TermCountRecord {
    /// The counts of `list` in a report read ([`ReadReport::reading`](crate::ReadReport::reading),
    /// [`ReportAnalysis::reading`](crate::ReportAnalysis::reading)).
    pub fn of(list: &TermList, report: Reading<'_>) -> Self {
        let counts = list.count_in(&report.cleaned.text);
        let category_counts = list.category_counts(&counts);
        let density = |count: usize| per_ten_thousand(count, report.chars);
        let term_names = list.terms.iter().map(|term| term.text.clone());
        Self {
            file: report.name.to_owned(),
            year: report.year,
            unit: reporting_unit_of(report),
            chars: report.chars,
            counts: NamedValues(term_names.clone().zip(counts.iter().copied()).collect()),
            categories: NamedValues(list.categories.iter().cloned().zip(category_counts.iter().copied()).collect()),
            densities: NamedValues(term_names.zip(counts.iter().map(|&count| density(count))).collect()),
            category_densities: NamedValues(
                list.categories.iter().cloned().zip(category_counts.iter().map(|&count| density(count))).collect(),
            ),
        }
    }
}

/// `count` per 10,000 of `chars`, to 0.001 (0 for an empty report).
pub fn per_ten_thousand(count: usize, chars: usize) -> f64 {
    if chars == 0 { 0.0 } else { (count as f64 * 10_000.0 / chars as f64 * 1000.0).round() / 1000.0 }
}

/// The reports × terms table as CSV for Excel and WPS (UTF-8 with a byte
/// order mark, CRLF): file, unit, year, characters, then each term's count,
/// each category's count, each term's density and each category's density.
pub fn term_counts_csv(list: &TermList, records: &[TermCountRecord]) -> String {
    let mut table = CsvTable::new();
    let mut header: Vec<String> = ["文件", "单位", "年份", "字数"].map(str::to_owned).to_vec();
    header.extend(list.terms.iter().map(|term| term.text.clone()));
    header.extend(list.categories.iter().map(|category| format!("类别：{category}")));
    header.extend(list.terms.iter().map(|term| format!("{}（每万字）", term.text)));
    header.extend(list.categories.iter().map(|category| format!("类别：{category}（每万字）")));
    table.text_row(&header);
    for record in records {
        table.cell_text(&record.file);
        table.cell_text(record.unit.as_deref().unwrap_or(""));
        match record.year {
            Some(year) => table.cell_number(year),
            None => table.cell_text(""),
        }
        table.cell_number(record.chars);
        for (_, count) in record.counts.0.iter().chain(&record.categories.0) {
            table.cell_number(count);
        }
        for (_, density) in record.densities.0.iter().chain(&record.category_densities.0) {
            table.cell_number(density);
        }
        table.end_row();
    }
    table.finish()
}

/// Names of report genres, longest first: what a title or file name holds
/// after the reporting unit (北京市 | 政府工作报告).
const GENRE_NAMES: &[&str] = &[
    "抓基层党建工作述职报告",
    "党建工作述职报告",
    "述职述廉述德报告",
    "述职述责述廉报告",
    "述职述廉报告",
    "述责述廉报告",
    "政府工作报告",
    "年度工作总结",
    "工作总结报告",
    "述职报告",
    "述廉报告",
    "工作报告",
    "工作总结",
];

/// The reporting unit (or person) of a report: what its title, subtitle or
/// file name begins with before the genre's name ([`reporting_unit`]).
pub fn reporting_unit_of(report: Reading<'_>) -> Option<String> {
    let title = report.outline.title.as_ref().map(|title| title.text.as_str());
    let subtitle = report.outline.subtitle.as_ref().map(|subtitle| subtitle.text.as_str());
    [title, subtitle, Some(file_stem(report.name))].into_iter().flatten().find_map(reporting_unit)
}

/// The reporting unit (or person) a title or file name begins with: what
/// comes before the genre's name once years (2023年, 2023年度, 二〇二三年)
/// and separators are taken out, two to twenty characters with no digit.
fn reporting_unit(name: &str) -> Option<String> {
    let without_years = strip_years(name);
    let genre_at = GENRE_NAMES.iter().filter_map(|genre| without_years.find(genre)).min()?;
    let separators = |c: char| {
        c.is_whitespace()
            || matches!(c, '_' | '-' | '—' | '·' | '.' | '《' | '》' | '“' | '”' | '(' | ')' | '（' | '）')
    };
    let mut unit = without_years[..genre_at].trim_matches(separators);
    unit = unit.strip_prefix("关于").unwrap_or(unit);
    for suffix in ["上半年", "下半年", "年度", "全年", "的"] {
        unit = unit.strip_suffix(suffix).unwrap_or(unit);
    }
    let unit = unit.trim_matches(separators);
    let length = unit.chars().count();
    let plain = unit.chars().all(|c| c.is_alphabetic() || c == '·') && !unit.chars().any(|c| c.is_ascii_digit());
    ((2..=20).contains(&length) && plain).then(|| unit.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_come_from_titles_and_file_names() {
        let cases = [
            ("北京市2023年政府工作报告", Some("北京市")),
            ("2023_杭州_政府工作报告", Some("杭州")),
            ("市局2023年度述职报告", Some("市局")),
            ("某某县委书记抓基层党建工作述职报告", Some("某某县委书记")),
            ("关于二〇二三年度某某区工作总结", Some("某某区")),
            ("政府工作报告", None),
            ("2023年工作总结", None),
            ("seed-001", None),
            ("关于加强党建工作的意见", None),
        ];
        for (name, unit) in cases {
            assert_eq!(reporting_unit(name).as_deref(), unit, "{name}");
        }
    }

    #[test]
    fn terms_count_without_overlapping_themselves_and_categories_sum_them() {
        let (list, diagnostics) =
            TermList::parse("\u{FEFF}# 数字化\n数字经济\t数字化\n经济\t数字化\n哈哈\n\n经济\t其他\n")
                .expect("the list parses");
        assert_eq!(list.categories, ["数字化"]);
        assert_eq!(diagnostics.len(), 1, "the repeated 经济 is noted: {diagnostics:?}");
        assert_eq!(diagnostics[0].line, Some(6));
        let counts = list.count_in("发展数字经济，壮大实体经济。哈哈哈");
        assert_eq!(counts, [1, 2, 1]);
        assert_eq!(list.category_counts(&counts), [3]);
    }

    #[test]
    fn bad_lists_are_errors_or_diagnostics() {
        assert_eq!(TermList::parse("\n# 只有注释\n  \n").map(|_| ()), Err(TermListError::Empty));
        let long = "长".repeat(MAX_TERM_CHARS + 1);
        let (list, diagnostics) = TermList::parse(&format!("{long}\n\t类别\n生态环境\t生态\t多余")).expect("parses");
        assert_eq!(list.terms.len(), 1);
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["term-too-long", "term-empty", "term-extra-fields"]);
        let many: String = (0..=MAX_TERMS).map(|i| format!("词{i}\n")).collect();
        assert!(matches!(TermList::parse(&many), Err(TermListError::TooManyTerms(_))));
    }

    #[test]
    fn densities_are_per_ten_thousand_characters() {
        assert_eq!(per_ten_thousand(3, 20_000), 1.5);
        assert_eq!(per_ten_thousand(1, 3), 3333.333);
        assert_eq!(per_ten_thousand(5, 0), 0.0);
    }
}
