//! Many fixed strings found in one pass over a text.
//!
//! A [`PhraseIndex`] groups its phrases by the character they begin with:
//! a pass over a report decodes each character once, rejects most of them
//! with one bit test, and compares only the phrases that begin with the
//! others. On Chinese text this is several times faster than an
//! Aho–Corasick automaton, which steps through every byte (three per
//! character) and whose prefilters find no rare byte to skip to; the
//! per-report analysis makes a dozen such passes (theme words, cue phrases,
//! formulations, typos, numbered forms), so they cost as much as the
//! segmentation did.
//!
//! A [`PatternTable`] answers what scanning a report once per row of a
//! table (`str::match_indices` in a loop over typos, canonical phrases, cue
//! phrases) would, in one pass.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::text::TextRange;

/// Bits of the start filter: 2¹⁶, 8 KB, few false positives for tables of
/// a few thousand phrases.
const FILTER_BITS: usize = 1 << 16;

/// What stands for "no second character" in the start filter: the end of
/// the text after a phrase's last character, or a phrase of one character.
const NO_SECOND_CHAR: char = '\0';

/// Fixed phrases, indexed by their first character, found in a text with
/// every occurrence or leftmost-longest. The phrases are borrowed
/// ([`new`](Self::new): a report's own words, counted once) or owned
/// ([`owned`](Self::owned): tables built once and kept).
#[derive(Debug, Clone)]
pub struct PhraseIndex<'p> {
    /// Bit [`filter_bit`] of each phrase's first two characters (of a
    /// one-character phrase, its character and [`NO_SECOND_CHAR`]): where
    /// the text's two characters have no bit, no phrase begins.
    start_filter: Box<[u64]>,
    /// Whether some phrase has one character (then a second bit is tested).
    has_one_char_phrase: bool,
    /// Where in `ordered` the phrases that may begin at each pair of
    /// characters are, keyed by [`pair_key`]: those beginning with both,
    /// then the one-character phrases of the first (a pair's bucket holds
    /// them too, so that a character needs one lookup, not two); the
    /// one-character phrases alone under the character and
    /// [`NO_SECOND_CHAR`]. Two characters leave few candidates to compare
    /// even when the phrases are a report's own words, one of which begins
    /// at almost every character of its text.
    by_first_pair: FxHashMap<u64, (u32, u32)>,
    /// The buckets of `by_first_pair`: phrase ids, each bucket longest
    /// first, then in the order given.
    ordered: Box<[u32]>,
    /// The phrases, by id (their order when given).
    phrases: Vec<Cow<'p, str>>,
}

/// The key of a pair of characters.
#[inline]
fn pair_key(first: char, second: char) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

/// The start filter's bit for a phrase beginning with `first`, `second`.
#[inline]
fn filter_bit(first: char, second: char) -> usize {
    let mixed = (first as u32).wrapping_mul(0x9E37_79B1).wrapping_add((second as u32).wrapping_mul(0x85EB_CA77));
    (mixed >> 16) as usize % FILTER_BITS
}

impl Default for PhraseIndex<'_> {
    fn default() -> Self {
        Self::with_phrases(Vec::new())
    }
}

impl PhraseIndex<'static> {
    /// The index of `phrases`, which it keeps.
    pub fn owned(phrases: impl IntoIterator<Item = String>) -> Self {
        Self::with_phrases(phrases.into_iter().map(Cow::Owned).collect())
    }
}

impl<'p> PhraseIndex<'p> {
    /// The index of `phrases`, borrowed; a phrase's id is its position.
    /// Empty phrases are kept (their ids stay in place) but never found.
    pub fn new(phrases: impl IntoIterator<Item = &'p str>) -> Self {
        Self::with_phrases(phrases.into_iter().map(Cow::Borrowed).collect())
    }

