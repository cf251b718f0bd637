//! Keyness: what is characteristic of a report.
//!
//! - **Distinctive words** against the rest of the set, by Dunning's
//!   log-likelihood G² (the statistic AntConc and Voyant report): a word a
//!   report uses significantly more often than the other reports do — G² at
//!   or above the critical value of the chosen [`Significance`] (3.84 for
//!   p < 0.05, one degree of freedom) — with its effect size as Hardie's log
//!   ratio (log₂ of the ratio of the two relative frequencies).
//! - **TF-IDF** over the dropped reports themselves (no bundled IDF table),
//!   with smoothed IDF so that a set of one or two reports still ranks.
//! - **TextRank** per report: PageRank over a co-occurrence graph of counted
//!   words within a small window, not crossing paragraphs.
//!
//! All three are deterministic: ties are broken by the word's Unicode order.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::clean::CleanedText;
use crate::words::{Occurrence, WordFrequencies};

/// A word with a keyness score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredWord {
    /// The word.
    pub word: String,
    /// Its score (G², TF-IDF or TextRank, depending on the list).
    pub score: f64,
    /// Its count in the report.
    pub count: usize,
}

/// The fewest occurrences for a word to count as distinctive: a word used once
/// is never characteristic.
pub const MIN_DISTINCTIVE_COUNT: usize = 2;

/// How sure a distinctive word must be: G² is compared with the χ² critical
/// value of one degree of freedom.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Significance {
    /// p < 0.05: G² ≥ 3.84.
    #[default]
    P05,
    /// p < 0.01: G² ≥ 6.63.
    P01,
    /// p < 0.001: G² ≥ 10.83.
    P001,
}

impl Significance {
    /// Every level, least strict first.
    pub const ALL: [Significance; 3] = [Significance::P05, Significance::P01, Significance::P001];

    /// The smallest G² that is significant at this level.
    pub fn critical_value(self) -> f64 {
        match self {
            Significance::P05 => 3.84,
            Significance::P01 => 6.63,
            Significance::P001 => 10.83,
        }
    }

    /// The level as users read it: `p < 0.05`.
    pub fn label(self) -> &'static str {
        match self {
            Significance::P05 => "p < 0.05",
            Significance::P01 => "p < 0.01",
            Significance::P001 => "p < 0.001",
        }
    }
}

/// A word a report overuses significantly against the rest of the set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistinctiveWord {
    /// The word.
    pub word: String,
    /// Its log-likelihood G² against the rest of the set.
    pub g2: f64,
    /// Its effect size: log₂ of (its rate in the report / its rate in the
    /// rest); 1 means twice as often. A word the rest never uses is counted
    /// there as half an occurrence.
    pub log_ratio: f64,
    /// Its count in the report, as segmented: the word as a word of its own
    /// (what G² is computed from).
    pub count: usize,
    /// Its count in the rest of the set together, as segmented.
    pub reference_count: usize,
    /// Every occurrence of its string in the report's cleaned text, inside
    /// longer words and headings included: what a reader's Ctrl-F finds
    /// ([`WordCount::text_count`](crate::words::WordCount::text_count)).
    #[serde(default)]
    pub text_count: usize,
}

/// Hardie's log ratio of `a` in `c` words against `b` in `d` words, with
/// 0.5 for a zero count so that the ratio stays finite.
pub fn log_ratio(a: usize, b: usize, c: usize, d: usize) -> f64 {
    if c == 0 || d == 0 {
        return 0.0;
    }
    let smooth = |count: usize| if count == 0 { 0.5 } else { count as f64 };
    ((smooth(a) / c as f64) / (smooth(b) / d as f64)).log2()
}

