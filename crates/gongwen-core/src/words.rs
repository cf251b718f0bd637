//! Phase 5, **words**: word frequencies of one report and of a set of reports.
//!
//! Heading markers (`一是`, `（一）`, `第一，`) are structure, not vocabulary:
//! the text is segmented around them so they are never counted. Besides the
//! counts, each counted word's positions are kept as [`Occurrence`]s: the
//! concordance, the dispersion strips and TextRank read them, and the page can
//! use them without a dictionary.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::clean::CleanedText;
use crate::outline::Outline;
use crate::pattern_search::PhraseIndex;
use crate::segment::{EntryLookup, Segmenter};
use crate::text::TextRange;

/// How often one word occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordCount {
    /// The word (for lexicon forms, the entry's term).
    pub word: String,
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

impl WordFrequencies {
    /// The index of `word` in [`counts`](Self::counts).
    pub fn index_of(&self, word: &str) -> Option<usize> {
        self.counts.iter().position(|count| count.word == word)
    }

    /// The `n` most frequent words.
    pub fn top(&self, n: usize) -> &[WordCount] {
        &self.counts[..n.min(self.counts.len())]
    }

    fn from_map(map: FxHashMap<String, (usize, usize)>) -> Self {
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
                WordCount { word: word.to_owned(), count, text_count: 0 }
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
    let mut map: FxHashMap<String, (usize, usize)> = FxHashMap::default();
    for report in reports {
        for WordCount { word, count, text_count } in &report.counts {
            let entry = map.entry(word.clone()).or_default();
            entry.0 += count;
            entry.1 += text_count;
        }
    }
    WordFrequencies::from_map(map)
}
