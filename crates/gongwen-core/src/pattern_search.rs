//! Many fixed strings found in one pass over a text.
//!
//! A [`PhraseIndex`] groups its phrases by the two characters they begin
//! with: a pass over a report steps from character to character by their
//! leading bytes, rejects most places with one bit test, and compares only
//! the phrases that begin with the characters at the others. On Chinese
//! text this is several times faster than an Aho–Corasick automaton, which
//! steps through every byte (three per character) and whose prefilters find
//! no rare byte to skip to; the per-report analysis makes a dozen such passes
//! (theme words, cue phrases, formulations, typos, numbered forms), so they
//! cost as much as the segmentation did.
//!
//! A [`PatternTable`] answers what scanning a report once per row of a
//! table (`str::match_indices` in a loop over typos, canonical phrases, cue
//! phrases) would, in one pass; an [`AnyOf`], whether a text holds any word
//! of a fixed list (`words.iter().any(|w| text.contains(w))`, which sets up a
//! substring search per word), in one pass that stops at the first.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::text::TextRange;

/// Bits of the start filter: 2¹⁶, 8 KB, few false positives for tables of
/// a few thousand phrases.
const FILTER_BITS: u32 = 16;

/// What marks an empty slot of the bucket table: no key has it, since no
/// byte of UTF-8 is `0xFF`.
const EMPTY_SLOT: u64 = u64::MAX;

/// Fixed phrases, indexed by their first two characters, found in a text
/// with every occurrence or leftmost-longest. The phrases are borrowed
/// ([`new`](Self::new): a report's own words, counted once) or owned
/// ([`owned`](Self::owned): tables built once and kept).
///
/// A place in a text is keyed by the UTF-8 bytes of its first two
/// characters, which fit in a `u64` (`key_at`): the pass reads a leading
/// byte to step from character to character and loads the key, without
/// decoding a character.
#[derive(Debug, Clone)]
pub struct PhraseIndex<'p> {
    /// The filter bit ([`hashes`]) of each phrase's key (of a
    /// one-character phrase, its character's key): where the text's key has
    /// no bit, no phrase begins.
    start_filter: Box<[u64]>,
    /// Whether some phrase has one character (then a second key is tried).
    has_one_char_phrase: bool,
    /// The keys of the buckets, in an open-addressed table (linear probing,
    /// at most half full, [`EMPTY_SLOT`] where none is): one load finds a
    /// bucket, where a hash map's lookup took several steps at every
    /// character of a report.
    slot_keys: Box<[u64]>,
    /// Where in `ordered` the bucket of each slot's key is: the phrases
    /// beginning with both characters, then the one-character phrases of the
    /// first (a pair's bucket holds them too, so that a character needs one
    /// lookup, not two); a one-character key's bucket holds the
    /// one-character phrases alone. Two characters leave few candidates to
    /// compare even when the phrases are a report's own words, one of which
    /// begins at almost every character of its text.
    slot_spans: Box<[(u32, u32)]>,
    /// The buckets: phrase ids, each bucket longest first, then in the
    /// order given.
    ordered: Box<[u32]>,
    /// The phrases, by id (their order when given).
    phrases: Vec<Cow<'p, str>>,
}

/// The byte length of the character whose UTF-8 begins with `lead`.
#[inline]
fn char_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The key of the `len` bytes (one or two characters, at most eight bytes)
/// of `bytes` from `at`: those bytes little-endian, zero above.
#[inline]
fn key_at(bytes: &[u8], at: usize, len: usize) -> u64 {
    if let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        if len >= 8 { word } else { word & ((1 << (8 * len)) - 1) }
    } else {
        let mut chunk = [0u8; 8];
        let tail = bytes.get(at..).unwrap_or_default();
        let len = len.min(tail.len()).min(8);
        chunk[..len].copy_from_slice(&tail[..len]);
        u64::from_le_bytes(chunk)
    }
}

/// The key's two hashes: its start filter bit, and its first slot in a
/// bucket table of `mask + 1` slots.
#[inline]
fn hashes(key: u64, mask: usize) -> (usize, usize) {
    // A product's high bits depend on all of the key's bytes, its low bits
    // only on the low bytes (the first character): the slot is taken from
    // bits 32 up, below the filter's.
    let mixed = key.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((mixed >> (64 - FILTER_BITS)) as usize, (mixed >> 32) as usize & mask)
}

