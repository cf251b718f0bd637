//! Positions in text: the byte ranges every phase uses to point into the
//! cleaned text. Conversion to other units (UTF-16 for JavaScript) happens only
//! at the edges that need it.

use serde::{Deserialize, Serialize};

/// The characters of `text`, whitespace (`char::is_whitespace`) not
/// counted: the base of every density and share.
///
/// One pass over the bytes with a table, not a decoding of every character:
/// a character is a byte that is not a continuation byte, ASCII whitespace
/// is one byte, and the other whitespace characters begin with `0xC2`,
/// `0xE1`, `0xE2` or `0xE3` (whose next bytes tell); ideographs begin with
/// `0xE4` to `0xE9`.
pub fn visible_chars(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        match LEAD_CLASS[byte as usize] {
            LeadClass::NotCounted => {}
            LeadClass::Counted => count += 1,
            LeadClass::MaybeWhitespace => {
                count += usize::from(!is_multibyte_whitespace(&bytes[at..]));
            }
        }
    }
    count
}

/// What a byte says for [`visible_chars`].
#[derive(Clone, Copy)]
enum LeadClass {
    /// A continuation byte or ASCII whitespace.
    NotCounted,
    /// The first byte of a character that is not whitespace.
    Counted,
    /// The first byte of a character that may be whitespace.
    MaybeWhitespace,
}

/// [`LeadClass`] by byte.
static LEAD_CLASS: [LeadClass; 256] = {
    let mut table = [LeadClass::Counted; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = match byte as u8 {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | 0x80..=0xBF => LeadClass::NotCounted,
            0xC2 | 0xE1..=0xE3 => LeadClass::MaybeWhitespace,
            _ => LeadClass::Counted,
        };
        byte += 1;
    }
    table
};

/// Whether `bytes` begin with a whitespace character of two or three bytes:
/// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
/// U+3000.
fn is_multibyte_whitespace(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

/// A half-open byte range `start..end` into a text, on `char` boundaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TextRange {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl TextRange {
    /// The range `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The range's text in `text`, or `""` if it does not fit.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the range is empty.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// Whether `offset` lies inside the range.
    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}
