//! Phase 5, **words**: word frequencies of one report and of a set of reports.
//!
//! Heading markers (`一是`, `（一）`, `第一，`) are structure, not vocabulary:
//! the text is segmented around them so they are never counted. Besides the
//! counts, each counted word's positions are kept as [`Occurrence`]s: the
//! concordance, the dispersion strips and TextRank read them, and the page can
//! use them without a dictionary.

use compact_str::CompactString;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::clean::CleanedText;
use crate::leb128;
use crate::outline::Outline;
use crate::pattern_search::PhraseIndex;
use crate::segment::{EntryLookup, Segmenter};
use crate::text::TextRange;

/// How often one word occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordCount {
    /// The word (for lexicon forms, the entry's term). Kept inline up to
    /// 24 bytes natively and 12 in wasm32 (four CJK characters), so that a
    /// report's thousand-odd words, and the page's million over a thousand
    /// reports, are not each an allocation of their own; it reads, prints
    /// and serialises as a `str`.
    pub word: CompactString,
    /// Number of occurrences as segmented: the word as a word of its own.
    pub count: usize,
    /// Number of occurrences of the string anywhere in the text, inside
    /// longer words and headings included: what a reader's Ctrl-F finds.
    #[serde(default)]
    pub text_count: usize,
}

/// The word frequencies of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordFrequencies {
    /// Number of counted words (stopwords, punctuation and numbers excluded).
    pub tokens: usize,
    /// Every counted word, most frequent first; ties in Unicode order.
    pub counts: Vec<WordCount>,
}

/// Where a counted word occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// Index of the word in [`WordFrequencies::counts`].
    pub word: u32,
    /// Byte range of the occurrence in the cleaned text (its surface form,
    /// which for a lexicon variant differs from the counted term).
    pub range: TextRange,
}

/// A report's occurrences, packed: each as three LEB128 integers (the gap
/// from the end of the one before, zigzag-signed so any order
/// survives; its length; its word), a byte or two each instead of twelve
/// bytes (in wasm) or twenty-four (natively) for an [`Occurrence`]. A report
/// has thousands of occurrences and the page holds every report's, so this
/// is how an analysis keeps them; [`unpack`](Self::unpack) gives them back
/// for a view that searches them.
///
/// Serialises as the list of occurrences it holds, exactly as a
/// `Vec<Occurrence>` does, so JSON shapes do not change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackedOccurrences {
    bytes: Vec<u8>,
    len: usize,
}

impl PackedOccurrences {
    /// Packs `occurrences`, kept in their order.
    pub fn pack<'o>(occurrences: impl IntoIterator<Item = &'o Occurrence>) -> Self {
        let mut packed = Self::default();
        let mut previous_end = 0i64;
        for &Occurrence { word, range } in occurrences {
            // Offsets into a text are far below 2^62: the readers' limits see to it.
            let (start, end) = (range.start as i64, range.end as i64);
            let gap = start - previous_end;
            leb128::write(&mut packed.bytes, ((gap << 1) ^ (gap >> 63)) as u64);
            leb128::write(&mut packed.bytes, end.saturating_sub(start).max(0) as u64);
            leb128::write(&mut packed.bytes, u64::from(word));
            previous_end = end;
            packed.len += 1;
        }
        packed.bytes.shrink_to_fit();
        packed
    }

    /// How many occurrences it holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The occurrences, in order, unpacked one by one.
    pub fn iter(&self) -> impl Iterator<Item = Occurrence> + '_ {
        let mut bytes = self.bytes.as_slice();
        let mut previous_end = 0i64;
        std::iter::from_fn(move || unpack_next(&mut bytes, &mut previous_end))
    }

    /// The packed bytes, which [`from_bytes`](Self::from_bytes) reads back
    /// (the page's workers send them as they are).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Occurrences packed by [`as_bytes`](Self::as_bytes); `None` unless
    /// the bytes are whole occurrences.
    pub fn from_bytes(bytes: Vec<u8>) -> Option<Self> {
        let (mut rest, mut previous_end, mut len) = (bytes.as_slice(), 0i64, 0);
        while !rest.is_empty() {
            unpack_next(&mut rest, &mut previous_end)?;
            len += 1;
        }
        Some(Self { bytes, len })
    }

    /// The occurrences as a vector, for searching them.
    pub fn unpack(&self) -> Vec<Occurrence> {
        let mut occurrences = Vec::with_capacity(self.len);
        occurrences.extend(self.iter());
        occurrences
    }
}

