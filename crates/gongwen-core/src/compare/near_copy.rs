//! Near-copies: shared passages that differ by small edits (a changed year,
//! figure or unit name: `2022年` → `2023年`, `**局` → `**委`, a redacted `**`
//! where another report gives `10`) are found as exact pieces with short
//! gaps between them. Each exact passage is extended, to the right and then
//! to the left, by any piece found in every one of its texts within
//! [`MAX_GAP`] characters (the piece may also be in other texts: those
//! occurrences are not part of this passage). Extended passages contained in
//! another of the same texts are dropped. The gaps' characters that differ
//! from another occurrence's gap (outside their longest common subsequence)
//! are the differences.

use std::collections::HashMap;

use super::repeats::Repeat;

/// The longest gap, in normalized characters, between two pieces of one
/// near-copy.
pub const MAX_GAP: usize = 16;

/// A passage as found: exact, or pieces joined across small edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Each occurrence: (text index, start, end), sorted.
    pub occurrences: Vec<(usize, usize, usize)>,
    /// Per occurrence, the normalized ranges (start, end) where it differs
    /// from another occurrence; empty for an exact passage.
    pub differences: Vec<Vec<(usize, usize)>>,
    /// Whether pieces were joined.
    pub joined: bool,
}

/// A span's occurrences: (text, start, end).
type Occurrences = Vec<(usize, usize, usize)>;
/// Per occurrence, its pieces: (start, end).
type Pieces = Vec<Vec<(usize, usize)>>;

/// Every piece occurrence of each text, sorted by start and by end.
struct PieceIndex {
    /// Per text: (start, end, piece) of every piece occurrence, sorted by start.
    by_start: Vec<Vec<(usize, usize, usize)>>,
    /// Per text: (end, start, piece), sorted by end.
    by_end: Vec<Vec<(usize, usize, usize)>>,
}

impl PieceIndex {
    fn new(text_count: usize, repeats: &[Repeat]) -> Self {
        let mut by_start = vec![Vec::new(); text_count];
        let mut by_end = vec![Vec::new(); text_count];
        for (piece, repeat) in repeats.iter().enumerate() {
            for &(text, start) in &repeat.occurrences {
                by_start[text].push((start, start + repeat.len, piece));
                by_end[text].push((start + repeat.len, start, piece));
            }
        }
        by_start.iter_mut().for_each(|v| v.sort_unstable());
        by_end.iter_mut().for_each(|v| v.sort_unstable());
        Self { by_start, by_end }
    }

    /// The pieces of `text` starting in `from..=to`.
    fn starting(&self, text: usize, from: usize, to: usize) -> &[(usize, usize, usize)] {
        let list = &self.by_start[text];
        &list[list.partition_point(|&(s, _, _)| s < from)..list.partition_point(|&(s, _, _)| s <= to)]
    }

    /// The pieces of `text` ending in `from..=to`, as (end, start, piece).
    fn ending(&self, text: usize, from: usize, to: usize) -> &[(usize, usize, usize)] {
        let list = &self.by_end[text];
        &list[list.partition_point(|&(e, _, _)| e < from)..list.partition_point(|&(e, _, _)| e <= to)]
    }

    /// The nearest piece that starts within the gap after each `(text, end)`,
    /// the same piece in every text: its (start, end) per text.
    fn next_after(&self, ends: &[(usize, usize)]) -> Option<Vec<(usize, usize)>> {
        let (first_text, first_end) = *ends.first()?;
        let mut candidates: Vec<(usize, usize, usize)> = self
            .starting(first_text, first_end, first_end + MAX_GAP)
            .iter()
            .copied()
            .filter(|&(_, e, _)| e > first_end)
            .collect();
        candidates.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        candidates.into_iter().find_map(|(_, _, piece)| {
            ends.iter()
                .map(|&(text, end)| {
                    self.starting(text, end, end + MAX_GAP)
                        .iter()
                        .filter(|&&(_, e, p)| p == piece && e > end)
                        .map(|&(s, e, _)| (s, e))
                        .next()
                })
                .collect()
        })
    }

    /// The nearest piece that ends within the gap before each `(text, start)`,
    /// the same piece in every text: its (start, end) per text.
    fn previous_before(&self, starts: &[(usize, usize)]) -> Option<Vec<(usize, usize)>> {
        let (first_text, first_start) = *starts.first()?;
        let mut candidates: Vec<(usize, usize, usize)> = self
            .ending(first_text, first_start.saturating_sub(MAX_GAP), first_start)
            .iter()
            .copied()
            .filter(|&(_, s, _)| s < first_start)
            .collect();
        candidates.sort_by_key(|&(e, s, _)| (std::cmp::Reverse(e), s));
        candidates.into_iter().find_map(|(_, _, piece)| {
            starts
                .iter()
                .map(|&(text, start)| {
                    self.ending(text, start.saturating_sub(MAX_GAP), start)
                        .iter()
                        .rev()
                        .filter(|&&(_, s, p)| p == piece && s < start)
                        .map(|&(e, s, _)| (s, e))
                        .next()
                })
                .collect()
        })
    }
}

