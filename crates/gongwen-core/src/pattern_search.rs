//! Many fixed strings found in one pass over a text. Scanning a report once
//! per row of a table (`str::match_indices` in a loop over typos, canonical
//! phrases, cue phrases) costs the table's size in passes; a
//! [`PatternTable`] builds one Aho–Corasick automaton with the table and
//! finds every row's matches in one pass, exactly as the loop would have.

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::text::TextRange;

/// The patterns of a table's rows, each row with one pattern (rows may share
/// a pattern), searched together.
#[derive(Debug, Clone, Default)]
pub struct PatternTable {
    /// Every distinct pattern; `None` when there is none.
    automaton: Option<AhoCorasick>,
    /// The rows of each distinct pattern, in the automaton's pattern order.
    rows_of_pattern: Vec<Vec<usize>>,
}

impl PatternTable {
    /// The table of `(row, pattern)` pairs. Empty patterns are left out:
    /// no table has one.
    pub fn new<'p>(rows: impl IntoIterator<Item = (usize, &'p str)>) -> Self {
        let mut patterns: Vec<&str> = Vec::new();
        let mut rows_of_pattern: Vec<Vec<usize>> = Vec::new();
        let mut index_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (row, pattern) in rows {
            if pattern.is_empty() {
                continue;
            }
            let index = *index_of.entry(pattern).or_insert_with(|| {
                patterns.push(pattern);
                rows_of_pattern.push(Vec::new());
                patterns.len() - 1
            });
            rows_of_pattern[index].push(row);
        }
        // A DFA: tables are built once and searched in every report.
        let automaton = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder().kind(Some(AhoCorasickKind::DFA)).build(&patterns).ok()
        };
        Self { automaton, rows_of_pattern }
    }

    /// What `for (row, pattern) in rows { text.match_indices(pattern) }`
    /// finds, in the same order: by row, then left to right, a row's matches
    /// never overlapping one another (different rows' may).
    pub fn find_by_row(&self, text: &str) -> Vec<(usize, TextRange)> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let mut next_start = vec![0; self.rows_of_pattern.len()];
        let mut found = Vec::new();
        for hit in automaton.find_overlapping_iter(text) {
            let pattern = hit.pattern().as_usize();
            // Matches of one pattern all have its length, so they come in
            // the order of their starts: keep each one that begins after the
            // last kept one ends, where `match_indices` resumes its search.
            if hit.start() < next_start[pattern] {
                continue;
            }
            next_start[pattern] = hit.end();
            let range = TextRange::new(hit.start(), hit.end());
            found.extend(self.rows_of_pattern[pattern].iter().map(|&row| (row, range)));
        }
        found.sort_by_key(|&(row, range)| (row, range.start));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table finds what a loop of `match_indices` finds, overlapping
    /// patterns, repeated patterns and self-overlapping matches included.
    #[test]
    fn finds_what_match_indices_finds() {
        let rows = ["社会主意", "中国特色社会主意", "aa", "社会主意", "aba", "b"];
        let text = "中国特色社会主意思想，社会主意。aaaaa ababa b";
        let expected: Vec<(usize, TextRange)> = rows
            .iter()
            .enumerate()
            .flat_map(|(row, pattern)| {
                text.match_indices(pattern).map(move |(at, m)| (row, TextRange::new(at, at + m.len())))
            })
            .collect();
        let table = PatternTable::new(rows.iter().enumerate().map(|(row, pattern)| (row, *pattern)));
        assert_eq!(table.find_by_row(text), expected);
        assert!(PatternTable::new([]).find_by_row(text).is_empty());
    }
}
