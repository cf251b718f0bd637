//! The set analyses that need every report's words — distinctive words (G²
//! against the rest of the set), for one report or the first few of every
//! report, and TF-IDF keywords over the set — computed
//! off the page's thread, in the comparison worker's module
//! ([`crate::compare_worker`]), which keeps each report's word frequencies as
//! the page sends them ([`crate::hooks::use_keyness`]). The same question
//! brings the report's word sequence, from which its TextRank keywords are
//! computed with the lists: TextRank costs about a fifth of a report's
//! analysis, so it is computed for the report a reviewer opens, not for
//! every report of a drop.
//!
//! Plain data: no web types, so the lists are tested natively.

use std::collections::{BTreeMap, HashMap};

use gongwen_core::keyness::{
    DistinctiveWord, ScoredWord, SetTotals, Significance, TEXTRANK_KEYWORDS, WordSequence, distinctive_words_against,
    textrank_of_sequence, tfidf_keywords_against,
};
use gongwen_core::overview::OVERVIEW_DISTINCTIVE_WORDS;
use gongwen_core::words::WordFrequencies;
use serde::{Deserialize, Serialize};

use crate::protocol::ReportId;

/// How many words each list holds.
pub const LIST_LENGTH: usize = 20;

/// The level the worker computes distinctive words at, the least strict:
/// the list at a stricter level is this list's words above that level's
/// critical value (the lists are sorted by G²), so the page changes levels
/// without asking again ([`KeynessLists::distinctive_at`]).
const COMPUTED_SIGNIFICANCE: Significance = Significance::P05;

/// One report's lists against the set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeynessLists {
    /// The report.
    pub id: ReportId,
    /// How many reports the set held (the report and the others).
    pub reports: usize,
    /// Its distinctive words at p < 0.05, by G².
    pub distinctive: Vec<DistinctiveWord>,
    /// Its TF-IDF keywords, each with its text count.
    pub tfidf: Vec<(ScoredWord, usize)>,
    /// Its TextRank keywords, each with its text count.
    pub textrank: Vec<(ScoredWord, usize)>,
}

impl KeynessLists {
    /// The distinctive words at `significance`.
    pub fn distinctive_at(&self, significance: Significance) -> impl Iterator<Item = &DistinctiveWord> {
        self.distinctive.iter().filter(move |word| word.g2 >= significance.critical_value())
    }
}

/// Each of `words` with its text count in `report` (0 for a word the
/// report does not count).
pub fn with_text_counts(
    report: &WordFrequencies,
    words: impl IntoIterator<Item = ScoredWord>,
) -> Vec<(ScoredWord, usize)> {
    let text_counts: HashMap<&str, usize> =
        report.counts.iter().map(|count| (count.word.as_str(), count.text_count)).collect();
    words
        .into_iter()
        .map(|word| {
            let text_count = text_counts.get(word.word.as_str()).copied().unwrap_or(0);
            (word, text_count)
        })
        .collect()
}

/// Every report's word frequencies, as the worker keeps them, and their
/// totals, kept up to date as reports come and go: a question costs the
/// report's words, not the set's (during a drop of a thousand reports the
/// lists are asked for again and again as the set grows).
#[derive(Debug, Default)]
pub struct SetWords {
    reports: BTreeMap<ReportId, WordFrequencies>,
    totals: SetTotals,
}

impl SetWords {
    /// Keeps (or replaces) report `id`'s words.
    pub fn set(&mut self, id: ReportId, words: WordFrequencies) {
        self.totals.add(&words);
        if let Some(replaced) = self.reports.insert(id, words) {
            self.totals.remove(&replaced);
        }
    }

    /// Drops report `id`'s words.
    pub fn forget(&mut self, id: ReportId) {
        if let Some(forgotten) = self.reports.remove(&id) {
            self.totals.remove(&forgotten);
        }
    }

    /// Every report's first distinctive words against the rest of the set,
    /// as the overview shows them. Costs time linear in the set's words.
    pub fn distinctive_tops(&self) -> Vec<(ReportId, Vec<String>)> {
        self.reports
            .iter()
            .map(|(id, words)| {
                let top = distinctive_words_against(words, &self.totals, OVERVIEW_DISTINCTIVE_WORDS, Significance::P05);
                (*id, top.into_iter().map(|word| word.word).collect())
            })
            .collect()
    }

    /// Report `id`'s lists, if it is in the set, its TextRank keywords
    /// read from `sequence`, its counted words in text order. Costs time
    /// linear in the report's words and tokens.
    pub fn keyness(&self, id: ReportId, sequence: &WordSequence) -> Option<KeynessLists> {
        let report = self.reports.get(&id)?;
        let tfidf = with_text_counts(report, tfidf_keywords_against(report, &self.totals, LIST_LENGTH));
        let textrank = with_text_counts(report, textrank_of_sequence(report, sequence, TEXTRANK_KEYWORDS));
        Some(KeynessLists {
            id,
            reports: self.reports.len(),
            distinctive: distinctive_words_against(report, &self.totals, LIST_LENGTH, COMPUTED_SIGNIFICANCE),
            tfidf,
            textrank,
        })
    }
}

