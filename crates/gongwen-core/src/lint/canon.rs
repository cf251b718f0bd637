//! Formulations quoted wrong: the checks against `data/canon.tsv`, a curated
//! table of canonical political formulations, each with its source.
//!
//! - A counted formulation whose listed members do not match its count
//!   (`三个自信：道路自信、理论自信、制度自信、文化自信`), or whose count is
//!   not the canonical one at all (`三个自信` where there are four).
//! - A wrong or misordered member: a named list (`四个意识：…`) with a member
//!   that is not one, or its members out of order; an unnamed list that is
//!   one member away from a canonical one (`学思想、强党性、重实践、见新功`).
//! - A near miss of a canonical phrase: one character added, dropped,
//!   changed or two swapped (`习近平新时代中国特色社会主意思想`).
//! - Wording outdated in the report's year (`以习近平同志为总书记的党中央`
//!   after 2016-10; `全面建成小康社会` as a goal still ahead after 2021-07),
//!   and a list in its earlier form (四个全面 led by 全面建成小康社会 after
//!   2020-10).
//!
//! The table is plain data read once ([`builtin`]); the checks are pure
//! functions over the cleaned text. They stay silent when unsure: an
//! unnamed list is only judged when most of its items are members already,
//! and near misses that are themselves other canonical forms are not flagged.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::pattern_search::{PatternTable, PhraseIndex};

use super::{LintFinding, LintKind};
use crate::clean::CleanedText;
use crate::diagnostic::Severity;
use crate::text::TextRange;

/// A year and month (`2016-10`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct YearMonth {
    /// The year.
    pub year: u32,
    /// The month, 1–12.
    pub month: u32,
}

impl YearMonth {
    fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.split_once('-')?;
        let (year, month): (u32, u32) = (year.parse().ok()?, month.parse().ok()?);
        ((1900..=2100).contains(&year) && (1..=12).contains(&month)).then_some(Self { year, month })
    }

    /// `2016年10月`.
    pub fn label(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

/// A named enumeration (四个意识: 政治意识、大局意识、核心意识、看齐意识).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CanonList {
    /// How reports name it (四个意识).
    pub name: String,
    /// Its members in canonical order.
    pub members: Vec<String>,
    /// When it took its current form.
    pub since: YearMonth,
    /// Its members before `since`, when it had an earlier form.
    pub before: Option<Vec<String>>,
    /// Where the canonical form is stated.
    pub source: String,
}

impl CanonList {
    /// The count its name states (4 for 四个意识), if it states one.
    pub fn stated_count(&self) -> Option<usize> {
        count_prefix(&self.name).map(|(count, _)| count)
    }
}

/// A fixed canonical wording (习近平新时代中国特色社会主义思想).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CanonPhrase {
    /// The wording.
    pub wording: String,
    /// When it took this form.
    pub since: YearMonth,
    /// Where it is stated.
    pub source: String,
}

/// A wording that was replaced (以习近平同志为总书记的党中央).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutdatedWording {
    /// The old wording.
    pub old: String,
    /// The wording that replaced it.
    pub current: String,
    /// From when the old wording is outdated.
    pub since: YearMonth,
    /// Outdated only as a goal still ahead (为全面建成小康社会而奋斗), not
    /// when it tells what was done.
    pub future_only: bool,
    /// Where the change is stated.
    pub source: String,
}

/// The whole table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CanonTable {
    /// Named enumerations.
    pub lists: Vec<CanonList>,
    /// Fixed wordings.
    pub phrases: Vec<CanonPhrase>,
    /// Replaced wordings.
    pub outdated: Vec<OutdatedWording>,
    /// Every way a list's name may be written: its own name, and for a
    /// counted name every other count (三个自信 for 四个自信), as (list
    /// index, written name, the other count).
    #[serde(skip)]
    written_names: Vec<(usize, String, Option<usize>)>,
    /// What the checks search every report for, built from the rows on first
    /// use rather than once per report.
    #[serde(skip)]
    search: LazySearch,
}

/// The table's search structures, built once: the canonical phrases whose
/// near misses are looked for, the counted names' stems and the outdated
/// wordings, each as one [`PatternTable`].
#[derive(Debug, Clone)]
struct CanonSearch {
    /// Canonical phrases of seven characters or more, with their sources,
    /// sorted and without repeats.
    phrases: Vec<(String, String)>,
    /// Each phrase's characters.
    phrase_chars: Vec<Vec<char>>,
    /// Every canonical form: the phrases, earlier list forms and outdated
    /// wordings (right in their time).
    canonical: HashSet<String>,
    /// Each phrase's head and tail, which one edit cannot both break.
    anchors: PhraseIndex<'static>,
    /// For each anchor: its phrase, whether it is the head, its characters.
    anchor_of: Vec<(usize, bool, usize)>,
    /// The phrases themselves, row = phrase index.
    exact: PatternTable,
    /// The stems of counted list names (意识 of 四个意识), row = list index.
    stems: PatternTable,
    /// The outdated wordings, row = index in [`CanonTable::outdated`].
    outdated: PatternTable,
    /// Every list's members and earlier members with 的 left out, row =
    /// list index: a list none of whose members a clause holds cannot be
    /// what the clause lists.
    members: PatternTable,
    /// The written names (indices into [`CanonTable::written_names`]) by
    /// their first and by their last character.
    names_by_first: HashMap<char, Vec<usize>>,
    names_by_last: HashMap<char, Vec<usize>>,
}