/// Dunning's log-likelihood G² of a word seen `a` times among `c` words of one
/// corpus and `b` times among `d` words of another.
pub fn log_likelihood(a: usize, b: usize, c: usize, d: usize) -> f64 {
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    if c + d == 0.0 {
        return 0.0;
    }
    let expected_a = c * (a + b) / (c + d);
    let expected_b = d * (a + b) / (c + d);
    let term = |observed: f64, expected: f64| {
        if observed > 0.0 && expected > 0.0 { observed * (observed / expected).ln() } else { 0.0 }
    };
    2.0 * (term(a, expected_a) + term(b, expected_b))
}

/// The word counts of a whole set of reports, summed once so that each
/// report's reference (the rest of the set) is the total minus its own
/// counts: distinctive words and TF-IDF for every report of a set cost time
/// linear in the set, not quadratic. A set that grows and shrinks (the
/// page's, as files are dropped and removed) keeps its totals up to date
/// with [`add`](Self::add) and [`remove`](Self::remove) instead of summing
/// again for every question.
#[derive(Debug, Clone, Default)]
pub struct SetTotals {
    /// Each word's totals over the set.
    words: FxHashMap<Box<str>, WordTotal>,
    /// Tokens over every report.
    tokens: usize,
    /// How many reports the set holds.
    reports: usize,
}

/// One word's totals over a set.
#[derive(Debug, Clone, Copy, Default)]
struct WordTotal {
    /// Its count over every report.
    count: usize,
    /// How many reports use it (its document frequency).
    reports: usize,
}

impl SetTotals {
    /// The totals of `reports`.
    pub fn of(reports: &[&WordFrequencies]) -> Self {
        let mut totals = SetTotals::default();
        for report in reports {
            totals.add(report);
        }
        totals
    }

    /// Adds a report to the set.
    pub fn add(&mut self, report: &WordFrequencies) {
        self.tokens += report.tokens;
        self.reports += 1;
        for count in &report.counts {
            let total = match self.words.get_mut(count.word.as_str()) {
                Some(total) => total,
                None => self.words.entry(count.word.as_str().into()).or_default(),
            };
            total.count += count.count;
            total.reports += 1;
        }
    }

    /// Takes out a report [`add`](Self::add)ed before; a word no report
    /// uses any longer is forgotten.
    pub fn remove(&mut self, report: &WordFrequencies) {
        self.tokens = self.tokens.saturating_sub(report.tokens);
        self.reports = self.reports.saturating_sub(1);
        for count in &report.counts {
            if let Some(total) = self.words.get_mut(count.word.as_str()) {
                total.count = total.count.saturating_sub(count.count);
                total.reports = total.reports.saturating_sub(1);
                if total.reports == 0 {
                    self.words.remove(count.word.as_str());
                }
            }
        }
    }

    /// How many reports the set holds.
    pub fn reports(&self) -> usize {
        self.reports
    }

    /// How many distinct words the set uses.
    pub fn distinct_words(&self) -> usize {
        self.words.len()
    }
}

/// The words report `index` of `reports` overuses significantly (at
/// `significance`) against all the others together, by G², at most
/// `limit`. Empty for a set of one report, and when nothing is significant.
/// For every report of a set, sum the set once with [`SetTotals::of`] and
/// call [`distinctive_words_against`].
pub fn distinctive_words(
    reports: &[&WordFrequencies],
    index: usize,
    limit: usize,
    significance: Significance,
) -> Vec<DistinctiveWord> {
    let Some(report) = reports.get(index) else { return Vec::new() };
    distinctive_words_against(report, &SetTotals::of(reports), limit, significance)
}