impl From<Vec<Occurrence>> for PackedOccurrences {
    fn from(occurrences: Vec<Occurrence>) -> Self {
        Self::pack(&occurrences)
    }
}

impl Serialize for PackedOccurrences {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for PackedOccurrences {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Occurrence>::deserialize(deserializer).map(Self::from)
    }
}

/// The occurrence packed at the front of `bytes`, after one that ended at
/// `previous_end`; `None` at the end or on bytes that are not one.
fn unpack_next(bytes: &mut &[u8], previous_end: &mut i64) -> Option<Occurrence> {
    let zigzag = leb128::read(bytes)?;
    let length = leb128::read(bytes)?;
    let word = u32::try_from(leb128::read(bytes)?).ok()?;
    let gap = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
    let start = previous_end.checked_add(gap)?;
    let end = start.checked_add(i64::try_from(length).ok()?)?;
    let range = TextRange::new(usize::try_from(start).ok()?, usize::try_from(end).ok()?);
    *previous_end = end;
    Some(Occurrence { word, range })
}

impl WordFrequencies {
    /// The index of `word` in [`counts`](Self::counts).
    pub fn index_of(&self, word: &str) -> Option<usize> {
        self.counts.iter().position(|count| count.word == word)
    }

    /// The `n` most frequent words.
    pub fn top(&self, n: usize) -> &[WordCount] {
        &self.counts[..n.min(self.counts.len())]
    }

    fn from_map(map: FxHashMap<CompactString, (usize, usize)>) -> Self {
        let tokens = map.values().map(|(count, _)| count).sum();
        let mut counts: Vec<WordCount> =
            map.into_iter().map(|(word, (count, text_count))| WordCount { word, count, text_count }).collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
        Self { tokens, counts }
    }
}

/// Counts the words of a report's cleaned text, skipping heading markers.
/// Returns the frequencies and every counted occurrence, in text order.
pub fn count_words(
    segmenter: &Segmenter,
    cleaned: &CleanedText,
    outline: &Outline,
) -> (WordFrequencies, Vec<Occurrence>) {
    let mut markers: Vec<TextRange> =
        outline.headings.iter().map(|heading| heading.marker_range).filter(|range| !range.is_empty()).collect();
    markers.sort();
    let mut pieces = Vec::with_capacity(markers.len() + 1);
    let mut cursor = 0;
    for marker in &markers {
        if marker.start > cursor {
            pieces.push(TextRange::new(cursor, marker.start));
        }
        cursor = cursor.max(marker.end);
    }
    pieces.push(TextRange::new(cursor, cleaned.text.len()));
    // Words are counted under ids given in order of first occurrence and
    // borrowed from the text or the lexicon: no String per token. A token's
    // fate (not counted, or counted as word `id`) follows from its text
    // alone, so each distinct token text is judged once: most tokens repeat
    // one seen before and cost one lookup.
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut judged: FxHashMap<&str, Option<u32>> = FxHashMap::default();
    let mut words: Vec<(&str, usize)> = Vec::new();
    let mut found: Vec<(u32, TextRange)> = Vec::new();
    for piece in pieces {
        segmenter.for_each_token(piece.slice(&cleaned.text), EntryLookup::Caller, |mut token| {
            let id = *judged.entry(token.text).or_insert_with(|| {
                // Looked up here, once per distinct word (a form with
                // punctuation inside comes with its entry, and only ever
                // so).
                token.entry = token.entry.or_else(|| segmenter.entry_of(token.text));
                segmenter.is_counted(&token).then(|| {
                    let word = segmenter.canonical(&token);
                    *ids.entry(word).or_insert_with(|| {
                        words.push((word, 0));
                        u32::try_from(words.len() - 1).unwrap_or(u32::MAX)
                    })
                })
            });
            let Some(id) = id else { return };
            // The id was handed out with its entry in `words`.
            words[id as usize].1 += 1;
            let range = TextRange::new(piece.start + token.range.start, piece.start + token.range.end);
            found.push((id, range));
        });
    }
    // Most frequent first, ties in Unicode order, as `from_map` orders them.
    let mut order: Vec<u32> = (0..u32::try_from(words.len()).unwrap_or(u32::MAX)).collect();
    order.sort_by(|&a, &b| {
        let ((word_a, count_a), (word_b, count_b)) = (words[a as usize], words[b as usize]);
        count_b.cmp(&count_a).then_with(|| word_a.cmp(word_b))
    });
    let mut rank = vec![0u32; words.len()];
    for (position, &id) in order.iter().enumerate() {
        rank[id as usize] = u32::try_from(position).unwrap_or(u32::MAX);
    }
    let mut frequencies = WordFrequencies {
        // Every counted occurrence is one token.
        tokens: found.len(),
        counts: order
            .iter()
            .map(|&id| {
                let (word, count) = words[id as usize];
                WordCount { word: CompactString::from(word), count, text_count: 0 }
            })
            .collect(),
    };
    count_in_text(&mut frequencies, &cleaned.text);
    let occurrences = found.into_iter().map(|(id, range)| Occurrence { word: rank[id as usize], range }).collect();
    (frequencies, occurrences)
}

