//! Maximal repeats across texts: every string of at least `min_len`
//! characters found in two or more texts that cannot be extended to the left
//! or the right without losing an occurrence, with all its occurrences.
//!
//! The texts are joined with a unique separator after each, a suffix array
//! and its LCP array are built over the joined text (SA-IS and the Φ method, both
//! linear), and the LCP intervals are walked bottom-up with a stack: each
//! interval of LCP ≥ `min_len` is a right-maximal repeat whose occurrences are
//! the suffixes it spans; it is kept when the characters before its
//! occurrences differ (left-maximal) and its occurrences lie in two or more
//! texts. Separators are unique, so no repeat crosses a text boundary.
//!
//! Why a suffix array and not k-gram fingerprints with winnowing (MOSS,
//! copydetect, Dolos): fingerprints find candidate pairs, which must then be
//! extended pair by pair — a passage in all of 1,000 reports is half a
//! million pairs — and hash collisions need checking. The suffix array finds
//! each repeat once with every occurrence, exactly, in time and memory
//! linear in the total text.

use rustc_hash::FxHashMap;

use ac_library::suffix_array_manual;

/// A maximal repeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    /// Its length in characters.
    pub len: usize,
    /// Every occurrence as (text index, start), sorted.
    pub occurrences: Vec<(usize, usize)>,
}

/// The maximal repeats of at least `min_len` characters (at least 1) that
/// occur in two or more of `texts`, longest first.
pub fn cross_text_repeats(texts: &[&[char]], min_len: usize) -> Vec<Repeat> {
    let min_len = min_len.max(1);
    let total: usize = texts.iter().map(|t| t.len() + 1).sum();
    if texts.len() < 2 || total > i32::MAX as usize {
        return Vec::new();
    }
    // Separators are 0..texts.len(); characters follow, numbered as met.
    // The repeats found do not depend on the numbering (they are sorted
    // below). Characters of the Basic Multilingual Plane, almost all of
    // them, are numbered through a table indexed by the character: one
    // hash per character of a thousand reports took a tenth of the time.
    let mut bmp_ids: Vec<i32> = vec![-1; 1 << 16];
    let mut other_ids: FxHashMap<char, i32> = FxHashMap::default();
    let mut next_id = texts.len() as i32;
    let mut joined: Vec<i32> = Vec::with_capacity(total);
    let mut starts: Vec<usize> = Vec::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        starts.push(joined.len());
        for &c in *text {
            let id = match bmp_ids.get_mut(c as usize) {
                Some(id) => id,
                None => other_ids.entry(c).or_insert(-1),
            };
            if *id < 0 {
                *id = next_id;
                next_id += 1;
            }
            joined.push(*id);
        }
        joined.push(index as i32);
    }
    let upper = next_id;
    let suffixes = suffix_array_manual(&joined, upper);
    let lcp = lcp_array(&joined, &suffixes);
    // The text a joined position is in (the last text starting at or before it).
    let text_of = |position: usize| starts.partition_point(|&start| start <= position) - 1;
    let mut repeats = Vec::new();
    let mut report = |len: usize, first: usize, last: usize| {
        let span = &suffixes[first..=last];
        let before = |position: usize| position.checked_sub(1).map(|p| joined[p]);
        let left = before(span[0]);
        let left_maximal = left.is_none() || span.iter().any(|&p| before(p) != left);
        if !left_maximal {
            return;
        }
        let first_text = text_of(span[0]);
        if span.iter().all(|&p| text_of(p) == first_text) {
            return;
        }
        let mut occurrences: Vec<(usize, usize)> = span.iter().map(|&p| (text_of(p), p - starts[text_of(p)])).collect();
        occurrences.sort_unstable();
        repeats.push(Repeat { len, occurrences });
    };
    // Bottom-up traversal of the LCP intervals: (lcp, left bound).
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    for i in 1..=suffixes.len() {
        let current = if i < suffixes.len() { lcp[i - 1] } else { 0 };
        let mut left_bound = i - 1;
        while let Some(&(top_lcp, top_left)) = stack.last() {
            if current >= top_lcp {
                break;
            }
            stack.pop();
            if top_lcp >= min_len {
                report(top_lcp, top_left, i - 1);
            }
            left_bound = top_left;
        }
        if stack.last().is_none_or(|&(top_lcp, _)| current > top_lcp) {
            stack.push((current, left_bound));
        }
    }
    repeats.sort_by(|a, b| b.len.cmp(&a.len).then_with(|| a.occurrences.cmp(&b.occurrences)));
    repeats
}

