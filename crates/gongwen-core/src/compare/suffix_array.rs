//! Suffix arrays and LCP arrays in little memory, for the comparison's
//! index of every shared passage ([`super::repeats`]).
//!
//! The suffix array is built by SA-IS (Nong, Zhang and Chan, "Two Efficient
//! Algorithms for Linear Time Suffix Array Construction", 2011), as in their
//! reference code: the symbols' types are kept as bits, and the reduced
//! problem of each level is solved inside the suffix array being built (its
//! string of names in the array's upper half, its suffix array in the
//! lower), so that besides the text and the array the only memory is one
//! bit a symbol and two bucket tables as long as the alphabet. Positions
//! are `u32`, whatever the width of `usize`.
//!
//! Over the shared characters of 1,000 reports (7.6 million) the library
//! this replaces held about 27 bytes a character at its peak (a copy of the
//! text as `usize`, a byte a type, a map of every position, the reduced
//! problem beside the array); the comparison's peak is now the LCP step
//! below, 12 bytes a character with the text.
//!
//! The LCP array is computed by Kärkkäinen, Manzini and Puglisi's Φ method
//! and kept permuted, in text order: the caller reads the LCP of sorted
//! suffixes `k - 1` and `k` as `permuted[suffixes[k]]`, so no array in
//! suffix order is built beside it.

/// A suffix array entry not filled yet.
const EMPTY: u32 = u32::MAX;

/// The suffix array of `text`: its suffixes' starts in lexicographic order.
///
/// `text` must end with its only `0` (a sentinel smaller than every other
/// symbol), hold no symbol above `upper`, and be shorter than `u32::MAX`;
/// the comparison's joined text is built so. Then every suffix compares
/// unequal to every other before either runs out, and the array is the one
/// any suffix sort gives.
pub fn suffix_array(text: &[u32], upper: u32) -> Vec<u32> {
    let mut suffixes = vec![EMPTY; text.len()];
    if !text.is_empty() {
        sais(text, &mut suffixes, upper as usize);
    }
    suffixes
}

/// The LCP of each suffix of `text` with the suffix sorted just before it,
/// indexed by the suffix's start (0 for the smallest suffix): the LCP array
/// of `suffixes` in text order. Filled in text order, since the value falls
/// by at most one from a suffix to the next in the text (the Φ method).
pub fn permuted_lcp(text: &[u32], suffixes: &[u32]) -> Vec<u32> {
    let n = text.len();
    // First the suffix sorted just before each suffix (none for the first).
    let mut permuted = vec![EMPTY; n];
    for pair in suffixes.windows(2) {
        permuted[pair[1] as usize] = pair[0];
    }
    // Then, in place, each suffix's LCP with that one.
    let mut common = 0usize;
    for (position, slot) in permuted.iter_mut().enumerate() {
        let before = *slot;
        if before == EMPTY {
            *slot = 0;
            common = 0;
            continue;
        }
        let before = before as usize;
        while let (Some(a), Some(b)) = (text.get(position + common), text.get(before + common)) {
            if a != b {
                break;
            }
            common += 1;
        }
        // `common` is below `text.len()`, which fits `u32`.
        *slot = common as u32;
        common = common.saturating_sub(1);
    }
    permuted
}

/// Each symbol's type, one bit each: S (its suffix is smaller than the
/// next) or L (larger).
struct Types(Vec<u64>);

impl Types {
    /// The types of `text`, which ends with a unique smallest sentinel.
    fn of(text: &[u32]) -> Self {
        let n = text.len();
        let mut types = Types(vec![0; n.div_ceil(64)]);
        types.set_s(n - 1);
        for i in (0..n - 1).rev() {
            if text[i] < text[i + 1] || (text[i] == text[i + 1] && types.is_s(i + 1)) {
                types.set_s(i);
            }
        }
        types
    }

    fn set_s(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn is_s(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }

    /// Whether `i` is leftmost-S: an S symbol right after an L one.
    fn is_lms(&self, i: usize) -> bool {
        i > 0 && self.is_s(i) && !self.is_s(i - 1)
    }
}

/// Each symbol's number of occurrences, and a table to point into its
/// bucket of the suffix array (the suffixes starting with it).
struct Buckets {
    counts: Vec<u32>,
    next: Vec<u32>,
}

impl Buckets {
    fn of(text: &[u32], upper: usize) -> Self {
        let mut counts = vec![0u32; upper + 1];
        for &symbol in text {
            counts[symbol as usize] += 1;
        }
        Buckets { next: vec![0; counts.len()], counts }
    }