/// Joins the pieces of near-copies; exact passages that join nothing stay
/// as they are.
pub fn join_near_copies(texts: &[&[char]], repeats: Vec<Repeat>) -> Vec<Span> {
    let index = PieceIndex::new(texts.len(), &repeats);
    let mut spans: Vec<(Occurrences, Pieces)> = Vec::with_capacity(repeats.len());
    for repeat in &repeats {
        // Per occurrence: its pieces, in order.
        let mut pieces: Vec<Vec<(usize, usize)>> =
            repeat.occurrences.iter().map(|&(_, start)| vec![(start, start + repeat.len)]).collect();
        let texts_of: Vec<usize> = repeat.occurrences.iter().map(|&(text, _)| text).collect();
        // Rightwards, then leftwards: the nearest piece found in every text.
        loop {
            let ends: Vec<(usize, usize)> = texts_of.iter().zip(&pieces).map(|(&t, p)| (t, p[p.len() - 1].1)).collect();
            let Some(next) = index.next_after(&ends) else { break };
            pieces.iter_mut().zip(next).for_each(|(p, piece)| p.push(piece));
        }
        loop {
            let starts: Vec<(usize, usize)> = texts_of.iter().zip(&pieces).map(|(&t, p)| (t, p[0].0)).collect();
            let Some(previous) = index.previous_before(&starts) else { break };
            pieces.iter_mut().zip(previous).for_each(|(p, piece)| p.insert(0, piece));
        }
        let occurrences: Vec<(usize, usize, usize)> =
            texts_of.iter().zip(&pieces).map(|(&text, p)| (text, p[0].0, p[p.len() - 1].1)).collect();
        spans.push((occurrences, pieces));
    }
    // Longest first; drop a span inside another of the same texts.
    spans.sort_by_key(|(occurrences, _)| {
        let (_, start, end) = occurrences[0];
        (std::cmp::Reverse(end - start), occurrences.clone())
    });
    let mut kept: HashMap<Vec<usize>, Vec<usize>> = HashMap::new();
    let mut out = Vec::new();
    for (occurrences, pieces) in spans {
        let texts_key: Vec<usize> = occurrences.iter().map(|&(text, _, _)| text).collect();
        let group = kept.entry(texts_key).or_default();
        let inside = group.iter().any(|&k: &usize| {
            let other: &Span = &out[k];
            other.occurrences.iter().zip(&occurrences).all(|(&(_, os, oe), &(_, s, e))| os <= s && e <= oe)
        });
        if inside {
            continue;
        }
        group.push(out.len());
        out.push(span_of(texts, occurrences, &pieces));
    }
    out
}

/// The span of occurrences made of `pieces`, with the gaps' differences.
fn span_of(texts: &[&[char]], occurrences: Vec<(usize, usize, usize)>, pieces: &[Vec<(usize, usize)>]) -> Span {
    let joined = pieces[0].len() > 1;
    let mut differences = vec![Vec::new(); occurrences.len()];
    if joined && occurrences.len() > 1 {
        for gap_index in 0..pieces[0].len() - 1 {
            let gap = |k: usize| (occurrences[k].0, pieces[k][gap_index].1, pieces[k][gap_index + 1].0);
            for (k, found) in differences.iter_mut().enumerate() {
                let (text, gap_start, gap_end) = gap(k);
                let (other_text, other_start, other_end) = gap(if k == 0 { 1 } else { 0 });
                let mine = &texts[text][gap_start..gap_end];
                let theirs = &texts[other_text][other_start..other_end];
                found.extend(unmatched_runs(mine, theirs).into_iter().map(|(s, e)| (gap_start + s, gap_start + e)));
            }
        }
    }
    Span { occurrences, differences, joined }
}

/// The runs of `mine` outside a longest common subsequence with `theirs`.
fn unmatched_runs(mine: &[char], theirs: &[char]) -> Vec<(usize, usize)> {
    let (m, n) = (mine.len(), theirs.len());
    // lcs[i][j]: LCS length of mine[i..] and theirs[j..]; gaps are short.
    let mut lcs = vec![vec![0u16; n + 1]; m + 1];
    for i in (0..m).rev() {
        for j in (0..n).rev() {
            lcs[i][j] = if mine[i] == theirs[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut matched = vec![false; m];
    let (mut i, mut j) = (0, 0);
    while i < m && j < n {
        if mine[i] == theirs[j] {
            matched[i] = true;
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (at, _) in matched.iter().enumerate().filter(|(_, m)| !**m) {
        match runs.last_mut() {
            Some((_, end)) if *end == at => *end = at + 1,
            _ => runs.push((at, at + 1)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differing_characters_are_those_outside_the_common_subsequence() {
        let a: Vec<char> = "**科级领导干部完成**".chars().collect();
        let b: Vec<char> = "10科级领导干部完成10".chars().collect();
        assert_eq!(unmatched_runs(&a, &b), vec![(0, 2), (10, 12)]);
        let c: Vec<char> = "科级领导干部完成".chars().collect();
        assert_eq!(unmatched_runs(&c, &b), vec![]);
        assert_eq!(unmatched_runs(&b, &c), vec![(0, 2), (10, 12)]);
    }
}