#[cfg(test)]
mod tests {
    use gongwen_core::words::WordCount;

    use super::*;

    fn words(counts: &[(&str, usize)]) -> WordFrequencies {
        WordFrequencies {
            tokens: counts.iter().map(|(_, count)| count).sum(),
            counts: counts
                .iter()
                .map(|&(word, count)| WordCount { word: word.into(), count, text_count: count + 1 })
                .collect(),
        }
    }

    #[test]
    fn a_report_is_compared_with_the_rest_of_the_set_as_kept() {
        let none = WordSequence::default();
        let mut set = SetWords::default();
        set.set(1, words(&[("党建", 40), ("发展", 10)]));
        set.set(2, words(&[("发展", 40), ("党建", 2)]));
        set.set(3, words(&[("发展", 30), ("党建", 1)]));
        let lists = set.keyness(1, &none).expect("report 1 is kept");
        assert_eq!(lists.reports, 3);
        assert_eq!(lists.distinctive.iter().map(|word| word.word.as_str()).collect::<Vec<_>>(), ["党建"]);
        assert_eq!(lists.distinctive[0].reference_count, 3);
        let strict: Vec<&str> = lists.distinctive_at(Significance::P001).map(|word| word.word.as_str()).collect();
        assert_eq!(strict, ["党建"], "a stricter level keeps the words above its value");
        assert_eq!(lists.tfidf[0].0.word, "党建");
        assert_eq!(lists.tfidf[0].1, 41, "each keyword carries its text count");

        // Kept totals give what summing the set again gives, after a report
        // is replaced and another forgotten.
        set.set(2, words(&[("发展", 5), ("党建", 20), ("改革", 3)]));
        set.forget(3);
        let kept = set.keyness(1, &none).expect("report 1 is kept");
        let report_1 = words(&[("党建", 40), ("发展", 10)]);
        let report_2 = words(&[("发展", 5), ("党建", 20), ("改革", 3)]);
        let fresh = SetTotals::of(&[&report_1, &report_2]);
        assert_eq!(kept.reports, 2);
        assert_eq!(kept.distinctive, distinctive_words_against(&report_1, &fresh, LIST_LENGTH, COMPUTED_SIGNIFICANCE));
        assert_eq!(
            kept.tfidf.iter().map(|(word, _)| word.clone()).collect::<Vec<_>>(),
            tfidf_keywords_against(&report_1, &fresh, LIST_LENGTH)
        );

        set.forget(2);
        let alone = set.keyness(1, &none).expect("report 1 is kept");
        assert_eq!((alone.reports, alone.distinctive.len()), (1, 0), "one report has nothing to be compared with");
        assert_eq!(set.keyness(2, &none), None);
    }

    #[test]
    fn every_report_gets_the_first_of_its_distinctive_words() {
        let none = WordSequence::default();
        let mut set = SetWords::default();
        set.set(1, words(&[("党建", 40), ("发展", 10)]));
        set.set(2, words(&[("发展", 40), ("改革", 30), ("党建", 2)]));
        set.set(3, words(&[("发展", 30), ("党建", 1)]));
        let tops: Vec<(ReportId, Vec<String>)> = set.distinctive_tops();
        assert_eq!(tops[0], (1, vec!["党建".to_owned()]));
        assert_eq!(tops[1].1[0], "改革");
        for (id, top) in &tops {
            let lists = set.keyness(*id, &none).expect("kept");
            let first: Vec<&String> = lists.distinctive.iter().map(|word| &word.word).take(top.len()).collect();
            assert_eq!(first, top.iter().collect::<Vec<_>>(), "report {id}'s tops are its list's first words");
        }
    }

    #[test]
    fn the_lists_bring_the_reports_textrank_from_its_word_sequence() {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        let seed = include_bytes!("../../../seeds/000_75e6ea62ff7e3e22.txt");
        let analysis = gongwen_core::analyze_report("000.txt", seed, &segmenter).expect("analysis");
        let mut set = SetWords::default();
        set.set(1, analysis.words.clone());
        set.set(2, words(&[("发展", 40), ("党建", 2)]));
        let lists = set.keyness(1, &analysis.word_sequence()).expect("report 1 is kept");
        let expected = with_text_counts(&analysis.words, analysis.textrank_keywords());
        assert_eq!(lists.textrank.len(), TEXTRANK_KEYWORDS);
        assert_eq!(lists.textrank, expected);
        assert!(lists.textrank.iter().all(|(word, text_count)| *text_count >= word.count), "text counts come along");
        let without = set.keyness(1, &WordSequence::default()).expect("report 1 is kept");
        assert_eq!((without.textrank.len(), without.distinctive.len()), (0, lists.distinctive.len()));
    }
}