    fn with_phrases(phrases: Vec<Cow<'p, str>>) -> Self {
        let mut start_filter = vec![0u64; FILTER_BITS / 64].into_boxed_slice();
        let mut has_one_char_phrase = false;
        // (key of the first two characters, id) of every non-empty phrase.
        let mut firsts: Vec<(u64, u32)> = Vec::with_capacity(phrases.len());
        for (id, phrase) in phrases.iter().enumerate() {
            let mut chars = phrase.chars();
            let Some(first) = chars.next() else { continue };
            let Ok(id) = u32::try_from(id) else { break };
            let second = chars.next().unwrap_or(NO_SECOND_CHAR);
            firsts.push((pair_key(first, second), id));
            has_one_char_phrase |= second == NO_SECOND_CHAR;
            let bit = filter_bit(first, second);
            start_filter[bit / 64] |= 1 << (bit % 64);
        }
        firsts.sort_unstable_by_key(|&(first, id)| (first, std::cmp::Reverse(phrases[id as usize].len()), id));
        // The one-character phrases of each character, in order.
        let mut one_char: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for &(pair, id) in &firsts {
            if pair & u64::from(u32::MAX) == u64::from(NO_SECOND_CHAR) {
                one_char.entry(pair).or_default().push(id);
            }
        }
        let mut by_first_pair: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
        let mut ordered: Vec<u32> = Vec::with_capacity(firsts.len());
        let position = |ordered: &Vec<u32>| u32::try_from(ordered.len()).unwrap_or(u32::MAX);
        for group in firsts.chunk_by(|a, b| a.0 == b.0) {
            let pair = group[0].0;
            let start = position(&ordered);
            ordered.extend(group.iter().map(|&(_, id)| id));
            let first_alone = (pair & !u64::from(u32::MAX)) | u64::from(NO_SECOND_CHAR);
            if pair != first_alone {
                ordered.extend(one_char.get(&first_alone).into_iter().flatten());
            }
            by_first_pair.insert(pair, (start, position(&ordered)));
        }
        Self { start_filter, has_one_char_phrase, by_first_pair, ordered: ordered.into_boxed_slice(), phrases }
    }

    /// The bucket of `first` and `second` (see `by_first_pair`), if any.
    #[inline]
    fn bucket(&self, first: char, second: char) -> Option<&[u32]> {
        let bit = filter_bit(first, second);
        if self.start_filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.by_first_pair
            .get(&pair_key(first, second))
            .map(|&(start, end)| &self.ordered[start as usize..end as usize])
    }

