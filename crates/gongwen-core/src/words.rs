//! Phase 5, **words**: word frequencies of one report and of a set of reports.
//!
//! Heading markers (`一是`, `（一）`, `第一，`) are structure, not vocabulary:
//! the text is segmented around them so they are never counted.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::clean::CleanedText;
use crate::outline::Outline;
use crate::segment::Segmenter;
use crate::text::TextRange;

/// How often one word occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordCount {
    /// The word (for lexicon forms, the entry's term).
    pub word: String,
    /// Number of occurrences.
    pub count: usize,
}

/// The word frequencies of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordFrequencies {
    /// Number of counted words (stopwords, punctuation and numbers excluded).
    pub tokens: usize,
    /// Every counted word, most frequent first; ties in Unicode order.
    pub counts: Vec<WordCount>,
}

impl WordFrequencies {
    /// The `n` most frequent words.
    pub fn top(&self, n: usize) -> &[WordCount] {
        &self.counts[..n.min(self.counts.len())]
    }

    fn from_map(map: HashMap<String, usize>) -> Self {
        let tokens = map.values().sum();
        let mut counts: Vec<WordCount> = map.into_iter().map(|(word, count)| WordCount { word, count }).collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.word.cmp(&b.word)));
        Self { tokens, counts }
    }
}

/// Counts the words of a report's cleaned text, skipping heading markers.
pub fn count_words(segmenter: &Segmenter, cleaned: &CleanedText, outline: &Outline) -> WordFrequencies {
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
    let mut map: HashMap<String, usize> = HashMap::new();
    for piece in pieces {
        for token in segmenter.segment(piece.slice(&cleaned.text)) {
            if segmenter.is_counted(&token) {
                *map.entry(segmenter.canonical(&token).to_owned()).or_default() += 1;
            }
        }
    }
    WordFrequencies::from_map(map)
}

/// The frequencies of a set of reports: each word's counts summed.
pub fn combine_frequencies<'a>(reports: impl IntoIterator<Item = &'a WordFrequencies>) -> WordFrequencies {
    let mut map: HashMap<String, usize> = HashMap::new();
    for report in reports {
        for WordCount { word, count } in &report.counts {
            *map.entry(word.clone()).or_default() += count;
        }
    }
    WordFrequencies::from_map(map)
}
