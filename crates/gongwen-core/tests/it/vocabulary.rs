//! Vocabulary analyses: G², TF-IDF and TextRank on tiny hand-computed
//! fixtures, the concordance on CJK text from a CRLF source, the formulation
//! inventory.

use gongwen_core::analyze_report;
use gongwen_core::concordance::concordance;

use gongwen_core::keyness::{
    Significance, WordSequence, distinctive_words, log_likelihood, textrank_keywords, textrank_of_sequence,
    tfidf_keywords,
};
use gongwen_core::words::{WordCount, WordFrequencies};

use crate::segmenter;

fn frequencies(counts: &[(&str, usize)]) -> WordFrequencies {
    WordFrequencies {
        tokens: counts.iter().map(|(_, count)| count).sum(),
        counts: counts.iter().map(|&(word, count)| WordCount { word: word.into(), count, text_count: count }).collect(),
    }
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-6
}

#[test]
fn log_likelihood_matches_the_hand_computation() {
    // a = 10 of c = 100, b = 5 of d = 200: expected 5 and 10, so
    // G² = 2 (10 ln 2 + 5 ln ½) = 10 ln 2.
    assert!(close(log_likelihood(10, 5, 100, 200), 10.0 * 2f64.ln()));
    // Equal rates give nothing; absent words add nothing.
    assert!(close(log_likelihood(2, 4, 100, 200), 0.0));
    assert!(close(log_likelihood(0, 0, 100, 200), 0.0));
    assert!(close(log_likelihood(3, 0, 10, 0), 0.0));
}

#[test]
fn distinctive_words_are_the_overused_ones_ranked_by_g2() {
    let report = frequencies(&[("两个维护", 10), ("加强", 5), ("乡村振兴", 1), ("工作", 84)]);
    let rest = frequencies(&[("两个维护", 5), ("加强", 20), ("工作", 175)]);
    let distinctive = distinctive_words(&[&report, &rest], 0, 10, Significance::P05);
    let words: Vec<&str> = distinctive.iter().map(|w| w.word.as_str()).collect();
    // 加强 is underused (5/100 vs 20/200 …) and 乡村振兴 occurs once: neither counts.
    assert_eq!(words, ["两个维护"]);
    assert!(close(distinctive[0].g2, 10.0 * 2f64.ln()));
    // 10/100 against 5/200: four times as often.
    assert!(close(distinctive[0].log_ratio, 2.0));
    assert_eq!((distinctive[0].count, distinctive[0].reference_count), (10, 5));
    assert!(distinctive_words(&[&report], 0, 10, Significance::P05).is_empty(), "a set of one has no rest");
    // G² = 6.93: significant at p < 0.01, not at p < 0.001.
    assert_eq!(distinctive_words(&[&report, &rest], 0, 10, Significance::P01).len(), 1);
    assert!(distinctive_words(&[&report, &rest], 0, 10, Significance::P001).is_empty());
}

#[test]
fn no_distinctive_word_is_below_the_threshold_and_identical_reports_have_none() {
    let seeds: Vec<gongwen_core::ReportAnalysis> = crate::seeds::seed_files()
        .into_iter()
        .map(|(name, bytes)| gongwen_core::analyze_report(&name, &bytes, crate::segmenter()).expect("a seed"))
        .collect();
    let frequencies: Vec<&gongwen_core::words::WordFrequencies> = seeds.iter().map(|seed| &seed.words).collect();
    for significance in Significance::ALL {
        for index in 0..seeds.len() {
            for word in distinctive_words(&frequencies, index, 100, significance) {
                assert!(
                    word.g2 >= significance.critical_value(),
                    "{} G² {} at {}",
                    word.word,
                    word.g2,
                    significance.label()
                );
                assert!(word.log_ratio > 0.0, "{} is overused", word.word);
            }
        }
    }
    let same = [frequencies[0], frequencies[0]];
    assert!(distinctive_words(&same, 0, 100, Significance::P05).is_empty(), "two identical reports share every word");
}