/// A [`CanonSearch`] made on first use. It follows from the table's rows,
/// so it takes no part in comparing tables.
#[derive(Debug, Clone, Default)]
struct LazySearch(OnceLock<CanonSearch>);

impl PartialEq for LazySearch {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl CanonSearch {
    fn new(table: &CanonTable) -> Self {
        let mut phrases: Vec<(String, String)> = Vec::new();
        let mut canonical: HashSet<String> = HashSet::new();
        for phrase in &table.phrases {
            phrases.push((phrase.wording.clone(), phrase.source.clone()));
        }
        for outdated in &table.outdated {
            phrases.push((outdated.current.clone(), outdated.source.clone()));
            canonical.insert(outdated.old.clone());
        }
        for list in &table.lists {
            for member in &list.members {
                phrases.push((member.clone(), list.source.clone()));
            }
            // An earlier form was right in its time (全面建设小康社会 in 2007).
            canonical.extend(list.before.iter().flatten().cloned());
        }
        phrases.retain(|(phrase, _)| phrase.chars().count() >= 7);
        phrases.sort();
        phrases.dedup_by(|a, b| a.0 == b.0);
        canonical.extend(phrases.iter().map(|(p, _)| p.clone()));
        let phrase_chars: Vec<Vec<char>> = phrases.iter().map(|(phrase, _)| phrase.chars().collect()).collect();
        let mut anchors: Vec<String> = Vec::new();
        let mut anchor_of: Vec<(usize, bool, usize)> = Vec::new();
        for (index, p) in phrase_chars.iter().enumerate() {
            let half = p.len() / 2;
            let head: String = p[..half - 1].iter().collect();
            let tail: String = p[half + 1..].iter().collect();
            anchor_of.push((index, true, head.chars().count()));
            anchors.push(head);
            anchor_of.push((index, false, tail.chars().count()));
            anchors.push(tail);
        }
        let anchors = PhraseIndex::owned(anchors);
        let exact = PatternTable::new(phrases.iter().map(|(phrase, _)| phrase.as_str()).enumerate());
        let stems = PatternTable::new(table.lists.iter().enumerate().filter_map(|(index, list)| {
            let (_, stem) = count_prefix(&list.name)?;
            (stem.chars().count() >= 2).then_some((index, stem))
        }));
        let outdated = PatternTable::new(table.outdated.iter().map(|o| o.old.as_str()).enumerate());
        let stripped: Vec<(usize, String)> = table
            .lists
            .iter()
            .enumerate()
            .flat_map(|(index, list)| {
                list.members.iter().chain(list.before.iter().flatten()).map(move |m| (index, m.replace('的', "")))
            })
            .collect();
        let members = PatternTable::new(stripped.iter().map(|(index, member)| (*index, member.as_str())));
        let mut names_by_first: HashMap<char, Vec<usize>> = HashMap::new();
        let mut names_by_last: HashMap<char, Vec<usize>> = HashMap::new();
        for (index, (_, written, _)) in table.written_names.iter().enumerate() {
            if let (Some(first), Some(last)) = (written.chars().next(), written.chars().next_back()) {
                names_by_first.entry(first).or_default().push(index);
                names_by_last.entry(last).or_default().push(index);
            }
        }
        Self {
            phrases,
            phrase_chars,
            canonical,
            anchors,
            anchor_of,
            exact,
            stems,
            outdated,
            members,
            names_by_first,
            names_by_last,
        }
    }
}

/// A line of the table that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong, in English for maintainers.
    pub message: String,
}

impl std::fmt::Display for CanonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "canon.tsv line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for CanonError {}

/// The built-in table (`data/canon.tsv`), read once. The test
/// `lint::canon_table_reads` keeps the file readable, so a broken line can
/// only mean an empty table here, never a panic.
pub fn builtin() -> &'static CanonTable {
    static TABLE: OnceLock<CanonTable> = OnceLock::new();
    TABLE.get_or_init(|| CanonTable::parse(include_str!("../../data/canon.tsv")).unwrap_or_default())
}