    /// The ids of the phrases that may begin at a character `first`
    /// followed by `second`, longest first (one-character phrases last).
    #[inline]
    fn beginning_with(&self, first: char, second: char) -> impl Iterator<Item = u32> + '_ {
        let bucket = self.bucket(first, second).or_else(|| {
            (self.has_one_char_phrase && second != NO_SECOND_CHAR).then(|| self.bucket(first, NO_SECOND_CHAR)).flatten()
        });
        bucket.unwrap_or_default().iter().copied()
    }

    /// Each character of `text` with its byte offset and the character after
    /// it ([`NO_SECOND_CHAR`] at the end).
    fn char_pairs(text: &str) -> impl Iterator<Item = (usize, char, char)> + '_ {
        let mut chars = text.char_indices().peekable();
        std::iter::from_fn(move || {
            let (at, c) = chars.next()?;
            Some((at, c, chars.peek().map_or(NO_SECOND_CHAR, |&(_, next)| next)))
        })
    }

    /// How many phrases the index holds (empty ones included).
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether the index holds no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The phrase with id `id`.
    pub fn phrase(&self, id: usize) -> &str {
        &self.phrases[id]
    }

    /// Calls `found(start, id)` for every occurrence of every phrase in
    /// `text`, overlapping ones included: by start, and at one start the
    /// longer phrases first.
    pub fn for_each_match(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let bytes = text.as_bytes();
        for (at, c, next) in Self::char_pairs(text) {
            let rest = &bytes[at..];
            for id in self.beginning_with(c, next) {
                if begins_with(rest, self.phrases[id as usize].as_bytes(), c.len_utf8()) {
                    found(at, id as usize);
                }
            }
        }
    }

    /// Calls `found(start, id)` for the leftmost-longest occurrences, none
    /// overlapping another: from the left, the longest phrase that begins
    /// at the first place one does (the earlier given among equals), then
    /// on from its end. What an Aho–Corasick automaton built with
    /// `MatchKind::LeftmostLongest` finds.
    pub fn for_each_leftmost_longest(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let bytes = text.as_bytes();
        let mut resume = 0;
        for (at, c, next) in Self::char_pairs(text) {
            if at < resume {
                continue;
            }
            let rest = &bytes[at..];
            let first_len = c.len_utf8();
            if let Some(id) = self
                .beginning_with(c, next)
                .find(|&id| begins_with(rest, self.phrases[id as usize].as_bytes(), first_len))
            {
                found(at, id as usize);
                resume = at + self.phrases[id as usize].len();
            }
        }
    }

    /// Leftmost-longest occurrences within each group of phrases, in one
    /// pass: what [`for_each_leftmost_longest`](Self::for_each_leftmost_longest)
    /// over an index of each group's phrases alone would find, group by
    /// group. `group_of(id)` is the group of phrase `id`, below `groups`;
    /// `found(group, start, id)` is called in text order.
    pub fn for_each_leftmost_longest_by_group(
        &self,
        text: &str,
        groups: usize,
        group_of: impl Fn(usize) -> usize,
        mut found: impl FnMut(usize, usize, usize),
    ) {
        let bytes = text.as_bytes();
        // Where each group's search resumes: after its last match.
        let mut resume = vec![0; groups];
        for (at, c, next) in Self::char_pairs(text) {
            let rest = &bytes[at..];
            // Longest first: a group's first match here is its longest, and
            // moving its resume past `at` skips the group's shorter ones.
            for id in self.beginning_with(c, next) {
                let id = id as usize;
                let group = group_of(id);
                if at < resume[group] || !begins_with(rest, self.phrases[id].as_bytes(), c.len_utf8()) {
                    continue;
                }
                found(group, at, id);
                resume[group] = at + self.phrases[id].len();
            }
        }
    }

    /// The leftmost-longest occurrences as `(range, id)`, in text order
    /// (the property tests compare them with Aho–Corasick's).
    pub fn leftmost_longest(&self, text: &str) -> Vec<(TextRange, usize)> {
        let mut found = Vec::new();
        self.for_each_leftmost_longest(text, |start, id| {
            found.push((TextRange::new(start, start + self.phrases[id].len()), id));
        });
        found
    }
}

/// Whether `rest` begins with `phrase`, whose first `known` bytes (its
/// first character) are known to match. Phrases are a few characters long
/// and most fail on their second: comparing inline beats a call to
/// `memcmp`.
#[inline]
fn begins_with(rest: &[u8], phrase: &[u8], known: usize) -> bool {
    phrase.len() <= rest.len() && phrase[known..].iter().zip(&rest[known..]).all(|(a, b)| a == b)
}

/// The patterns of a table's rows, each row with one pattern (rows may share
/// a pattern), searched together.
#[derive(Debug, Clone, Default)]
pub struct PatternTable {
    /// Every distinct pattern.
    index: PhraseIndex<'static>,
    /// The rows of each distinct pattern, by the pattern's id in the index.
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
        Self { index: PhraseIndex::owned(patterns.into_iter().map(str::to_owned)), rows_of_pattern }
    }

    /// What `for (row, pattern) in rows { text.match_indices(pattern) }`
    /// finds, in the same order: by row, then left to right, a row's matches
    /// never overlapping one another (different rows' may).
    pub fn find_by_row(&self, text: &str) -> Vec<(usize, TextRange)> {
        // Where each pattern found so far may match next. Keyed by the
        // patterns found, not sized by the table: a table is searched in
        // every clause of a report, where few of its patterns occur.
        let mut next_start: FxHashMap<usize, usize> = FxHashMap::default();
        let mut found = Vec::new();
        self.index.for_each_match(text, |start, pattern| {
            // Matches come by start: keep each one that begins after the
            // last kept one of its pattern ends, where `match_indices`
            // resumes its search.
            let next = next_start.entry(pattern).or_insert(0);
            if start < *next {
                return;
            }
            let end = start + self.index.phrase(pattern).len();
            *next = end;
            let range = TextRange::new(start, end);
            found.extend(self.rows_of_pattern[pattern].iter().map(|&row| (row, range)));
        });
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