/// The words `report`, one of the reports `totals` sums, overuses
/// significantly against the rest of the set.
pub fn distinctive_words_against(
    report: &WordFrequencies,
    totals: &SetTotals,
    limit: usize,
    significance: Significance,
) -> Vec<DistinctiveWord> {
    let rest_tokens = totals.tokens.saturating_sub(report.tokens);
    if rest_tokens == 0 || report.tokens == 0 {
        return Vec::new();
    }
    let critical = significance.critical_value();
    let mut distinctive: Vec<DistinctiveWord> = report
        .counts
        .iter()
        .filter(|count| count.count >= MIN_DISTINCTIVE_COUNT)
        .filter_map(|count| {
            let total = totals.words.get(count.word.as_str()).map_or(count.count, |total| total.count);
            let in_rest = total.saturating_sub(count.count);
            // Only overuse is distinctive: the report's rate must be higher.
            let overused = count.count as f64 / report.tokens as f64 > in_rest as f64 / rest_tokens as f64;
            let g2 = log_likelihood(count.count, in_rest, report.tokens, rest_tokens);
            (overused && g2 >= critical).then(|| DistinctiveWord {
                word: count.word.to_string(),
                g2,
                log_ratio: log_ratio(count.count, in_rest, report.tokens, rest_tokens),
                count: count.count,
                reference_count: in_rest,
                text_count: count.text_count,
            })
        })
        .collect();
    distinctive.sort_by(|a, b| b.g2.total_cmp(&a.g2).then_with(|| a.word.cmp(&b.word)));
    distinctive.truncate(limit);
    distinctive
}

/// TF-IDF keywords of report `index` of `reports`, at most `limit`:
/// `tf = count / tokens`, `idf = ln((1 + n) / (1 + df)) + 1`. For every
/// report of a set, sum the set once with [`SetTotals::of`] and call
/// [`tfidf_keywords_against`].
pub fn tfidf_keywords(reports: &[&WordFrequencies], index: usize, limit: usize) -> Vec<ScoredWord> {
    let Some(report) = reports.get(index) else { return Vec::new() };
    tfidf_keywords_against(report, &SetTotals::of(reports), limit)
}

/// The TF-IDF keywords of `report`, one of the reports `totals` sums, at
/// most `limit`: document frequencies and the number of documents are the
/// set's.
pub fn tfidf_keywords_against(report: &WordFrequencies, totals: &SetTotals, limit: usize) -> Vec<ScoredWord> {
    if report.tokens == 0 {
        return Vec::new();
    }
    let documents = totals.reports as f64;
    let mut scored: Vec<ScoredWord> = report
        .counts
        .iter()
        .map(|count| {
            let df = totals.words.get(count.word.as_str()).map_or(1, |total| total.reports) as f64;
            let idf = ((1.0 + documents) / (1.0 + df)).ln() + 1.0;
            ScoredWord {
                word: count.word.to_string(),
                score: count.count as f64 / report.tokens as f64 * idf,
                count: count.count,
            }
        })
        .collect();
    sort_and_cut(&mut scored, limit);
    scored
}

/// How many TextRank keywords a report's list holds (the page's keyness
/// panel lists them all).
pub const TEXTRANK_KEYWORDS: usize = 20;

/// Words co-occur when at most this many counted words apart.
const TEXTRANK_WINDOW: usize = 5;
/// PageRank's damping factor.
const TEXTRANK_DAMPING: f64 = 0.85;
/// PageRank iterations; the scores of report-sized graphs settle well before.
const TEXTRANK_ITERATIONS: usize = 40;

/// What TextRank reads of a report: its counted words in text order (each
/// as its index in the report's [`WordFrequencies::counts`]) and the
/// paragraph each stands in. Far smaller than the text and its
/// occurrences, so the page can send it to a worker when TextRank is asked
/// for instead of computing TextRank for every report it analyses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordSequence {
    /// Each occurrence's word, in text order.
    pub words: Vec<u32>,
    /// Each occurrence's paragraph (the index of its cleaned line), as many
    /// as `words`.
    pub paragraphs: Vec<u32>,
}

impl WordSequence {
    /// The sequence of a report's `occurrences` (in text order) in its
    /// `cleaned` text, in one pass: occurrences and lines are both in text
    /// order.
    pub fn of(cleaned: &CleanedText, occurrences: &[Occurrence]) -> Self {
        let mut line = 0;
        let paragraphs = occurrences
            .iter()
            .map(|occurrence| {
                while line + 1 < cleaned.lines.len() && cleaned.lines[line].range.end < occurrence.range.start {
                    line += 1;
                }
                u32::try_from(line).unwrap_or(u32::MAX)
            })
            .collect();
        Self { words: occurrences.iter().map(|occurrence| occurrence.word).collect(), paragraphs }
    }
}