impl CanonTable {
    /// Reads the table's text (format at the top of `data/canon.tsv`).
    pub fn parse(text: &str) -> Result<Self, CanonError> {
        let mut table = CanonTable::default();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let error = |message: &str| CanonError { line, message: message.to_owned() };
            let columns: Vec<&str> = raw.split('\t').map(str::trim).collect();
            let [kind, name, wording, members, since, before, source] = columns[..] else {
                return Err(error(&format!("expected 7 tab-separated columns, found {}", columns.len())));
            };
            let since = YearMonth::parse(since).ok_or_else(|| error("since must be YYYY-MM"))?;
            if source.is_empty() || source == "-" {
                return Err(error("every row needs a source"));
            }
            let source = source.to_owned();
            let split = |list: &str| list.split('、').map(str::to_owned).collect::<Vec<_>>();
            match kind {
                "list" => {
                    let members = split(members);
                    if name == "-" || members.len() < 2 {
                        return Err(error("a list needs a name and at least two members"));
                    }
                    let before = (before != "-").then(|| split(before));
                    table.lists.push(CanonList { name: name.to_owned(), members, since, before, source });
                }
                "phrase" => {
                    if wording == "-" || wording.chars().count() < 4 {
                        return Err(error("a phrase needs a wording of four characters or more"));
                    }
                    table.phrases.push(CanonPhrase { wording: wording.to_owned(), since, source });
                }
                "outdated" => {
                    if wording == "-" || members == "-" {
                        return Err(error("an outdated row needs the old and the current wording"));
                    }
                    let future_only = match before {
                        "-" => false,
                        "future-only" => true,
                        _ => return Err(error("before must be - or future-only on an outdated row")),
                    };
                    table.outdated.push(OutdatedWording {
                        old: wording.to_owned(),
                        current: members.to_owned(),
                        since,
                        future_only,
                        source,
                    });
                }
                _ => return Err(error("kind must be list, phrase or outdated")),
            }
        }
        table.written_names = written_names(&table.lists);
        Ok(table)
    }

    /// The search structures of the table's rows, built on first use.
    fn search(&self) -> &CanonSearch {
        self.search.0.get_or_init(|| CanonSearch::new(self))
    }

    /// The size of the table, rows of every kind.
    pub fn len(&self) -> usize {
        self.lists.len() + self.phrases.len() + self.outdated.len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Every formulation quoted wrong in `cleaned`, judged for the report's
/// `year` where wording changed over time (none of those checks without a
/// year).
pub fn check_formulations(cleaned: &CleanedText, table: &CanonTable, year: Option<u32>) -> Vec<LintFinding> {
    let text = &cleaned.text;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut findings = Vec::new();
    let finding =
        |kind: LintKind, severity: Severity, message: String, range: TextRange, suggestion: Option<String>| {
            LintFinding::in_text(cleaned, kind, severity, message, range, suggestion)
        };
    let mut named_ranges: Vec<TextRange> = Vec::new();
    for enumeration in enumerations(text, &chars) {
        if let Some(found) = judge_enumeration(text, &enumeration, table, year, &mut named_ranges) {
            findings.push(finding(found.kind, found.severity, found.message, found.range, found.suggestion));
        }
    }
    // Counted names with the wrong count, listed or not (三个自信).
    for (range, list, written) in miscounted_names(text, table) {
        if named_ranges.iter().any(|r| r.start <= range.start && range.end <= r.end) {
            continue;
        }
        let message =
            format!("「{written}」应为「{}」：{}（依据：{}）", list.name, list.members.join("、"), list.source);
        findings.push(finding(LintKind::FormulationCount, Severity::Warning, message, range, Some(list.name.clone())));
    }
    findings.extend(near_misses(text, &chars, table).into_iter().map(|(range, phrase, source)| {
        let message = format!("疑为「{phrase}」（依据：{source}）");
        finding(LintKind::FormulationNearMiss, Severity::Warning, message, range, Some(phrase))
    }));
    if let Some(year) = year {
        for (row, range) in table.search().outdated.find_by_row(text) {
            let outdated = &table.outdated[row];
            if !applies(outdated.since, year) {
                continue;
            }
            if outdated.future_only && !reads_as_goal(text, range) {
                continue;
            }
            let message = if outdated.future_only {
                format!(
                    "{}起「{}」已不作为奋斗目标，应为「{}」（依据：{}）",
                    outdated.since.label(),
                    outdated.old,
                    outdated.current,
                    outdated.source
                )
            } else {
                format!(
                    "{}起「{}」已改为「{}」（依据：{}）",
                    outdated.since.label(),
                    outdated.old,
                    outdated.current,
                    outdated.source
                )
            };
            findings.push(finding(
                LintKind::FormulationOutdated,
                Severity::Warning,
                message,
                range,
                Some(outdated.current.clone()),
            ));
        }
    }
    findings.sort_by_key(|f| (f.range.start, f.range.end));
    findings.dedup_by(|a, b| a.range == b.range && a.kind == b.kind);
    findings
}

/// Whether the year in which a wording changed counts as after the change:
/// a report for a year judges by what held for most of it.
fn applies(since: YearMonth, year: u32) -> bool {
    year > since.year || (year == since.year && since.month <= 6)
}

/// Words right before a wording that make it a goal still ahead
/// (决胜全面建成小康社会, 为全面建成小康社会而奋斗).
const GOAL_CUES_BEFORE: &[&str] = &["决胜", "确保", "为", "奋力", "努力", "力争", "冲刺", "夺取"];
/// Words right after it that do the same.
const GOAL_CUES_AFTER: &[&str] = &["而奋斗", "而努力", "的奋斗目标", "伟大胜利"];

fn reads_as_goal(text: &str, range: TextRange) -> bool {
    let before = &text[..range.start];
    let after = &text[range.end..];
    GOAL_CUES_BEFORE.iter().any(|cue| before.ends_with(cue)) || GOAL_CUES_AFTER.iter().any(|cue| after.starts_with(cue))
}

/// Items separated by `、` within one clause.
struct Enumeration<'t> {
    /// The items, in order, each with its byte range.
    items: Vec<(TextRange, &'t str)>,
    /// The clause the items stand in.
    clause: TextRange,
}

impl Enumeration<'_> {
    /// From the first item to the end of the clause.
    fn whole(&self) -> TextRange {
        TextRange::new(self.items[0].0.start, self.clause.end)
    }
}