#[test]
fn tfidf_uses_smoothed_idf_over_the_set() {
    let a = frequencies(&[("甲", 2), ("乙", 2)]);
    let b = frequencies(&[("丙", 3), ("乙", 1)]);
    let keywords = tfidf_keywords(&[&a, &b], 0, 10);
    // idf(甲) = ln(3/2) + 1, idf(乙) = ln(3/3) + 1 = 1; tf = 2/4 each.
    assert_eq!(keywords[0].word, "甲");
    assert!(close(keywords[0].score, 0.5 * ((1.5f64).ln() + 1.0)));
    assert_eq!(keywords[1].word, "乙");
    assert!(close(keywords[1].score, 0.5));
}

#[test]
fn textrank_ranks_the_hub_word_first() {
    let analysis = analyze_report("t.txt", "党建引领发展，党建引领治理，党建引领服务。".as_bytes(), segmenter())
        .expect("analysis");
    let ranked = textrank_keywords(&analysis.cleaned, &analysis.words, &analysis.occurrences.unpack(), 3);
    assert_eq!(ranked[0].word, "党建引领");
    assert!(close(ranked[0].score, 1.0));
    let again = textrank_keywords(&analysis.cleaned, &analysis.words, &analysis.occurrences.unpack(), 3);
    assert_eq!(ranked, again, "deterministic");
}

/// TextRank as its definition reads: co-occurrences within five counted
/// words of one paragraph, 40 PageRank iterations with damping 0.85, every
/// edge's share divided at each step; scores scaled to the top one.
fn textrank_by_definition(analysis: &gongwen_core::ReportAnalysis, limit: usize) -> Vec<(String, f64)> {
    use std::collections::BTreeMap;
    let occurrences = analysis.occurrences.unpack();
    let (cleaned, occurrences) = (&analysis.cleaned, &occurrences);
    let mut edges: BTreeMap<(u32, u32), f64> = BTreeMap::new();
    for (position, occurrence) in occurrences.iter().enumerate() {
        let paragraph = cleaned.line_index_at(occurrence.range.start);
        for other in occurrences.iter().skip(position + 1).take(4) {
            if cleaned.line_index_at(other.range.start) != paragraph {
                break;
            }
            if other.word != occurrence.word {
                *edges.entry((occurrence.word.min(other.word), occurrence.word.max(other.word))).or_default() += 1.0;
            }
        }
    }
    let nodes = analysis.words.counts.len();
    let mut neighbours: Vec<Vec<(usize, f64)>> = vec![Vec::new(); nodes];
    for (&(a, b), &weight) in &edges {
        neighbours[a as usize].push((b as usize, weight));
        neighbours[b as usize].push((a as usize, weight));
    }
    for list in &mut neighbours {
        list.sort_by_key(|&(node, _)| node);
    }
    let out: Vec<f64> = neighbours.iter().map(|list| list.iter().map(|(_, w)| w).sum()).collect();
    let mut scores = vec![1.0; nodes];
    for _ in 0..40 {
        scores = (0..nodes)
            .map(|node| {
                let incoming: f64 = neighbours[node].iter().map(|&(o, w)| w / out[o] * scores[o]).sum();
                (1.0 - 0.85) + 0.85 * incoming
            })
            .collect();
    }
    let top = scores.iter().copied().fold(f64::MIN, f64::max);
    let mut scored: Vec<(String, f64)> = analysis
        .words
        .counts
        .iter()
        .zip(&scores)
        .filter(|(_, score)| **score > 1.0 - 0.85)
        .map(|(count, score)| (count.word.to_string(), score / top))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    scored.truncate(limit);
    scored
}

#[test]
fn textrank_gives_the_definitions_scores_bit_for_bit() {
    for (name, bytes) in crate::seeds::seed_files() {
        let analysis = analyze_report(&name, &bytes, segmenter()).expect("a seed");
        let ranked: Vec<(String, u64)> =
            textrank_keywords(&analysis.cleaned, &analysis.words, &analysis.occurrences.unpack(), 30)
                .into_iter()
                .map(|word| (word.word, word.score.to_bits()))
                .collect();
        let defined: Vec<(String, u64)> =
            textrank_by_definition(&analysis, 30).into_iter().map(|(word, score)| (word, score.to_bits())).collect();
        assert_eq!(ranked.len(), 30, "{name}");
        assert_eq!(ranked, defined, "{name}");
    }
}

