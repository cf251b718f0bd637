//! The formulations inventory: which lexicon entries (提法, bodies,
//! activities, systems, slogans) a report uses, how often, and how densely.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::lexicon::{Lexicon, LexiconCategory};
use crate::words::WordFrequencies;

/// One lexicon entry's use in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormulationCount {
    /// The entry's term (variants are counted under it).
    pub term: String,
    /// The entry's category.
    pub category: LexiconCategory,
    /// Occurrences in the report.
    pub count: usize,
    /// Occurrences per 1,000 characters of the report.
    pub per_thousand: f64,
}

/// The lexicon entries a report uses, most frequent first (ties by term).
/// `chars` is the report's length in characters, whitespace not counted.
pub fn count_formulations(lexicon: &Lexicon, words: &WordFrequencies, chars: usize) -> Vec<FormulationCount> {
    let counts: FxHashMap<&str, usize> = words.counts.iter().map(|c| (c.word.as_str(), c.count)).collect();
    let mut found: Vec<FormulationCount> = lexicon
        .entries
        .iter()
        .filter_map(|entry| {
            let count = counts.get(entry.term.as_str()).copied().unwrap_or(0);
            (count > 0).then(|| FormulationCount {
                term: entry.term.clone(),
                category: entry.category,
                count,
                per_thousand: per_thousand(count, chars),
            })
        })
        .collect();
    found.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    found
}

/// `count` per 1,000 of `chars`, rounded to two decimals.
pub fn per_thousand(count: usize, chars: usize) -> f64 {
    if chars == 0 {
        return 0.0;
    }
    (count as f64 * 1000.0 / chars as f64 * 100.0).round() / 100.0
}