/// A list's name found next to an enumeration.
struct NamedList<'t> {
    /// The list it names.
    list: &'t CanonList,
    /// The name as written (三个自信).
    written: String,
    /// Where it is written.
    range: TextRange,
    /// The count it is written with, when not the list's own.
    wrong_count: Option<usize>,
}

/// Marks that end a clause: a list never runs across them.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | '\n'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '（'
            | '）'
            | '('
            | ')'
            | '"'
            | ','
            | ';'
            | ':'
    )
}

/// Every clause with two or more `、`-separated items.
fn enumerations<'t>(text: &'t str, chars: &[(usize, char)]) -> Vec<Enumeration<'t>> {
    let mut found = Vec::new();
    let mut start = 0;
    for index in 0..=chars.len() {
        let at_end = index == chars.len();
        if !at_end && !ends_clause(chars[index].1) {
            continue;
        }
        let clause_start = chars.get(start).map_or(text.len(), |&(at, _)| at);
        let clause_end = chars.get(index).map_or(text.len(), |&(at, _)| at);
        start = index + 1;
        let clause = TextRange::new(clause_start, clause_end);
        let slice = clause.slice(text);
        if !slice.contains('、') {
            continue;
        }
        let mut items = Vec::new();
        let mut item_start = clause_start;
        for (offset, c) in slice.char_indices() {
            if c == '、' {
                items.push(TextRange::new(item_start, clause_start + offset));
                item_start = clause_start + offset + c.len_utf8();
            }
        }
        items.push(TextRange::new(item_start, clause_end));
        let items: Vec<(TextRange, &str)> = items
            .into_iter()
            .map(|range| {
                let raw = range.slice(text);
                let start = range.start + (raw.len() - raw.trim_start().len());
                let trimmed = raw.trim();
                (TextRange::new(start, start + trimmed.len()), trimmed)
            })
            .collect();
        if items.iter().all(|(_, item)| !item.is_empty()) {
            found.push(Enumeration { items, clause });
        }
    }
    found
}

/// A finding about one enumeration.
struct EnumerationFinding {
    kind: LintKind,
    severity: Severity,
    message: String,
    range: TextRange,
    suggestion: Option<String>,
}

/// The count at the start of a counted name and the rest after its measure
/// word (四个意识 → 4, 意识; 十四个坚持 → 14, 坚持; 六大纪律 → 6, 纪律).
fn count_prefix(name: &str) -> Option<(usize, &str)> {
    use crate::figures::numeral::{digit_value, parse_chinese_numeral};
    let end =
        name.char_indices().find(|&(_, c)| digit_value(c).is_none() && c != '十').map_or(name.len(), |(at, _)| at);
    let value = parse_chinese_numeral(&name[..end])? as usize;
    let rest = &name[end..];
    let measure = rest.chars().next()?;
    (value > 0 && matches!(measure, '个' | '大' | '种' | '项' | '条')).then(|| (value, &rest[measure.len_utf8()..]))
}

/// The name written right before the clause (`四个意识：`, `“四个意识”即`)
/// or right after it (`…看齐意识“四个意识”`), canonical or with another
/// count: the list it names, the name as written and its range.
fn name_near<'t>(text: &str, clause: TextRange, table: &'t CanonTable) -> Option<NamedList<'t>> {
    // Up to 16 characters each side, borrowed from the text: this runs for
    // every enumeration of every report.
    let before = &text[..clause.start];
    let before = &before[before.char_indices().rev().nth(15).map_or(0, |(at, _)| at)..];
    let before_trimmed =
        before.trim_end_matches(['：', '，', '“', '”', '（', '(', ':', '即', '是', '为', ' ']).trim_end_matches('即');
    let after_start = clause.end;
    let after = &text[after_start..];
    let after = &after[..after.char_indices().nth(16).map_or(after.len(), |(at, _)| at)];
    let after_trimmed = after.trim_start_matches(['“', '的', '等', ' ']);
    // Only names ending as the text before ends or starting as the text
    // after starts can be there: those are tried, in table order.
    let search = table.search();
    let by_last = before_trimmed.chars().next_back().and_then(|c| search.names_by_last.get(&c));
    let by_first = after_trimmed.chars().next().and_then(|c| search.names_by_first.get(&c));
    let mut candidates: Vec<usize> = by_last.into_iter().chain(by_first).flatten().copied().collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates.into_iter().find_map(|index| {
        let (list, written, wrong_count) = &table.written_names[index];
        let named =
            |range| NamedList { list: &table.lists[*list], written: written.clone(), range, wrong_count: *wrong_count };
        if before_trimmed.ends_with(written.as_str()) {
            let end = clause.start - (before.len() - before_trimmed.len());
            return Some(named(TextRange::new(end - written.len(), end)));
        }
        after_trimmed.starts_with(written.as_str()).then(|| {
            let start = after_start + (after.len() - after_trimmed.len());
            named(TextRange::new(start, start + written.len()))
        })
    })
}

