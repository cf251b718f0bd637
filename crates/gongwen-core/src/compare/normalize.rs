//! The text compared across reports: letters, digits and CJK characters
//! only, so punctuation (and its width), whitespace, U+3000 indentation, line
//! breaks and markup never decide whether two passages match. Full-width
//! letters and digits become ASCII and ASCII letters lower case. The
//! asterisk of a redacted figure (`**件`) is kept, as `*`: it stands for
//! content. Each kept character remembers where it came from in the cleaned
//! text.

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