/// The key of a phrase's first two characters (of its one character) and
/// the byte length of its first character; `None` for an empty phrase.
fn phrase_key(phrase: &str) -> Option<(u64, usize)> {
    let bytes = phrase.as_bytes();
    let first_len = char_len(*bytes.first()?);
    let pair_len = first_len + bytes.get(first_len).map_or(0, |&lead| char_len(lead));
    Some((key_at(bytes, 0, pair_len), first_len))
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
        // (key, key of the first character alone, id) of every non-empty
        // phrase.
        let mut firsts: Vec<(u64, u64, u32)> = Vec::with_capacity(phrases.len());
        for (id, phrase) in phrases.iter().enumerate() {
            let Some((key, first_len)) = phrase_key(phrase) else { continue };
            let Ok(id) = u32::try_from(id) else { break };
            firsts.push((key, key_at(phrase.as_bytes(), 0, first_len), id));
        }
        firsts.sort_unstable_by_key(|&(key, _, id)| (key, std::cmp::Reverse(phrases[id as usize].len()), id));
        // The one-character phrases of each character, in order: told by
        // their length, not by their key, which for a NUL second character
        // is the first's alone.
        let mut one_char: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        for &(key, _, id) in &firsts {
            let phrase = phrases[id as usize].as_bytes();
            if phrase.len() == char_len(phrase[0]) {
                one_char.entry(key).or_default().push(id);
            }
        }
        let has_one_char_phrase = !one_char.is_empty();
        let buckets = firsts.chunk_by(|a, b| a.0 == b.0).count();
        let slots = (2 * buckets).next_power_of_two().max(2);
        let mask = slots - 1;
        let mut start_filter = vec![0u64; (1 << FILTER_BITS) / 64].into_boxed_slice();
        let mut slot_keys = vec![EMPTY_SLOT; slots].into_boxed_slice();
        let mut slot_spans = vec![(0, 0); slots].into_boxed_slice();
        let mut ordered: Vec<u32> = Vec::with_capacity(firsts.len());
        let position = |ordered: &Vec<u32>| u32::try_from(ordered.len()).unwrap_or(u32::MAX);
        for group in firsts.chunk_by(|a, b| a.0 == b.0) {
            let (key, alone, _) = group[0];
            let start = position(&ordered);
            ordered.extend(group.iter().map(|&(_, _, id)| id));
            if key != alone {
                ordered.extend(one_char.get(&alone).into_iter().flatten());
            }
            let (bit, mut slot) = hashes(key, mask);
            start_filter[bit / 64] |= 1 << (bit % 64);
            while slot_keys[slot] != EMPTY_SLOT {
                slot = (slot + 1) & mask;
            }
            slot_keys[slot] = key;
            slot_spans[slot] = (start, position(&ordered));
        }
        Self { start_filter, has_one_char_phrase, slot_keys, slot_spans, ordered: ordered.into_boxed_slice(), phrases }
    }

    /// The bucket of `key` (see `slot_spans`), if any. Inlined into the
    /// walk: called at every character, it costs less there than the call.
    #[inline(always)]
    fn bucket(&self, key: u64) -> Option<&[u32]> {
        let mask = self.slot_keys.len() - 1;
        let (bit, mut slot) = hashes(key, mask);
        if self.start_filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        loop {
            match self.slot_keys[slot] {
                found if found == key => {
                    let (start, end) = self.slot_spans[slot];
                    return self.ordered.get(start as usize..end as usize);
                }
                EMPTY_SLOT => return None,
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Walks `text` character by character and calls `visit(at, matches)`
    /// where some phrase may begin: its byte offset, and the ids of the
    /// phrases that occur there, longest first (one-character phrases last),
    /// each compared as it is asked for. `visit` returns where the walk goes
    /// on: a character boundary after `at`, or anything not after it for the
    /// next character.
    #[inline]
    fn walk(&self, text: &str, mut visit: impl FnMut(usize, Matches<'_, 'p>) -> usize) {
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&lead) = bytes.get(at) {
            let first_len = char_len(lead);
            let next = at + first_len;
            let pair_len = first_len + bytes.get(next).map_or(0, |&lead| char_len(lead));
            let bucket = self.bucket(key_at(bytes, at, pair_len)).map(|bucket| (pair_len, bucket)).or_else(|| {
                (self.has_one_char_phrase && pair_len > first_len)
                    .then(|| self.bucket(key_at(bytes, at, first_len)).map(|bucket| (first_len, bucket)))
                    .flatten()
            });
            at = match bucket {
                Some((known, candidates)) => {
                    let matches =
                        Matches { rest: &bytes[at..], known, candidates: candidates.iter(), phrases: &self.phrases };
                    visit(at, matches).max(next)
                }
                None => next,
            };
        }
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
        self.walk(text, |at, matches| {
            matches.for_each(|id| found(at, id));
            at
        });
    }

    /// Calls `found(start, id)` for the leftmost-longest occurrences, none
    /// overlapping another: from the left, the longest phrase that begins
    /// at the first place one does (the earlier given among equals), then
    /// on from its end. What an Aho–Corasick automaton built with
    /// `MatchKind::LeftmostLongest` finds.
    pub fn for_each_leftmost_longest(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        self.walk(text, |at, mut matches| match matches.next() {
            Some(id) => {
                found(at, id);
                at + self.phrases[id].len()
            }
            None => at,
        });
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
        // Where each group's search resumes: after its last match.
        let mut resume = vec![0; groups];
        self.walk(text, |at, matches| {
            // Longest first: a group's first match here is its longest, and
            // moving its resume past `at` skips the group's shorter ones.
            for id in matches {
                let group = group_of(id);
                if at >= resume[group] {
                    found(group, at, id);
                    resume[group] = at + self.phrases[id].len();
                }
            }
            at
        });
    }

    /// Whether some phrase occurs in `text`: the walk stops at the first.
    pub fn occurs_in(&self, text: &str) -> bool {
        let mut found = false;
        self.walk(text, |at, mut matches| {
            found = matches.next().is_some();
            if found { text.len() } else { at }
        });
        found
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

/// The phrases that occur at one place of a walk ([`PhraseIndex::walk`]):
/// the candidates of its bucket, each compared with the text there as it is
/// asked for.
struct Matches<'a, 'p> {
    /// The text from the place on.
    rest: &'a [u8],
    /// How many bytes every candidate is known to match: those of the key
    /// its bucket was found under (the two characters, or the first alone).
    known: usize,
    /// The candidates not compared yet.
    candidates: std::slice::Iter<'a, u32>,
    /// The index's phrases.
    phrases: &'a [Cow<'p, str>],
}

impl Iterator for Matches<'_, '_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        let (rest, known, phrases) = (self.rest, self.known, self.phrases);
        self.candidates.by_ref().map(|&id| id as usize).find(|&id| begins_with(rest, phrases[id].as_bytes(), known))
    }
}

/// Whether `rest` begins with `phrase`, whose first `known` bytes (those of
/// the key its bucket was found under, as many as it has) are known to
/// match. Phrases are a few characters long and differ soon after their
/// key: comparing inline beats a call to `memcmp`.
#[inline]
fn begins_with(rest: &[u8], phrase: &[u8], known: usize) -> bool {
    let known = known.min(phrase.len());
    phrase.len() <= rest.len() && phrase[known..].iter().zip(&rest[known..]).all(|(a, b)| a == b)
}

/// A fixed list of words, asked whether a text holds any of them; its
/// index is built the first time it is asked.
#[derive(Debug)]
pub struct AnyOf {
    words: &'static [&'static str],
    index: OnceLock<PhraseIndex<'static>>,
}

impl AnyOf {
    /// The list of `words`.
    pub const fn new(words: &'static [&'static str]) -> Self {
        Self { words, index: OnceLock::new() }
    }

    /// Whether `text` holds one of the words: what
    /// `words.iter().any(|word| text.contains(word))` says (an empty word,
    /// which no list has, is never found).
    pub fn found_in(&self, text: &str) -> bool {
        self.index.get_or_init(|| PhraseIndex::new(self.words.iter().copied())).occurs_in(text)
    }
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