/// Every way the lists' names may be written, in table order.
fn written_names(lists: &[CanonList]) -> Vec<(usize, String, Option<usize>)> {
    let mut names = Vec::new();
    for (index, list) in lists.iter().enumerate() {
        names.push((index, list.name.clone(), None));
        let Some((_, stem)) = count_prefix(&list.name) else { continue };
        for (count_text, count) in COUNT_WORDS {
            for measure in ["个", "大", "种", "项", "条"] {
                let written = format!("{count_text}{measure}{stem}");
                if written != list.name {
                    names.push((index, written, Some(*count)));
                }
            }
        }
    }
    names
}

/// The Chinese counts a name may be written with.
const COUNT_WORDS: &[(&str, usize)] =
    &[("两", 2), ("二", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("七", 7), ("八", 8), ("九", 9), ("十", 10)];

/// Words that open a list of some members only (“四风”特别是形式主义、官僚主义).
const PARTIAL_OPENERS: &[&str] = &["特别是", "尤其是", "包括", "比如", "例如", "如", "重点是", "主要是"];

/// Whether `item` is `member`, allowing words before the first item
/// (`增强政治意识`) and after the last (`看齐意识等`, `不想腐体制机制`); a 的
/// is a matter of style (精神懈怠的危险).
fn item_is(item: &str, member: &str, first: bool, last: bool) -> bool {
    let same = |item: &str, member: &str| {
        item == member || (first && item.ends_with(member)) || (last && item.starts_with(member))
    };
    if !item.contains('的') && !member.contains('的') {
        return same(item, member);
    }
    same(&item.replace('的', ""), &member.replace('的', ""))
}

/// The members an enumeration's items are, splitting a last item joined
/// with 和/与/及 when both halves are members (`制度自信和文化自信`).
fn items_of<'t>(enumeration: &Enumeration<'t>, members: &[&String]) -> Vec<(TextRange, &'t str)> {
    let mut items = enumeration.items.clone();
    if let Some(&(range, last)) = items.last() {
        for joint in ["和", "与", "以及", "及"] {
            if let Some((left, right)) = last.split_once(joint) {
                let is_member =
                    |part: &str, first: bool, last: bool| members.iter().any(|m| item_is(part, m, first, last));
                if is_member(left, false, false) && is_member(right, false, true) {
                    items.pop();
                    let split = range.start + left.len();
                    items.push((TextRange::new(range.start, split), left));
                    items.push((TextRange::new(split + joint.len(), range.end), right));
                    break;
                }
            }
        }
    }
    items
}

/// Judges one enumeration against the table: the first finding, if any.
fn judge_enumeration(
    text: &str,
    enumeration: &Enumeration<'_>,
    table: &CanonTable,
    year: Option<u32>,
    named_ranges: &mut Vec<TextRange>,
) -> Option<EnumerationFinding> {
    if let Some(named) = name_near(text, enumeration.clause, table) {
        named_ranges.push(named.range);
        return judge_named(text, enumeration, &named, year);
    }
    // Only lists with a member (的 left out) in the clause can match it:
    // every item judged a member holds one.
    let clause = enumeration.clause.slice(text);
    let clause: Cow<'_, str> = if clause.contains('的') {
        Cow::Owned(clause.chars().filter(|&c| c != '的').collect())
    } else {
        Cow::Borrowed(clause)
    };
    let mut candidates: Vec<usize> =
        table.search().members.find_by_row(&clause).into_iter().map(|(list, _)| list).collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates.into_iter().find_map(|list| judge_unnamed(enumeration, &table.lists[list], year))
}