/// TextRank keywords of one report, at most `limit`; scores are scaled so the
/// top word has 1.
pub fn textrank_keywords(
    cleaned: &CleanedText,
    words: &WordFrequencies,
    occurrences: &[Occurrence],
    limit: usize,
) -> Vec<ScoredWord> {
    textrank_of_sequence(words, &WordSequence::of(cleaned, occurrences), limit)
}

/// TextRank keywords of the report whose counted `words` occur in
/// `sequence`, at most `limit`, as [`textrank_keywords`] ranks them. An
/// entry of the sequence naming no word of `words` (a sequence from another
/// analysis of the report) is left out, and one without a paragraph stands
/// in a paragraph of its own.
pub fn textrank_of_sequence(words: &WordFrequencies, sequence: &WordSequence, limit: usize) -> Vec<ScoredWord> {
    let nodes = words.counts.len();
    if nodes == 0 {
        return Vec::new();
    }
    let graph = WordGraph::of(sequence, nodes);
    let scores = graph.pagerank(TEXTRANK_ITERATIONS);
    let top = scores.iter().copied().fold(f64::MIN, f64::max).max(f64::MIN_POSITIVE);
    // The best `limit` words are chosen by index, and only they are copied.
    let by_rank = |&a: &usize, &b: &usize| {
        scores[b].total_cmp(&scores[a]).then_with(|| words.counts[a].word.cmp(&words.counts[b].word))
    };
    let mut ranked: Vec<usize> = (0..nodes).filter(|&node| scores[node] > 1.0 - TEXTRANK_DAMPING).collect();
    if ranked.len() > limit && limit > 0 {
        ranked.select_nth_unstable_by(limit - 1, by_rank);
    }
    ranked.truncate(limit);
    ranked.sort_unstable_by(by_rank);
    ranked
        .into_iter()
        .map(|node| {
            let count = &words.counts[node];
            ScoredWord { word: count.word.to_string(), score: scores[node] / top, count: count.count }
        })
        .collect()
}

/// The co-occurrence graph of a report's counted words (by their index in
/// its [`WordFrequencies`]): every word's neighbours, in order, with how
/// often they co-occur, all in one array.
struct WordGraph {
    /// Where each word's neighbours start in `neighbours`; one more entry
    /// than words, the last being the end.
    starts: Vec<usize>,
    /// (neighbour, weight) of every word in turn.
    neighbours: Vec<(u32, f64)>,
}

impl WordGraph {
    /// The graph of `nodes` words whose `occurrences` (in text order) lie
    /// within [`TEXTRANK_WINDOW`] counted words of each other in one
    /// paragraph. Built without a hash map or a sort of all pairs (which took
    /// two thirds of the time): a counting pass groups the pairs by their
    /// smaller word, then each word's short list is sorted.
    fn of(sequence: &WordSequence, nodes: usize) -> Self {
        let pairs = cooccurring_pairs(sequence, nodes);
        let smaller_starts = list_starts(nodes, pairs.iter().map(|&(smaller, _)| smaller as usize));
        let mut larger = vec![0u32; pairs.len()];
        let mut next = smaller_starts.clone();
        for &(smaller, other) in &pairs {
            larger[next[smaller as usize]] = other;
            next[smaller as usize] += 1;
        }
        // (smaller, larger, weight), in that order: a run of one pair is an
        // edge, the run's length its weight.
        let mut edges: Vec<(u32, u32, f64)> = Vec::new();
        for (smaller, bounds) in smaller_starts.windows(2).enumerate() {
            let list = &mut larger[bounds[0]..bounds[1]];
            list.sort_unstable();
            let smaller = u32::try_from(smaller).unwrap_or(u32::MAX);
            edges.extend(list.chunk_by(|a, b| a == b).map(|run| (smaller, run[0], run.len() as f64)));
        }
        // Filled from the edges in order, a word's smaller neighbours come
        // first and in order, then its larger ones, in order.
        let starts = list_starts(nodes, edges.iter().flat_map(|&(a, b, _)| [a as usize, b as usize]));
        let mut next = starts.clone();
        let mut neighbours = vec![(0, 0.0); starts[nodes]];
        for &(a, b, weight) in &edges {
            neighbours[next[a as usize]] = (b, weight);
            next[a as usize] += 1;
            neighbours[next[b as usize]] = (a, weight);
            next[b as usize] += 1;
        }
        Self { starts, neighbours }
    }