/// The LCP array of `text` with suffix array `suffixes`: entry `k` is the
/// length of the longest common prefix of suffixes `k` and `k + 1`. The
/// same array as Kasai's algorithm (ac-library's `lcp_array_arbitrary`),
/// computed by Kärkkäinen, Manzini and Puglisi's Φ method: the permuted
/// LCP array is filled in text order, reading each suffix's predecessor
/// from an array also in text order, and put in suffix order at the end.
/// Kasai's writes every entry at a random place and read its neighbour
/// through the rank array; this took 0.41 s of the 2.4 s a comparison of
/// 1,000 reports spends, and the Φ method about half of that.
fn lcp_array(text: &[i32], suffixes: &[usize]) -> Vec<usize> {
    let n = text.len();
    if n < 2 {
        return Vec::new();
    }
    // The suffix before each suffix in sorted order (none for the first).
    let mut previous = vec![usize::MAX; n];
    for pair in suffixes.windows(2) {
        previous[pair[1]] = pair[0];
    }
    // Then, in place, each suffix's LCP with that one: it falls by at most
    // one from a suffix to the next in the text.
    let mut common = 0usize;
    for (position, slot) in previous.iter_mut().enumerate() {
        let before = *slot;
        if before == usize::MAX {
            *slot = 0;
            common = 0;
            continue;
        }
        while let (Some(a), Some(b)) = (text.get(position + common), text.get(before + common)) {
            if a != b {
                break;
            }
            common += 1;
        }
        *slot = common;
        common = common.saturating_sub(1);
    }
    suffixes[1..].iter().map(|&suffix| previous[suffix]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn a_shared_passage_is_found_once_with_both_occurrences() {
        let a = chars("甲乙丙丁戊己庚辛壬癸子");
        let b = chars("天地丙丁戊己庚辛人和");
        let found = cross_text_repeats(&[&a, &b], 4);
        assert_eq!(found, vec![Repeat { len: 6, occurrences: vec![(0, 2), (1, 2)] }]);
    }

    #[test]
    fn nested_repeats_with_other_occurrences_are_both_kept() {
        let a = chars("一二三四五六七八");
        let b = chars("一二三四五六七八");
        let c = chars("零三四五六九");
        let found = cross_text_repeats(&[&a, &b, &c], 3);
        assert_eq!(
            found,
            vec![
                Repeat { len: 8, occurrences: vec![(0, 0), (1, 0)] },
                Repeat { len: 4, occurrences: vec![(0, 2), (1, 2), (2, 1)] },
            ]
        );
    }

    #[test]
    fn characters_beyond_the_basic_plane_are_compared_too() {
        // 𠀀 and 𪚥 lie outside the table the numbering indexes by character.
        let a = chars("甲乙𠀀𪚥丙丁戊己");
        let b = chars("天地𠀀𪚥丙丁戊人");
        let c = chars("天地𠀀𪚦丙丁戊人");
        let found = cross_text_repeats(&[&a, &b, &c], 4);
        assert_eq!(
            found,
            vec![
                Repeat { len: 5, occurrences: vec![(0, 2), (1, 2)] },
                Repeat { len: 4, occurrences: vec![(1, 4), (2, 4)] },
            ]
        );
    }

    #[test]
    fn repeats_inside_one_text_only_are_not_shared() {
        let a = chars("春夏秋冬春夏秋冬");
        let b = chars("东南西北");
        assert!(cross_text_repeats(&[&a, &b], 2).is_empty());
    }

    #[test]
    fn the_lcp_array_is_kasais() {
        // Small alphabets make long common prefixes; the last symbol is a
        // unique separator, as the joined texts end.
        let mut state = 0x2545_f491_u32;
        for length in [1usize, 2, 3, 10, 100, 2_000] {
            for alphabet in [1i32, 2, 3, 30] {
                let mut text: Vec<i32> = (0..length - 1)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 17;
                        state ^= state << 5;
                        1 + (state % alphabet as u32) as i32
                    })
                    .collect();
                text.push(0);
                let suffixes = suffix_array_manual(&text, alphabet + 1);
                let expected = if length < 2 { Vec::new() } else { ac_library::lcp_array_arbitrary(&text, &suffixes) };
                assert_eq!(lcp_array(&text, &suffixes), expected, "length {length}, alphabet {alphabet}");
            }
        }
    }
}