    /// Points each bucket's cursor at its first slot.
    fn at_starts(&mut self) {
        let mut sum = 0;
        for (next, &count) in self.next.iter_mut().zip(&self.counts) {
            *next = sum;
            sum += count;
        }
    }

    /// Points each bucket's cursor just past its last slot.
    fn at_ends(&mut self) {
        let mut sum = 0;
        for (next, &count) in self.next.iter_mut().zip(&self.counts) {
            sum += count;
            *next = sum;
        }
    }

    /// Takes the next slot from the front of `symbol`'s bucket.
    fn push_front(&mut self, symbol: u32) -> usize {
        let next = &mut self.next[symbol as usize];
        let slot = *next;
        *next += 1;
        slot as usize
    }

    /// Takes the next slot from the back of `symbol`'s bucket.
    fn push_back(&mut self, symbol: u32) -> usize {
        let next = &mut self.next[symbol as usize];
        *next -= 1;
        *next as usize
    }
}

/// SA-IS: fills `suffixes` (as long as `text`) with the suffix array of
/// `text`, which ends with a unique smallest sentinel and holds no symbol
/// above `upper`.
fn sais(text: &[u32], suffixes: &mut [u32], upper: usize) {
    let n = text.len();
    if n == 1 {
        suffixes[0] = 0;
        return;
    }
    let types = Types::of(text);
    let mut buckets = Buckets::of(text, upper);

    // Stage 1: sort the LMS substrings by placing the LMS suffixes at their
    // buckets' ends and inducing the rest.
    suffixes.fill(EMPTY);
    buckets.at_ends();
    for i in 1..n {
        if types.is_lms(i) {
            suffixes[buckets.push_back(text[i])] = i as u32;
        }
    }
    induce(text, suffixes, &types, &mut buckets);

    // The sorted LMS substrings, moved to the front.
    let mut lms_count = 0;
    for i in 0..n {
        let position = suffixes[i];
        if position != EMPTY && types.is_lms(position as usize) {
            suffixes[lms_count] = position;
            lms_count += 1;
        }
    }
    // Each named by its rank among the distinct ones, the name stored at
    // half its position (LMS positions are at least two apart) ...
    suffixes[lms_count..].fill(EMPTY);
    let mut names = 0u32;
    let mut previous: Option<usize> = None;
    for i in 0..lms_count {
        let position = suffixes[i] as usize;
        if previous.is_none_or(|previous| lms_substrings_differ(text, &types, position, previous)) {
            names += 1;
            previous = Some(position);
        }
        suffixes[lms_count + position / 2] = names - 1;
    }
    // ... and the names gathered at the array's end, in text order: the
    // reduced string, whose last name (the sentinel's) is its unique 0.
    let mut end = n;
    for i in (lms_count..n).rev() {
        if suffixes[i] != EMPTY {
            end -= 1;
            suffixes[end] = suffixes[i];
        }
    }

    // Stage 2: the reduced string's suffix array, in the array's front.
    {
        let (front, back) = suffixes.split_at_mut(n - lms_count);
        let reduced = &back[..];
        let reduced_suffixes = &mut front[..lms_count];
        if (names as usize) < lms_count {
            sais(reduced, reduced_suffixes, names as usize - 1);
        } else {
            // Every name is distinct: the names are the ranks.
            for (position, &name) in reduced.iter().enumerate() {
                reduced_suffixes[name as usize] = position as u32;
            }
        }
    }

    // Stage 3: the LMS suffixes in their sorted order, placed at their
    // buckets' ends, induce the whole array.
    let mut at = n - lms_count;
    for i in 1..n {
        if types.is_lms(i) {
            suffixes[at] = i as u32;
            at += 1;
        }
    }
    for i in 0..lms_count {
        suffixes[i] = suffixes[n - lms_count + suffixes[i] as usize];
    }
    suffixes[lms_count..].fill(EMPTY);
    buckets.at_ends();
    for i in (0..lms_count).rev() {
        let position = suffixes[i];
        suffixes[i] = EMPTY;
        suffixes[buckets.push_back(text[position as usize])] = position;
    }
    induce(text, suffixes, &types, &mut buckets);
}

/// Induces the L suffixes from the placed ones (left to right, at their
/// buckets' fronts), then the S suffixes from those (right to left, at
/// their buckets' ends).
fn induce(text: &[u32], suffixes: &mut [u32], types: &Types, buckets: &mut Buckets) {
    buckets.at_starts();
    for i in 0..suffixes.len() {
        let position = suffixes[i];
        if position != EMPTY && position > 0 && !types.is_s(position as usize - 1) {
            let before = position - 1;
            suffixes[buckets.push_front(text[before as usize])] = before;
        }
    }
    buckets.at_ends();
    for i in (0..suffixes.len()).rev() {
        let position = suffixes[i];
        if position != EMPTY && position > 0 && types.is_s(position as usize - 1) {
            let before = position - 1;
            suffixes[buckets.push_back(text[before as usize])] = before;
        }
    }
}

/// Whether the LMS substrings at `a` and `b` (each up to and including the
/// next LMS symbol) differ in a symbol or a type. The unique sentinel ends
/// every comparison inside the text.
fn lms_substrings_differ(text: &[u32], types: &Types, a: usize, b: usize) -> bool {
    let mut d = 0;
    loop {
        let (x, y) = (a + d, b + d);
        if text[x] != text[y] || types.is_s(x) != types.is_s(y) {
            return true;
        }
        if d > 0 && (types.is_lms(x) || types.is_lms(y)) {
            return false;
        }
        d += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The next number of a xorshift generator, so that the random tests
    /// draw the same texts at every run.
    fn xorshift(state: &mut u32) -> u32 {
        *state ^= *state << 13;
        *state ^= *state >> 17;
        *state ^= *state << 5;
        *state
    }

    /// The suffix array by sorting the suffixes themselves.
    fn sorted_suffixes(text: &[u32]) -> Vec<u32> {
        let mut suffixes: Vec<u32> = (0..text.len() as u32).collect();
        suffixes.sort_by(|&a, &b| text[a as usize..].cmp(&text[b as usize..]));
        suffixes
    }

    /// The LCP of each sorted suffix with the one before, by comparing them.
    fn lcp_by_comparing(text: &[u32], suffixes: &[u32]) -> Vec<u32> {
        let mut permuted = vec![0; text.len()];
        for pair in suffixes.windows(2) {
            let (a, b) = (&text[pair[0] as usize..], &text[pair[1] as usize..]);
            permuted[pair[1] as usize] = a.iter().zip(b).take_while(|(x, y)| x == y).count() as u32;
        }
        permuted
    }

    /// Random texts over small and large alphabets (small ones make long
    /// repeats and deep recursion), each ended by the sentinel.
    #[test]
    fn the_suffix_array_and_lcp_are_those_of_sorting_the_suffixes() {
        let mut state = 0x2545_f491_u32;
        for length in [1usize, 2, 3, 4, 5, 10, 100, 2_000] {
            for alphabet in [1u32, 2, 3, 30, 5_000] {
                for _ in 0..4 {
                    let mut text: Vec<u32> = (0..length - 1).map(|_| 1 + xorshift(&mut state) % alphabet).collect();
                    text.push(0);
                    let suffixes = suffix_array(&text, alphabet);
                    assert_eq!(suffixes, sorted_suffixes(&text), "length {length}, alphabet {alphabet}: {text:?}");
                    assert_eq!(permuted_lcp(&text, &suffixes), lcp_by_comparing(&text, &suffixes));
                }
            }
        }
    }

    #[test]
    fn periodic_and_constant_texts_are_sorted() {
        // The worst cases for the recursion: every LMS substring alike.
        for text in [vec![1u32; 999], [1u32, 2].repeat(500), [3u32, 1, 2].repeat(333), [2u32, 2, 1].repeat(333)] {
            let mut text = text;
            text.push(0);
            assert_eq!(suffix_array(&text, 3), sorted_suffixes(&text));
        }
        assert_eq!(suffix_array(&[], 0), Vec::<u32>::new());
    }
}