    /// PageRank's scores after `iterations`, damped by [`TEXTRANK_DAMPING`],
    /// from 1 for every word.
    fn pagerank(&self, iterations: usize) -> Vec<f64> {
        let nodes = self.starts.len() - 1;
        let of = |node: usize| &self.neighbours[self.starts[node]..self.starts[node + 1]];
        let out_weight: Vec<f64> = (0..nodes).map(|node| of(node).iter().map(|(_, w)| w).sum()).collect();
        // Each edge's share of its source's weight, divided once, not at
        // every iteration (the same quotient, so the same scores).
        let shares: Vec<(u32, f64)> =
            self.neighbours.iter().map(|&(other, weight)| (other, weight / out_weight[other as usize])).collect();
        let mut scores = vec![1.0; nodes];
        let mut next = vec![0.0; nodes];
        for _ in 0..iterations {
            for (node, score) in next.iter_mut().enumerate() {
                let incoming: f64 = shares[self.starts[node]..self.starts[node + 1]]
                    .iter()
                    .map(|&(other, share)| share * scores[other as usize])
                    .sum();
                *score = (1.0 - TEXTRANK_DAMPING) + TEXTRANK_DAMPING * incoming;
            }
            std::mem::swap(&mut scores, &mut next);
        }
        scores
    }
}

/// Every co-occurrence of two different words as (smaller, larger) word
/// index: within [`TEXTRANK_WINDOW`] occurrences, in one paragraph. Entries
/// naming no word below `nodes` are skipped, as if absent.
fn cooccurring_pairs(sequence: &WordSequence, nodes: usize) -> Vec<(u32, u32)> {
    let occurrences: Vec<(u32, u32)> = sequence
        .words
        .iter()
        .enumerate()
        .filter(|&(_, &word)| (word as usize) < nodes)
        .map(|(position, &word)| (word, sequence.paragraphs.get(position).copied().unwrap_or(u32::MAX)))
        .collect();
    let mut pairs = Vec::with_capacity(occurrences.len() * (TEXTRANK_WINDOW - 1));
    for (position, &(word, paragraph)) in occurrences.iter().enumerate() {
        for &(other, other_paragraph) in occurrences.iter().skip(position + 1).take(TEXTRANK_WINDOW - 1) {
            if other_paragraph != paragraph || paragraph == u32::MAX {
                break;
            }
            if other != word {
                pairs.push((word.min(other), word.max(other)));
            }
        }
    }
    pairs
}

/// Where each of `nodes` lists starts in one array holding, in turn, the
/// entries of list 0, 1, …, given the list of every entry: `nodes + 1`
/// offsets, the last being the total.
fn list_starts(nodes: usize, lists: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut starts = vec![0usize; nodes + 1];
    for list in lists {
        starts[list + 1] += 1;
    }
    for node in 0..nodes {
        starts[node + 1] += starts[node];
    }
    starts
}

/// Highest score first, ties by word; keeps `limit`.
fn sort_and_cut(scored: &mut Vec<ScoredWord>, limit: usize) {
    scored.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.word.cmp(&b.word)));
    scored.truncate(limit);
}