#[test]
fn textrank_from_the_word_sequence_a_worker_is_sent_ranks_as_from_the_text() {
    for (name, bytes) in crate::seeds::seed_files() {
        let analysis = analyze_report(&name, &bytes, segmenter()).expect("a seed");
        let sequence = analysis.word_sequence();
        assert_eq!(sequence.words.len(), analysis.occurrences.len(), "{name}");
        assert_eq!(sequence.paragraphs.len(), analysis.occurrences.len(), "{name}");
        let from_text = textrank_keywords(&analysis.cleaned, &analysis.words, &analysis.occurrences.unpack(), 20);
        assert_eq!(textrank_of_sequence(&analysis.words, &sequence, 20), from_text, "{name}");

        // A sequence from another analysis of the report (a word index the
        // words do not have, a paragraph missing) is read without a panic:
        // the unknown entries are left out and the rest still ranks.
        let mut foreign = sequence.clone();
        foreign.words.push(u32::MAX);
        foreign.words.push(0);
        let ranked = textrank_of_sequence(&analysis.words, &foreign, 20);
        assert_eq!(ranked.len(), 20, "{name}");
        assert_eq!(ranked[0].word, from_text[0].word, "{name}");
    }
    assert_eq!(textrank_of_sequence(&frequencies(&[]), &WordSequence::default(), 20), Vec::new());
}

#[test]
fn concordance_contexts_sit_at_the_right_characters_of_a_crlf_source() {
    let source = "总体情况\r\n（一）加强学习。坚持两个维护，做到两个维护。\r\n二是落实两个维护\r\n";
    let analysis = analyze_report("k.txt", source.as_bytes(), segmenter()).expect("analysis");
    let lines = concordance(&analysis, "两个维护", 3);
    let rows: Vec<(u32, &str, &str, &str, Option<&str>)> = lines
        .iter()
        .map(|l| (l.line, l.left.as_str(), l.matched.as_str(), l.right.as_str(), l.section.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            (2, "。坚持", "两个维护", "，做到", Some("（一）加强学习")),
            (2, "，做到", "两个维护", "。", Some("（一）加强学习")),
            (3, "是落实", "两个维护", "", Some("二是落实两个维护")),
        ]
    );
    assert_eq!(lines[0].range.slice(&analysis.cleaned.text), "两个维护");
    // A phrase that is no single word is found as text; a word inside another word is not.
    assert_eq!(concordance(&analysis, "做到两个", 2).len(), 1);
    // "维护" is no counted word here (the words are 两个维护), so it is found as text.
    assert_eq!(concordance(&analysis, "维护", 2).len(), 3);
    // Every occurrence of the string is listed, as Ctrl-F finds it; one
    // inside a longer counted word is marked with that word.
    let nested = analyze_report("n.txt", "加强党组织建设，党组研究部署。".as_bytes(), segmenter()).expect("analysis");
    let found: Vec<(String, Option<String>)> = concordance(&nested, "党组", 2)
        .into_iter()
        .map(|l| (format!("{}[{}]{}", l.left, l.matched, l.right), l.inside_word))
        .collect();
    // jieba cuts 加强/党/组织建设: the first 党组 straddles two words, so it
    // is inside none.
    assert_eq!(found, [("加强[党组]织建".to_owned(), None), ("设，[党组]研究".to_owned(), None)]);
    // 维护 inside the counted formulation 两个维护 is marked with it.
    let inside: Vec<Option<String>> = concordance(&analysis, "维护", 2).into_iter().map(|l| l.inside_word).collect();
    assert!(inside.iter().any(|word| word.as_deref() == Some("两个维护")), "{inside:?}");
}

/// Occurrences of `needle` in `text`, overlapping ones included.
fn substring_count(text: &str, needle: &str) -> usize {
    (0..text.len()).filter(|&at| text.is_char_boundary(at) && text[at..].starts_with(needle)).count()
}

