//! Word frequencies: stopwords, punctuation, numbers and heading markers are
//! not counted; sets of reports sum; a word's text count is every
//! occurrence of its string, as Ctrl-F finds it.

use gongwen_core::clean::clean_text;
use gongwen_core::keyness::{Significance, distinctive_words};
use gongwen_core::outline::extract_outline;
use gongwen_core::words::{WordFrequencies, combine_frequencies, count_words};

use crate::segmenter;

fn frequencies(source: &str) -> WordFrequencies {
    let cleaned = clean_text(source);
    let outline = extract_outline(&cleaned);
    count_words(segmenter(), &cleaned, &outline).0
}

fn check(source: &str, expected: &[(&str, usize)]) {
    let actual: Vec<(String, usize)> =
        frequencies(source).counts.into_iter().map(|c| (c.word.to_string(), c.count)).collect();
    let expected: Vec<(String, usize)> = expected.iter().map(|&(w, c)| (w.to_owned(), c)).collect();
    assert_eq!(actual, expected);
}

#[test]
fn markers_stopwords_punctuation_and_numbers_are_not_counted() {
    check(
        "一、加强党建\n一是坚决做到两个维护。二是坚决做到两个维护，召开党组会65次。",
        &[("两个维护", 2), ("做到", 2), ("坚决", 2), ("党建", 1), ("党组会", 1), ("加强", 1), ("召开", 1)],
    );
}

#[test]
fn tokens_is_the_number_of_counted_words() {
    let words = frequencies("一是坚决做到两个维护。");
    assert_eq!(words.tokens, words.counts.iter().map(|c| c.count).sum::<usize>());
    assert_eq!(words.tokens, 3);
}

#[test]
fn report_sets_sum_their_counts() {
    let a = frequencies("两个维护，两个维护。");
    let b = frequencies("两个维护，主题党日。");
    let combined = combine_frequencies([&a, &b]);
    assert_eq!(combined.counts[0].word, "两个维护");
    assert_eq!(combined.counts[0].count, 3);
    assert_eq!(combined.tokens, 4);
}

/// Every start of `needle` in `text`, overlapping ones included: a plain
/// search, independent of the Aho–Corasick pass that computes text counts.
fn occurrences_in(text: &str, needle: &str) -> usize {
    text.char_indices().filter(|&(at, _)| text[at..].starts_with(needle)).count()
}

#[test]
fn distinctive_words_carry_every_occurrence_of_their_string_in_the_report() {
    let seeds: Vec<gongwen_core::ReportAnalysis> = crate::seeds::seed_files()
        .into_iter()
        .map(|(name, bytes)| gongwen_core::analyze_report(&name, &bytes, segmenter()).expect("a seed"))
        .collect();
    let frequencies: Vec<&WordFrequencies> = seeds.iter().map(|seed| &seed.words).collect();
    let mut checked = 0;
    for (index, seed) in seeds.iter().enumerate() {
        for word in distinctive_words(&frequencies, index, 100, Significance::P05) {
            assert_eq!(
                word.text_count,
                occurrences_in(&seed.cleaned.text, &word.word),
                "{} in {}",
                word.word,
                seed.name
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "the seeds have distinctive words to check ({checked})");
}

#[test]
fn distinctive_words_against_the_set_totals_use_the_rest_of_the_set() {
    use gongwen_core::keyness::{SetTotals, Significance, distinctive_words, distinctive_words_against};
    let analyses: Vec<_> = ["000", "001", "002", "003", "004"].map(crate::seeds::analyze_seed).into_iter().collect();
    let frequencies: Vec<_> = analyses.iter().map(|a| &a.words).collect();
    let totals = SetTotals::of(&frequencies);
    for (index, report) in frequencies.iter().enumerate() {
        let against = distinctive_words_against(report, &totals, 50, Significance::default());
        assert!(!against.is_empty(), "seed {index} has distinctive words");
        assert_eq!(distinctive_words(&frequencies, index, 50, Significance::default()), against);
        // The reference is the rest of the set, summed the slow way.
        for word in &against {
            let rest: usize = frequencies
                .iter()
                .enumerate()
                .filter(|(other, _)| *other != index)
                .filter_map(|(_, other)| other.counts.iter().find(|c| c.word == word.word))
                .map(|c| c.count)
                .sum();
            assert_eq!(word.reference_count, rest, "{}", word.word);
        }
    }
}

#[test]
fn set_totals_kept_through_additions_and_removals_equal_totals_summed_again() {
    use gongwen_core::keyness::{SetTotals, Significance, distinctive_words_against, tfidf_keywords_against};
    let analyses: Vec<_> = ["000", "001", "002", "003", "004"].map(crate::seeds::analyze_seed).into_iter().collect();
    let frequencies: Vec<_> = analyses.iter().map(|a| &a.words).collect();
    // All five added, then 001 and 003 taken out again: the set of 000, 002, 004.
    let mut kept = SetTotals::of(&frequencies);
    kept.remove(frequencies[1]);
    kept.remove(frequencies[3]);
    let remaining = [frequencies[0], frequencies[2], frequencies[4]];
    let fresh = SetTotals::of(&remaining);
    assert_eq!((kept.reports(), kept.distinct_words()), (fresh.reports(), fresh.distinct_words()));
    for report in remaining {
        assert_eq!(
            distinctive_words_against(report, &kept, 50, Significance::P05),
            distinctive_words_against(report, &fresh, 50, Significance::P05)
        );
        assert_eq!(tfidf_keywords_against(report, &kept, 50), tfidf_keywords_against(report, &fresh, 50));
    }
    assert!(
        fresh.distinct_words() < SetTotals::of(&frequencies).distinct_words(),
        "words only the removed reports used are forgotten"
    );
}