/// A named list (四个意识：…): its count, its members and their order.
fn judge_named(
    text: &str,
    enumeration: &Enumeration<'_>,
    named: &NamedList<'_>,
    year: Option<u32>,
) -> Option<EnumerationFinding> {
    let NamedList { list, written, range: name_range, wrong_count } = named;
    let (name_range, wrong_count, whole) = (*name_range, *wrong_count, enumeration.whole());
    let mut allowed: Vec<&String> = list.members.iter().collect();
    if let Some(before) = &list.before {
        allowed.extend(before.iter());
    }
    let items = items_of(enumeration, &allowed);
    let n = items.len();
    let members_note = format!("「{}」：{}（依据：{}）", list.name, list.members.join("、"), list.source);
    let range = TextRange::new(name_range.start.min(whole.start), name_range.end.max(whole.end));
    let matched = |members: &[String]| -> Vec<Option<usize>> {
        items
            .iter()
            .enumerate()
            .map(|(i, (_, item))| members.iter().position(|m| item_is(item, m, i == 0, i + 1 == n)))
            .collect()
    };
    let current = matched(&list.members);
    let known = current.iter().filter(|m| m.is_some()).count();
    // Some of the members only (形式主义、官僚主义等“四风”, “四风”特别是…):
    // the count is not judged.
    let partial = PARTIAL_OPENERS.iter().any(|opener| items[0].1.starts_with(opener))
        || items[n - 1].1.ends_with('等')
        || text[enumeration.clause.end..name_range.start.max(enumeration.clause.end)].contains('等');
    // Too few members of this list: the name stands near a list of
    // something else (四个意识 and then a list of tasks).
    if known * 2 < list.members.len().min(n) {
        return wrong_count.map(|_| EnumerationFinding {
            kind: LintKind::FormulationCount,
            severity: Severity::Warning,
            message: format!("「{written}」应为{members_note}"),
            range: name_range,
            suggestion: Some(list.name.clone()),
        });
    }
    // The first or last members only, in order: the list goes on past a
    // comma (严以修身、严以用权、严以律己，谋事要实…), not a miscount.
    let in_order_prefix = current.iter().enumerate().all(|(i, m)| *m == Some(i));
    let offset = list.members.len().saturating_sub(n);
    let in_order_suffix = current.iter().enumerate().all(|(i, m)| *m == Some(offset + i));
    let split_by_comma = n < list.members.len() && (in_order_prefix || in_order_suffix);
    if wrong_count.is_some() || (n != list.members.len() && !partial && !split_by_comma) {
        if let Some(before) = &list.before
            && n == before.len()
            && matched(before).iter().all(Option::is_some)
        {
            return outdated_list(list, year, whole, &members_note);
        }
        let missing: Vec<&str> = list
            .members
            .iter()
            .enumerate()
            .filter(|(index, _)| !current.contains(&Some(*index)))
            .map(|(_, m)| m.as_str())
            .collect();
        let mut message = format!("「{written}」列了{n}项");
        if !missing.is_empty() && n < list.members.len() {
            message.push_str(&format!("，缺「{}」", missing.join("、")));
        }
        message.push_str(&format!("；应为{members_note}"));
        return Some(EnumerationFinding {
            kind: LintKind::FormulationCount,
            severity: Severity::Warning,
            message,
            range,
            suggestion: Some(list.members.join("、")),
        });
    }
    if let Some(before) = &list.before
        && matched(before).iter().all(Option::is_some)
        && current.iter().any(Option::is_none)
    {
        return outdated_list(list, year, whole, &members_note);
    }
    if let Some((item_range, item)) = items.iter().zip(&current).find(|(_, m)| m.is_none()).map(|(item, _)| item) {
        let expected = (0..list.members.len()).find(|m| !current.contains(&Some(*m)));
        let message = match expected {
            Some(m) if within_one_edit(item, &list.members[m]) => {
                format!("「{item}」应为「{}」；{members_note}", list.members[m])
            }
            _ => format!("「{item}」不是「{}」的内容；应为{members_note}", list.name),
        };
        return Some(EnumerationFinding {
            kind: LintKind::FormulationMember,
            severity: Severity::Warning,
            message,
            range: *item_range,
            suggestion: expected.map(|m| list.members[m].clone()),
        });
    }
    if current.windows(2).any(|pair| pair[0] >= pair[1]) {
        return Some(EnumerationFinding {
            kind: LintKind::FormulationMember,
            severity: Severity::Warning,
            message: format!("「{}」顺序有误，应为{members_note}", list.name),
            range: whole,
            suggestion: Some(list.members.join("、")),
        });
    }
    None
}

/// A list written in its earlier form, judged for the report's year.
fn outdated_list(list: &CanonList, year: Option<u32>, whole: TextRange, note: &str) -> Option<EnumerationFinding> {
    (year.is_some_and(|year| applies(list.since, year))).then(|| EnumerationFinding {
        kind: LintKind::FormulationOutdated,
        severity: Severity::Warning,
        message: format!("{}起{}", list.since.label(), note),
        range: whole,
        suggestion: Some(list.members.join("、")),
    })
}

