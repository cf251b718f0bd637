//! CSV that opens in Excel and WPS without mojibake or surprises: UTF-8
//! with a byte order mark, CRLF line ends, a field quoted when it holds a
//! comma, quote or line break, and a text field that a spreadsheet would
//! take for a formula (`=`, `+`, `-`, `@` first: a file named `=HYPERLINK(…)`)
//! written with a leading apostrophe.

use std::fmt::{Display, Write};

/// A table being written, row by row.
#[derive(Debug, Clone)]
pub struct CsvTable {
    out: String,
    /// Whether the current row has a cell yet.
    row_started: bool,
}

impl Default for CsvTable {
    fn default() -> Self {
        Self::new()
    }
}

impl CsvTable {
    /// An empty table (the byte order mark written).
    pub fn new() -> Self {
        Self { out: String::from('\u{FEFF}'), row_started: false }
    }

    fn separate(&mut self) {
        if self.row_started {
            self.out.push(',');
        }
        self.row_started = true;
    }

    /// A text cell.
    pub fn cell_text(&mut self, text: &str) {
        self.separate();
        let guarded = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
        if guarded.contains([',', '"', '\n', '\r']) {
            self.out.push('"');
            self.out.push_str(&guarded.replace('"', "\"\""));
            self.out.push('"');
        } else {
            self.out.push_str(&guarded);
        }
    }

    /// A number cell, written as Rust writes it.
    pub fn cell_number(&mut self, number: impl Display) {
        self.separate();
        let _ = write!(self.out, "{number}");
    }

    /// Ends the current row.
    pub fn end_row(&mut self) {
        self.out.push_str("\r\n");
        self.row_started = false;
    }

    /// A whole row of text cells.
    pub fn text_row(&mut self, cells: &[String]) {
        for cell in cells {
            self.cell_text(cell);
        }
        self.end_row();
    }

    /// The CSV text.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::CsvTable;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        let mut table = CsvTable::new();
        table.text_row(&["文件".to_owned(), "a,b".to_owned(), "say \"hi\"".to_owned()]);
        table.cell_text("=HYPERLINK(\"x\")");
        table.cell_number(12);
        table.cell_number(1.5);
        table.end_row();
        assert_eq!(table.finish(), "\u{FEFF}文件,\"a,b\",\"say \"\"hi\"\"\"\r\n\"'=HYPERLINK(\"\"x\"\")\",12,1.5\r\n");
    }
}