#[test]
fn text_counts_match_ctrl_f_and_concordances_do_not_move_with_the_stopwords() {
    use gongwen_core::vocabulary::UserVocabulary;
    let with_more_stopwords = gongwen_core::Segmenter::with_user_vocabulary(&UserVocabulary {
        added_stopwords: vec!["调研".to_owned(), "工作".to_owned(), "加强".to_owned()],
        ..UserVocabulary::default()
    })
    .expect("a segmenter");
    for (name, bytes) in crate::seeds::seed_files() {
        let analysis = analyze_report(&name, &bytes, segmenter()).expect("a seed");
        let changed = analyze_report(&name, &bytes, &with_more_stopwords).expect("a seed");
        let text = &analysis.cleaned.text;
        for count in analysis.words.top(50) {
            assert_eq!(count.text_count, substring_count(text, &count.word), "{name}: {}", count.word);
            assert!(count.text_count >= count.count, "{name}: {} counted more often than written", count.word);
            let lines = concordance(&analysis, &count.word, 5);
            let has_variants = lines.iter().any(|line| line.matched != count.word);
            if !has_variants {
                assert_eq!(lines.len(), count.text_count, "{name}: concordance of {}", count.word);
            }
            assert_eq!(concordance(&changed, &count.word, 5).len(), lines.len(), "{name}: {} moved", count.word);
            if let Some(index) = changed.words.index_of(&count.word) {
                assert_eq!(changed.words.counts[index].text_count, count.text_count, "{name}: {}", count.word);
            }
        }
    }
}

#[test]
fn formulations_are_counted_with_their_density() {
    let analysis = analyze_report("f.txt", "坚决做到两个维护，落实一岗双责，坚持两个维护。".as_bytes(), segmenter())
        .expect("analysis");
    let found: Vec<(&str, usize)> = analysis.formulations.iter().map(|f| (f.term.as_str(), f.count)).collect();
    assert_eq!(found, [("两个维护", 2), ("一岗双责", 1)]);
    let expected_density = (2.0 * 1000.0 / analysis.chars as f64 * 100.0).round() / 100.0;
    assert!(close(analysis.formulations[0].per_thousand, expected_density));
}

#[test]
fn single_characters_are_never_words_unless_the_lexicon_has_them() {
    // 为主线 must not leave 线 in a cloud or a top list.
    let analysis = analyze_report("x.txt", "以开展主题教育为主线，推动工作。线上线下结合。".as_bytes(), segmenter())
        .expect("analysis");
    let lexicon = segmenter().lexicon();
    for count in &analysis.words.counts {
        let single = count.word.chars().count() == 1;
        let in_lexicon = lexicon.entries.iter().any(|entry| entry.term == count.word);
        assert!(!single || in_lexicon, "{} is counted", count.word);
    }
    for (name, bytes) in crate::seeds::seed_files() {
        let seed = analyze_report(&name, &bytes, segmenter()).expect("a seed");
        assert!(
            seed.words
                .counts
                .iter()
                .all(|count| count.word.chars().count() > 1
                    || lexicon.entries.iter().any(|entry| entry.term == count.word)),
            "{name}"
        );
    }
}

#[test]
fn a_concordance_over_the_words_alone_is_the_analysed_reports() {
    // The CLI's `kwic` counts the words of a read report and skips the other
    // analyses: its lines must be those of the whole analysis.
    use gongwen_core::{ReadLimits, read_report};
    for (name, bytes) in crate::seeds::seed_files() {
        let analysis = analyze_report(&name, &bytes, segmenter()).expect("a seed");
        let read = read_report(&name, &bytes, &ReadLimits::default()).expect("a seed");
        let (words, occurrences) = read.words(segmenter());
        let text = read.concordance_text(&words, &occurrences);
        let mut looked_up = 0;
        for word in analysis.words.top(30).iter().map(|count| count.word.as_str()).chain(["两个维护", "党", "的"])
        {
            let lines = concordance(text.clone(), word, 6);
            assert_eq!(lines, concordance(&analysis, word, 6), "{name}: {word}");
            looked_up += lines.len();
        }
        assert!(looked_up > 30, "{name}: the words looked up are in the report");
    }
}
