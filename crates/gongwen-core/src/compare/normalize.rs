//! The text compared across reports: letters, digits and CJK characters
//! only, so punctuation (and its width), whitespace, U+3000 indentation, line
//! breaks and markup never decide whether two passages match. Full-width
//! letters and digits become ASCII and ASCII letters lower case. The
//! asterisk of a redacted figure (`**件`) is kept, as `*`: it stands for
//! content. Each kept character remembers where it came from in the cleaned
//! text: [`NormalizedText`] with an offset and a width each (the year-over-year
//! comparison of two reports reads them all), [`FoldedText`] with the offset
//! of one in [`FoldedText::CHECKPOINT_EVERY`] (the set comparison, which holds
//! every report's at once, reads a few).

use crate::text::TextRange;

/// A report's text as compared, with the way back to the cleaned text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NormalizedText {
    /// The kept characters, folded.
    pub chars: Vec<char>,
    /// Byte offset in the cleaned text of each kept character.
    pub offsets: Vec<u32>,
    /// Byte length in the cleaned text of each kept character.
    pub widths: Vec<u8>,
}

impl NormalizedText {
    /// The number of kept characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether nothing was kept.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The byte range in the cleaned text from kept character `start` to just
    /// after kept character `end - 1` (punctuation between them included).
    pub fn source_range(&self, start: usize, end: usize) -> TextRange {
        if start >= end || end > self.chars.len() {
            let at = self.offsets.get(start).map_or(0, |&o| o as usize);
            return TextRange::new(at, at);
        }
        let last = end - 1;
        TextRange::new(self.offsets[start] as usize, self.offsets[last] as usize + usize::from(self.widths[last]))
    }

    /// The kept characters from `start` to `end` as a string.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start.min(end)..end.min(self.chars.len())].iter().collect()
    }
}

/// A report's text as the set comparison holds it: the kept characters,
/// folded, and the byte offset in the cleaned text of every
/// [`CHECKPOINT_EVERY`](Self::CHECKPOINT_EVERY)-th of them, from which any
/// other's is found by reading the cleaned text on. About 4 bytes a kept
/// character, where [`NormalizedText`] takes 9: over 1,000 reports, 40 MB
/// less at the comparison's peak.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoldedText {
    /// The kept characters, folded.
    pub chars: Vec<char>,
    /// Byte offset in the cleaned text of kept characters 0, 32, 64 …
    checkpoints: Vec<u32>,
}

impl FoldedText {
    /// How many kept characters apart the checkpoints are.
    pub const CHECKPOINT_EVERY: usize = 32;

    /// Folds a cleaned text for comparison.
    pub fn of(text: &str) -> Self {
        let mut folded = FoldedText::default();
        for (offset, c) in text.char_indices() {
            if let Some(c) = fold_char(c) {
                if folded.chars.len() % Self::CHECKPOINT_EVERY == 0 {
                    // Texts are far below 4 GiB: the readers' limits see to it.
                    folded.checkpoints.push(u32::try_from(offset).unwrap_or(u32::MAX));
                }
                folded.chars.push(c);
            }
        }
        folded
    }

    /// The number of kept characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether nothing was kept.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The byte range in `text`, the cleaned text this was folded from,
    /// from kept character `start` to just after kept character `end - 1`,
    /// as [`NormalizedText::source_range`] gives it.
    pub fn source_range(&self, text: &str, start: usize, end: usize) -> TextRange {
        if start >= end || end > self.chars.len() {
            let at = self.place(text, start).map_or(0, |(offset, _)| offset);
            return TextRange::new(at, at);
        }
        let (from, _) = self.place(text, start).unwrap_or((0, 0));
        let (last, width) = self.place(text, end - 1).unwrap_or((from, 0));
        TextRange::new(from, last + width)
    }

    /// The byte offset and width in `text` of kept character `index`.
    fn place(&self, text: &str, index: usize) -> Option<(usize, usize)> {
        if index >= self.chars.len() {
            return None;
        }
        let checkpoint = *self.checkpoints.get(index / Self::CHECKPOINT_EVERY)? as usize;
        let (offset, c) = text
            .get(checkpoint..)?
            .char_indices()
            .filter(|&(_, c)| fold_char(c).is_some())
            .nth(index % Self::CHECKPOINT_EVERY)?;
        Some((checkpoint + offset, c.len_utf8()))
    }
}

/// The folded form of a character, or `None` when it is not compared.
pub fn fold_char(c: char) -> Option<char> {
    if c == '*' || c == '＊' {
        return Some('*');
    }
    if !c.is_alphanumeric() {
        return None;
    }
    let c = match c {
        // Full-width ASCII letters and digits (Ａ, ｂ, ３).
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    };
    Some(c.to_ascii_lowercase())
}

/// Normalizes a cleaned text for comparison.
pub fn normalize(text: &str) -> NormalizedText {
    let mut normalized = NormalizedText::default();
    for (offset, c) in text.char_indices() {
        if let Some(folded) = fold_char(c) {
            normalized.chars.push(folded);
            // Texts are far below 4 GiB: the readers' limits see to it.
            normalized.offsets.push(u32::try_from(offset).unwrap_or(u32::MAX));
            normalized.widths.push(c.len_utf8() as u8);
        }
    }
    normalized
}

/// The folded form of a whole string (a lexicon term, say).
pub fn fold_str(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_texts_place_characters_as_normalized_texts_do() {
        // Punctuation, spaces, full-width letters, a redaction mark and a
        // character outside the Basic Multilingual Plane, over more than two
        // checkpoints.
        let text = "一、总体情况：　ＡＢ３项，完成**件（𠀀）。\n二、下一步 plan：推进“三个”工作。".repeat(4);
        let (normalized, folded) = (normalize(&text), FoldedText::of(&text));
        assert_eq!(folded.chars, normalized.chars);
        assert!(folded.len() > 2 * FoldedText::CHECKPOINT_EVERY);
        for start in 0..=folded.len() + 1 {
            for end in 0..=folded.len() + 1 {
                assert_eq!(
                    folded.source_range(&text, start, end),
                    normalized.source_range(start, end),
                    "{start}..{end}"
                );
            }
        }
    }
}