/// An unnamed list (学思想、强党性、重实践、见新功): judged only when it has
/// exactly the list's length, at least half its members already, and the
/// rest are one character away from the missing members or in another
/// order.
fn judge_unnamed(enumeration: &Enumeration<'_>, list: &CanonList, year: Option<u32>) -> Option<EnumerationFinding> {
    let whole = enumeration.whole();
    // Splitting the last item (制度自信和文化自信) adds at most one item:
    // a list of another length is never this one, and is passed over
    // before any item is copied.
    let (items_written, length) = (enumeration.items.len(), list.members.len());
    if length < 3 || (length != items_written && length != items_written + 1) {
        return None;
    }
    let members: Vec<&String> = list.members.iter().collect();
    let items = items_of(enumeration, &members);
    let n = items.len();
    if n != list.members.len() || n < 3 {
        return None;
    }
    let positions: Vec<Option<usize>> = items
        .iter()
        .enumerate()
        .map(|(i, (_, item))| list.members.iter().position(|m| item_is(item, m, i == 0, i + 1 == n)))
        .collect();
    let known = positions.iter().filter(|p| p.is_some()).count();
    let note = format!("「{}」：{}（依据：{}）", list.name, list.members.join("、"), list.source);
    if let Some(before) = &list.before
        && items.iter().zip(before).all(|((_, item), member)| item == member)
    {
        return outdated_list(list, year, whole, &note);
    }
    if known * 2 < n || known == n && positions.windows(2).all(|pair| pair[0] < pair[1]) {
        return None;
    }
    if known == n {
        return Some(EnumerationFinding {
            kind: LintKind::FormulationMember,
            severity: Severity::Info,
            message: format!("顺序与{note}不同"),
            range: whole,
            suggestion: Some(list.members.join("、")),
        });
    }
    // Every unknown item must be a near miss of a missing member, in place.
    let mut first_wrong = None;
    for (index, (range, item)) in items.iter().enumerate() {
        if positions[index].is_some() {
            continue;
        }
        let member = &list.members[index];
        if positions.contains(&Some(index)) {
            return None;
        }
        // A two-character member one character off is too weak a sign.
        if member.chars().count() < 3 {
            return None;
        }
        let (offset, near) = near_item(item, member, index == 0, index + 1 == n)?;
        let start = range.start + offset;
        first_wrong.get_or_insert((TextRange::new(start, start + near.len()), near, member.clone()));
    }
    let (range, item, member) = first_wrong?;
    Some(EnumerationFinding {
        kind: LintKind::FormulationMember,
        severity: Severity::Warning,
        message: format!("「{item}」应为「{member}」；{note}"),
        range,
        suggestion: Some(member),
    })
}

/// The part of `item` one edit from `member`, with its byte offset in the
/// item: the whole item, or, for the first item, its end (聚焦学思想) and,
/// for the last, its start (见新功的总要求).
fn near_item(item: &str, member: &str, first: bool, last: bool) -> Option<(usize, String)> {
    if item_is(item, member, first, last) {
        return None;
    }
    if within_one_edit(item, member) {
        return Some((0, item.to_owned()));
    }
    let item_chars: Vec<(usize, char)> = item.char_indices().collect();
    let member_len = member.chars().count();
    for len in [member_len, member_len.saturating_sub(1), member_len + 1] {
        if len == 0 || len >= item_chars.len() {
            continue;
        }
        if last {
            let end = item_chars[len].0;
            if within_one_edit(&item[..end], member) {
                return Some((0, item[..end].to_owned()));
            }
        }
        if first {
            let start = item_chars[item_chars.len() - len].0;
            if within_one_edit(&item[start..], member) {
                return Some((start, item[start..].to_owned()));
            }
        }
    }
    None
}

/// Counted names written with another count (三个自信 for 四个自信), with
/// or without their members.
fn miscounted_names<'t>(text: &str, table: &'t CanonTable) -> Vec<(TextRange, &'t CanonList, String)> {
    let mut found = Vec::new();
    for (index, stem_range) in table.search().stems.find_by_row(text) {
        let list = &table.lists[index];
        let (at, stem) = (stem_range.start, stem_range.slice(text));
        let before = &text[..at];
        let Some(measure) = before.chars().next_back() else { continue };
        if !matches!(measure, '个' | '大' | '种' | '项' | '条') {
            continue;
        }
        let before = &before[..before.len() - measure.len_utf8()];
        let Some(&(count_text, _)) = COUNT_WORDS.iter().find(|(count, _)| before.ends_with(count)) else {
            continue;
        };
        let start = at - measure.len_utf8() - count_text.len();
        let end = at + stem.len();
        let written = &text[start..end];
        // Another list of the table, or the canonical name itself.
        if table.lists.iter().any(|other| other.name == written) {
            continue;
        }
        // A longer number (十三个方面) or a word going on (三个意识形态).
        let longer_number = before[..before.len() - count_text.len()]
            .chars()
            .next_back()
            .is_some_and(|c| COUNT_WORDS.iter().any(|(count, _)| count.starts_with(c)) || c == '第');
        let goes_on = text[end..].chars().next().is_some_and(|c| {
            crate::source::is_cjk(c)
                && c.is_alphanumeric()
                && !matches!(c, '的' | '和' | '与' | '及' | '即' | '是' | '要' | '为' | '等')
        });
        if longer_number || goes_on {
            continue;
        }
        found.push((TextRange::new(start, end), list, written.to_owned()));
    }
    found
}

