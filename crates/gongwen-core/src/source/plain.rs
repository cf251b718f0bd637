//! Plain text → lines: split at line breaks, nothing else. Line `n` of the
//! file is line `n` of the result.

use super::{LineHint, SourceLine, line_number, split_lines};

/// Converts plain text to lines, one per line of the source.
pub fn plain_lines(source: &str) -> Vec<SourceLine> {
    split_lines(source)
        .enumerate()
        .map(|(index, text)| SourceLine {
            text: text.to_owned(),
            line: line_number(index),
            column: 1,
            hint: LineHint::Plain,
            breaks: Vec::new(),
        })
        .collect()
}
