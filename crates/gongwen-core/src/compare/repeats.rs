//! Maximal repeats across texts: every string of at least `min_len`
//! characters found in two or more texts that cannot be extended to the left
//! or the right without losing an occurrence, with all its occurrences.
//!
//! First, the characters that no window of `min_len` characters found in
//! two texts covers are left out (`shared_fragments`, by hashing every
//! window): they belong to no such repeat. The rest, runs of the texts, are
//! joined with a unique separator after each, a suffix array and its LCP
//! array are built over the joined runs ([`super::suffix_array`]: SA-IS and
//! the Φ method, both linear), and the LCP intervals are walked bottom-up with a stack: each
//! interval of LCP ≥ `min_len` is a right-maximal repeat whose occurrences are
//! the suffixes it spans; it is kept when the characters before its
//! occurrences differ (left-maximal) and its occurrences lie in two or more
//! texts. Separators are unique, so no repeat crosses a run's boundary.
//!
//! Why a suffix array and not k-gram fingerprints with winnowing (MOSS,
//! copydetect, Dolos): fingerprints find candidate pairs, which must then be
//! extended pair by pair — a passage in all of 1,000 reports is half a
//! million pairs — and hash collisions need checking. The suffix array finds
//! each repeat once with every occurrence, exactly, in time and memory
//! linear in the total text. The hashes only choose what to index, and a
//! collision only keeps characters that could have been left out.

use rustc_hash::FxHashMap;

use super::suffix_array::{permuted_lcp, suffix_array};

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
    let fragments = shared_fragments(texts, min_len);
    if fragments.is_empty() {
        return Vec::new();
    }
    // Fragments are joined with a separator after each, 1..=fragments.len(),
    // and a sentinel 0 at the end; characters follow, numbered as met. The
    // repeats found do not depend on the numbering (they are sorted below).
    // Characters of the Basic Multilingual Plane, almost all of them, are
    // numbered through a table indexed by the character: one hash per
    // character of a thousand reports took a tenth of the time.
    const UNNUMBERED: u32 = u32::MAX;
    let mut bmp_ids: Vec<u32> = vec![UNNUMBERED; 1 << 16];
    let mut other_ids: FxHashMap<char, u32> = FxHashMap::default();
    let mut next_id = fragments.len() as u32 + 1;
    let joined_length: usize = fragments.iter().map(|fragment| fragment.len + 1).sum::<usize>() + 1;
    let mut joined: Vec<u32> = Vec::with_capacity(joined_length);
    let mut joined_starts: Vec<usize> = Vec::with_capacity(fragments.len());
    for (index, fragment) in fragments.iter().enumerate() {
        joined_starts.push(joined.len());
        for &c in &texts[fragment.text][fragment.start..fragment.start + fragment.len] {
            let id = match bmp_ids.get_mut(c as usize) {
                Some(id) => id,
                None => other_ids.entry(c).or_insert(UNNUMBERED),
            };
            if *id == UNNUMBERED {
                *id = next_id;
                next_id += 1;
            }
            joined.push(*id);
        }
        joined.push(index as u32 + 1);
    }
    joined.push(0);
    drop(bmp_ids);
    drop(other_ids);
    let suffixes = suffix_array(&joined, next_id - 1);
    let lcp = permuted_lcp(&joined, &suffixes);
    // The sentinel's suffix, sorted first, is no occurrence of anything.
    let suffixes = &suffixes[1..];
    // The fragment a joined position is in (the last starting at or before it).
    let fragment_of = |position: usize| joined_starts.partition_point(|&start| start <= position) - 1;
    // The text and the offset in it of a joined position.
    let place = |position: usize| {
        let index = fragment_of(position);
        let fragment = &fragments[index];
        (fragment.text, fragment.start + position - joined_starts[index])
    };
    let mut repeats = Vec::new();
    let mut report = |len: usize, first: usize, last: usize| {
        let span = &suffixes[first..=last];
        let before = |position: u32| (position as usize).checked_sub(1).map(|p| joined[p]);
        let left = before(span[0]);
        let left_maximal = left.is_none() || span.iter().any(|&p| before(p) != left);
        if !left_maximal {
            return;
        }
        let mut occurrences: Vec<(usize, usize)> = span.iter().map(|&p| place(p as usize)).collect();
        if occurrences.iter().all(|&(text, _)| text == occurrences[0].0) {
            return;
        }
        occurrences.sort_unstable();
        repeats.push(Repeat { len, occurrences });
    };
    // Bottom-up traversal of the LCP intervals: (lcp, left bound).
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    for i in 1..=suffixes.len() {
        let current = if i < suffixes.len() { lcp[suffixes[i] as usize] as usize } else { 0 };
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

/// A run of a text's characters that the suffix array indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fragment {
    /// The text.
    text: usize,
    /// Where the run starts in it, in characters.
    start: usize,
    /// Its length in characters.
    len: usize,
}