/// Whether `a` and `b` differ by exactly one character added, dropped,
/// changed, or two neighbours swapped.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit_apart(&a, &b)
}

fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    if a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        let rest = prefix + 1;
        // One changed character, or two neighbours swapped.
        short[rest..] == long[rest..]
            || (rest < short.len()
                && short[prefix] == long[rest]
                && short[rest] == long[prefix]
                && short[rest + 1..] == long[rest + 1..])
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Characters whose addition alone is a matter of style, not a misquote
/// (中华民族的伟大复兴).
const STYLE_ONLY: &[char] = &['的'];

/// Near misses of every canonical phrase (the table's phrases, the current
/// wordings replacing outdated ones, and list members of seven characters or
/// more): windows of the text one edit from a phrase that overlap no exact
/// occurrence of it and are not themselves canonical.
fn near_misses(text: &str, chars: &[(usize, char)], table: &CanonTable) -> Vec<(TextRange, String, String)> {
    let search = table.search();
    let phrases = &search.phrases;
    if search.anchors.is_empty() {
        return Vec::new();
    }
    // The character index of a byte offset, if a character starts there.
    let char_at = |at: usize| chars.binary_search_by_key(&at, |&(byte, _)| byte).ok();
    // Exact occurrences of every canonical phrase, in char indices: found
    // only once some window is one edit from a phrase, which in most
    // reports none is.
    let mut exact: Option<Vec<Vec<(usize, usize)>>> = None;
    let exact_occurrences = || {
        let mut exact = vec![Vec::new(); phrases.len()];
        for (index, range) in search.exact.find_by_row(text) {
            if let Some(start) = char_at(range.start) {
                exact[index].push((start, char_at(range.end).unwrap_or(chars.len())));
            }
        }
        exact
    };
    let window_text = |start: usize, end: usize| -> String { chars[start..end].iter().map(|&(_, c)| c).collect() };
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    let mut window: Vec<char> = Vec::new();
    let mut hits: Vec<(usize, usize)> = Vec::new();
    search.anchors.for_each_match(text, |start, anchor| hits.push((start, anchor)));
    for (hit_byte, anchor) in hits {
        let (phrase_index, is_head, anchor_len) = search.anchor_of[anchor];
        let Some(hit_start) = char_at(hit_byte) else { continue };
        let phrase = &search.phrase_chars[phrase_index];
        let n = phrase.len();
        for len in [n, n - 1, n + 1] {
            let (start, end) = if is_head {
                (hit_start, hit_start + len)
            } else {
                let hit_end = hit_start + anchor_len;
                let Some(start) = hit_end.checked_sub(len) else { continue };
                (start, hit_end)
            };
            if end > chars.len() {
                continue;
            }
            window.clear();
            window.extend(chars[start..end].iter().map(|&(_, c)| c));
            if !one_edit_apart(&window, phrase) {
                continue;
            }
            let exact = exact.get_or_insert_with(exact_occurrences);
            if exact[phrase_index].iter().any(|&(s, e)| s < end && start < e) {
                continue;
            }
            let window_string = window_text(start, end);
            if search.canonical.contains(window_string.as_str()) {
                continue;
            }
            if window.len() == n + 1 {
                let added = window.iter().zip(phrase.iter().chain(std::iter::once(&'\0'))).position(|(w, p)| w != p);
                if added.is_some_and(|i| STYLE_ONLY.contains(&window[i])) {
                    continue;
                }
            }
            if window.iter().any(|c| ends_clause(*c) || c.is_whitespace()) {
                continue;
            }
            found.push((start, end, phrase_index));
            break;
        }
    }
    found.sort();
    found.dedup();
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for candidate in found {
        if kept.iter().any(|&(s, e, _)| s < candidate.1 && candidate.0 < e) {
            continue;
        }
        kept.push(candidate);
    }
    let byte = |index: usize| chars.get(index).map_or(text.len(), |&(at, _)| at);
    kept.into_iter()
        .map(|(start, end, index)| {
            (TextRange::new(byte(start), byte(end)), phrases[index].0.clone(), phrases[index].1.clone())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit() {
        assert!(within_one_edit("社会主义思想", "社会主意思想"));
        assert!(within_one_edit("社会主义思想", "社会主义想"));
        assert!(within_one_edit("社会主义思想", "社会主义的思想"));
        assert!(within_one_edit("社会主义思想", "社会义主思想"));
        assert!(!within_one_edit("社会主义思想", "社会主义思想"));
        assert!(!within_one_edit("社会主义思想", "社会思想主义"));
        assert!(!within_one_edit("国家", "强国"));
    }

    #[test]
    fn counts() {
        assert_eq!(count_prefix("四个意识"), Some((4, "意识")));
        assert_eq!(count_prefix("六大纪律"), Some((6, "纪律")));
        assert_eq!(count_prefix("十四个坚持"), Some((14, "坚持")));
        assert_eq!(count_prefix("三会一课"), None);
    }
}