/// Sets each word's [`WordCount::text_count`]: every occurrence of its
/// string in `text`, overlapping ones included, found with a
/// [`PhraseIndex`] of the report's words (building an Aho–Corasick
/// automaton of a report's thousand-odd words cost more than the search).
fn count_in_text(frequencies: &mut WordFrequencies, text: &str) {
    let index = PhraseIndex::new(frequencies.counts.iter().map(|count| count.word.as_str()));
    let mut text_counts = vec![0usize; frequencies.counts.len()];
    index.for_each_match(text, |_, word| text_counts[word] += 1);
    for (count, text_count) in frequencies.counts.iter_mut().zip(text_counts) {
        count.text_count = text_count;
    }
}

/// The frequencies of a set of reports: each word's counts summed.
pub fn combine_frequencies<'a>(reports: impl IntoIterator<Item = &'a WordFrequencies>) -> WordFrequencies {
    let mut map: FxHashMap<CompactString, (usize, usize)> = FxHashMap::default();
    for report in reports {
        for WordCount { word, count, text_count } in &report.counts {
            let entry = map.entry(word.clone()).or_default();
            entry.0 += count;
            entry.1 += text_count;
        }
    }
    WordFrequencies::from_map(map)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn occurrences() -> impl Strategy<Value = Vec<Occurrence>> {
        prop::collection::vec((any::<u32>(), 0usize..1 << 40, 0usize..200), 0..60).prop_map(|rows| {
            rows.into_iter()
                .map(|(word, start, length)| Occurrence { word, range: TextRange::new(start, start + length) })
                .collect()
        })
    }

    proptest! {
        /// Packed occurrences come back as they went in, in any order, and
        /// serialise exactly as the vector does.
        #[test]
        fn packing_keeps_every_occurrence(occurrences in occurrences()) {
            let packed = PackedOccurrences::pack(&occurrences);
            prop_assert_eq!(packed.len(), occurrences.len());
            prop_assert_eq!(packed.unpack(), occurrences.clone());
            prop_assert_eq!(
                serde_json::to_string(&packed).expect("json"),
                serde_json::to_string(&occurrences).expect("json")
            );
            let read: PackedOccurrences =
                serde_json::from_str(&serde_json::to_string(&occurrences).expect("json")).expect("reads");
            prop_assert_eq!(&read, &packed);
            prop_assert_eq!(PackedOccurrences::from_bytes(packed.as_bytes().to_vec()), Some(packed));
        }

        /// Bytes cut short inside an occurrence are refused, never read as
        /// fewer occurrences.
        #[test]
        fn cut_bytes_are_refused(occurrences in occurrences(), cut in any::<prop::sample::Index>()) {
            let packed = PackedOccurrences::pack(&occurrences);
            let bytes = packed.as_bytes();
            prop_assume!(!bytes.is_empty());
            let at = cut.index(bytes.len());
            let boundaries: Vec<usize> = (0..=occurrences.len())
                .map(|n| PackedOccurrences::pack(&occurrences[..n]).as_bytes().len())
                .collect();
            let read = PackedOccurrences::from_bytes(bytes[..at].to_vec());
            if boundaries.contains(&at) {
                prop_assert!(read.is_some());
            } else {
                prop_assert!(read.is_none());
            }
        }
    }
}