/// The runs of `texts` that a repeat of `window` characters shared by two
/// or more texts can lie in: the characters that some window of that many
/// characters found in two texts covers. No other character belongs to a
/// cross-text repeat of `window` characters or more (each of its windows is
/// in two texts), nor decides one's maximality: were every occurrence of a
/// repeat preceded (or followed) by the same dropped character, that
/// character and the repeat would be a longer repeat in two texts, and the
/// character covered. So the repeats of the fragments, each ended by a
/// separator of its own, are the repeats of the texts, with the same
/// occurrences; and the suffix array, the comparison's largest cost, is
/// built over what is shared (about a fifth of the comparison benchmark's
/// reports, which are mostly their own text) instead of everything.
///
/// Windows are compared by a 48-bit hash: two different windows with the
/// same hash only keep characters that need not be kept, never drop one.
/// Costs five passes over the texts and a sort of each of 65,536 small
/// buckets of window hashes, 2 bytes per character while it runs. The
/// caller keeps the texts under 2³¹ characters in all, so a window's start
/// fits the 32 bits it is given.
fn shared_fragments(texts: &[&[char]], window: usize) -> Vec<Fragment> {
    // Each text's first position in one numbering of every character.
    let mut text_starts: Vec<usize> = Vec::with_capacity(texts.len() + 1);
    let mut total = 0;
    for text in texts {
        text_starts.push(total);
        total += text.len();
    }
    text_starts.push(total);
    // Every window's hash, by bucket: counted in a first pass, then placed
    // a quarter of the buckets at a time, each as (the hash's low 32 bits,
    // its global start), so that the hashes held at once take 2 bytes per
    // character, not 8.
    let mut bucket_starts = vec![0usize; BUCKETS + 1];
    for_each_window_hash(texts, window, |hash, _| bucket_starts[bucket_of(hash) + 1] += 1);
    for bucket in 0..BUCKETS {
        bucket_starts[bucket + 1] += bucket_starts[bucket];
    }
    let text_of = |start: usize| text_starts.partition_point(|&first| first <= start) - 1;
    let mut shared_start = vec![false; total];
    let buckets_per_round = BUCKETS / HASH_ROUNDS;
    let most_in_a_round = (0..HASH_ROUNDS)
        .map(|round| bucket_starts[(round + 1) * buckets_per_round] - bucket_starts[round * buckets_per_round])
        .max()
        .unwrap_or(0);
    let mut entries = vec![0u64; most_in_a_round];
    for round in 0..HASH_ROUNDS {
        let buckets = round * buckets_per_round..(round + 1) * buckets_per_round;
        let base = bucket_starts[buckets.start];
        let mut next: Vec<usize> = bucket_starts[buckets.clone()].iter().map(|start| start - base).collect();
        for_each_window_hash(texts, window, |hash, start| {
            let bucket = bucket_of(hash);
            if buckets.contains(&bucket) {
                let slot = &mut next[bucket - buckets.start];
                entries[*slot] = (hash & 0xffff_ffff) << 32 | start as u64;
                *slot += 1;
            }
        });
        // A run of equal hashes from two texts marks each of its windows
        // shared.
        for bucket in buckets {
            let entries = &mut entries[bucket_starts[bucket] - base..bucket_starts[bucket + 1] - base];
            entries.sort_unstable();
            for run in entries.chunk_by(|a, b| a >> 32 == b >> 32) {
                let (first, last) = ((run[0] & 0xffff_ffff) as usize, (run[run.len() - 1] & 0xffff_ffff) as usize);
                if run.len() > 1 && text_of(first) != text_of(last) {
                    for entry in run {
                        shared_start[(entry & 0xffff_ffff) as usize] = true;
                    }
                }
            }
        }
    }
    drop(entries);
    // The runs of characters some shared window covers.
    let mut fragments = Vec::new();
    for (text, chars) in texts.iter().enumerate() {
        let offset = text_starts[text];
        let mut open: Option<usize> = None;
        let mut covered_until = 0;
        for position in 0..chars.len() {
            if shared_start[offset + position] {
                covered_until = position + window;
            }
            match (position < covered_until, open) {
                (true, None) => open = Some(position),
                (false, Some(start)) => {
                    fragments.push(Fragment { text, start, len: position - start });
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(start) = open {
            fragments.push(Fragment { text, start, len: chars.len() - start });
        }
    }
    fragments
}

/// How many buckets window hashes are sorted in.
const BUCKETS: usize = 1 << 16;

/// In how many rounds the buckets are filled and sorted: each round hashes
/// every window again (cheap) and keeps a quarter of them.
const HASH_ROUNDS: usize = 4;

/// A hash's bucket: its top 16 bits.
fn bucket_of(hash: u64) -> usize {
    (hash >> 48) as usize
}

/// Calls `each` with the hash of every window of `window` characters of
/// `texts` and the window's start, numbered across the texts one after the
/// other. A polynomial hash rolled along each text, mixed so that its top
/// bits (the bucket) depend on every character.
fn for_each_window_hash(texts: &[&[char]], window: usize, mut each: impl FnMut(u64, usize)) {
    const BASE: u64 = 0x0100_0000_01b3;
    let dropped_weight = (1..window).fold(1u64, |weight, _| weight.wrapping_mul(BASE));
    let mut offset = 0;
    for text in texts {
        if text.len() >= window {
            let mut rolling = 0u64;
            for (position, &c) in text.iter().enumerate() {
                if position >= window {
                    rolling = rolling.wrapping_sub((text[position - window] as u64 + 1).wrapping_mul(dropped_weight));
                }
                rolling = rolling.wrapping_mul(BASE).wrapping_add(c as u64 + 1);
                if position + 1 >= window {
                    each(mix(rolling), offset + position + 1 - window);
                }
            }
        }
        offset += text.len();
    }
}

/// `hash` times an odd constant (Fibonacci hashing): a bijection, one
/// multiplication per window, whose top bits (the bucket) depend on every
/// bit of `hash`.
fn mix(hash: u64) -> u64 {
    hash.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    /// The next number of a xorshift generator, so that the random tests
    /// draw the same texts at every run.
    fn xorshift(state: &mut u32) -> u32 {
        *state ^= *state << 13;
        *state ^= *state >> 17;
        *state ^= *state << 5;
        *state
    }

    /// The repeats of at least `min_len` characters that `texts` share are
    /// `expected`, as (length, occurrences).
    fn check(texts: &[&str], min_len: usize, expected: &[(usize, &[(usize, usize)])]) {
        let texts: Vec<Vec<char>> = texts.iter().map(|text| chars(text)).collect();
        let texts: Vec<&[char]> = texts.iter().map(Vec::as_slice).collect();
        let expected: Vec<Repeat> =
            expected.iter().map(|&(len, occurrences)| Repeat { len, occurrences: occurrences.to_vec() }).collect();
        assert_eq!(cross_text_repeats(&texts, min_len), expected);
    }

    #[test]
    fn a_shared_passage_is_found_once_with_both_occurrences() {
        check(&["甲乙丙丁戊己庚辛壬癸子", "天地丙丁戊己庚辛人和"], 4, &[(6, &[(0, 2), (1, 2)])]);
    }

    #[test]
    fn nested_repeats_with_other_occurrences_are_both_kept() {
        check(
            &["一二三四五六七八", "一二三四五六七八", "零三四五六九"],
            3,
            &[(8, &[(0, 0), (1, 0)]), (4, &[(0, 2), (1, 2), (2, 1)])],
        );
    }

    #[test]
    fn characters_beyond_the_basic_plane_are_compared_too() {
        // 𠀀 and 𪚥 lie outside the table the numbering indexes by character.
        check(
            &["甲乙𠀀𪚥丙丁戊己", "天地𠀀𪚥丙丁戊人", "天地𠀀𪚦丙丁戊人"],
            4,
            &[(5, &[(0, 2), (1, 2)]), (4, &[(1, 4), (2, 4)])],
        );
    }

    #[test]
    fn repeats_inside_one_text_only_are_not_shared() {
        check(&["春夏秋冬春夏秋冬", "东南西北"], 2, &[]);
    }

    /// The maximal repeats as defined, found by trying every substring:
    /// at least `min_len` characters, in two or more texts, not all of its
    /// occurrences preceded by one character nor followed by one (a text's
    /// start or end is unlike any character).
    fn repeats_by_definition(texts: &[&[char]], min_len: usize) -> Vec<Repeat> {
        let mut found: Vec<Repeat> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for text in texts {
            for start in 0..text.len() {
                for end in start + min_len..=text.len() {
                    let repeat = &text[start..end];
                    if !seen.insert(repeat.to_vec()) {
                        continue;
                    }
                    let mut occurrences = Vec::new();
                    for (index, other) in texts.iter().enumerate() {
                        for at in 0..other.len().saturating_sub(repeat.len() - 1) {
                            if &other[at..at + repeat.len()] == repeat {
                                occurrences.push((index, at));
                            }
                        }
                    }
                    if occurrences.iter().all(|&(text, _)| text == occurrences[0].0) {
                        continue;
                    }
                    let neighbour = |(text, at): (usize, usize), offset: isize| {
                        let position = at as isize + offset;
                        texts[text].get(usize::try_from(position).ok()?).copied()
                    };
                    let varies = |offset: isize| {
                        let first = neighbour(occurrences[0], offset);
                        first.is_none() || occurrences.iter().any(|&o| neighbour(o, offset) != first)
                    };
                    if varies(-1) && varies(repeat.len() as isize) {
                        found.push(Repeat { len: repeat.len(), occurrences });
                    }
                }
            }
        }
        found.sort_by(|a, b| b.len.cmp(&a.len).then_with(|| a.occurrences.cmp(&b.occurrences)));
        found
    }

    #[test]
    fn the_repeats_found_are_the_repeats_by_definition() {
        // Texts from a small alphabet with passages planted in several, and
        // characters of their own between them: many repeats, and many
        // characters no shared window covers, which the suffix array leaves
        // out.
        let mut state = 0x9e37_79b9_u32;
        let mut next = |bound: u32| xorshift(&mut state) % bound;
        let passages: Vec<Vec<char>> =
            (0..4).map(|_| (0..6 + next(8)).map(|_| char::from(b'a' + next(3) as u8)).collect()).collect();
        let (mut repeats, mut left_out) = (0, 0);
        for round in 0..60 {
            let mut own = 0x4e00u32;
            let texts: Vec<Vec<char>> = (0..2 + next(3))
                .map(|_| {
                    let mut text = Vec::new();
                    for _ in 0..next(5) {
                        match next(3) {
                            0 => text.extend(&passages[next(4) as usize]),
                            1 => text.extend((0..next(4)).map(|_| char::from(b'a' + next(3) as u8))),
                            _ => {
                                own += 1;
                                text.push(char::from_u32(own).expect("a CJK character"));
                            }
                        }
                    }
                    text
                })
                .collect();
            let texts: Vec<&[char]> = texts.iter().map(Vec::as_slice).collect();
            for min_len in [1, 3, 5] {
                let found = cross_text_repeats(&texts, min_len);
                assert_eq!(
                    found,
                    repeats_by_definition(&texts, min_len),
                    "round {round}, min_len {min_len}: {texts:?}"
                );
                repeats += found.len();
                let indexed: usize = shared_fragments(&texts, min_len).iter().map(|fragment| fragment.len).sum();
                left_out += texts.iter().map(|text| text.len()).sum::<usize>() - indexed;
            }
        }
        assert!(repeats > 200 && left_out > 500, "the texts exercise both: {repeats} repeats, {left_out} left out");
    }

    #[test]
    fn a_text_sharing_nothing_is_left_out_of_the_index() {
        let a = chars("甲乙丙丁戊己庚辛");
        let b = chars("子丑寅卯甲乙丙丁辰巳");
        let c = chars("天地玄黄宇宙洪荒");
        assert_eq!(
            shared_fragments(&[&a, &b, &c], 3),
            vec![Fragment { text: 0, start: 0, len: 4 }, Fragment { text: 1, start: 4, len: 4 }]
        );
        assert_eq!(shared_fragments(&[&a, &c], 3), vec![]);
    }
}
