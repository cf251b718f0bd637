//! `word/document.xml` → paragraphs in reading order, with what their
//! properties say (style, numbering, outline level, alignment).
//!
//! What a reader of the document sees is kept; what it does not see is
//! dropped: tracked deletions (`w:del`, `w:moveFrom`) go, insertions stay;
//! fields show their result, never their instruction; hidden runs
//! (`w:vanish`), symbol-font glyphs, the old properties of tracked formatting changes and the
//! fallback copies of text boxes (`mc:Fallback`) are skipped. Footnotes and
//! comments live in other parts and are not read. A table becomes one
//! paragraph per row, its cells' text in order, separated by tabs.

use super::NumberingRef;
use crate::source::limits::{ReadError, ReadLimits};
use crate::source::xml::{ElementPath, XmlEvent, XmlWalker, attribute, is_on, local_name};

/// One paragraph (or table row) of the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyParagraph {
    /// 1-based number of the paragraph among all of the document's
    /// paragraphs (a table row: of its first paragraph).
    pub number: u32,
    /// The visible text; `\n` where the paragraph has a line break.
    pub text: String,
    /// `w:pStyle`.
    pub style: Option<String>,
    /// `w:numPr` of the paragraph itself.
    pub numbering: Option<NumberingRef>,
    /// `w:outlineLvl` of the paragraph itself (0-based, 9 = body text).
    pub outline_level: Option<u8>,
    /// `w:jc` of the paragraph itself: `Some(true)` when centred.
    pub centered: Option<bool>,
    /// Whether all its visible text is bold.
    pub bold: bool,
    /// Whether it is a table row.
    pub table_row: bool,
}

/// Elements whose whole content a reader does not see.
const SKIPPED: &[&str] = &[
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "Fallback",
    "pPrChange",
    "rPrChange",
    "sectPrChange",
    "tblPrChange",
    "trPrChange",
    "tcPrChange",
    "numberingChange",
    "fldData",
];

/// A paragraph being read.
#[derive(Debug, Default)]
struct OpenParagraph {
    paragraph: BodyParagraph,
    bold_chars: usize,
    plain_chars: usize,
}

/// A table row being read (only rows of outermost tables become paragraphs).
#[derive(Debug, Default)]
struct OpenRow {
    number: Option<u32>,
    cells: Vec<String>,
    cell: String,
}

/// Reads the body's paragraphs.
pub fn read_body(text: &str, limits: &ReadLimits) -> Result<Vec<BodyParagraph>, ReadError> {
    let mut walker = XmlWalker::new(text, limits, super::FORMAT);
    let mut paragraphs = Vec::new();
    let mut path = ElementPath::default();
    let mut open: Vec<OpenParagraph> = Vec::new();
    let mut rows: Vec<OpenRow> = Vec::new();
    let mut table_depth = 0usize;
    let mut paragraph_count = 0u32;
    let mut run_hidden = false;
    let mut run_bold = false;
    while let Some(event) = walker.next_event()? {
        match event {
            XmlEvent::Start(element) => {
                let name = local_name(&element);
                // The element's parent, before the element is entered.
                let parent = path.ancestor(0).map(str::to_owned);
                let grandparent_is_paragraph = path.ancestor(1) == Some("p");
                if path.enter(name.clone(), SKIPPED) {
                    match (name.as_str(), parent.as_deref()) {
                        ("p", _) => {
                            paragraph_count += 1;
                            let mut started = OpenParagraph::default();
                            started.paragraph.number = paragraph_count;
                            open.push(started);
                        }
                        ("tbl", _) => table_depth += 1,
                        ("tr", _) if table_depth == 1 => rows.push(OpenRow::default()),
                        ("tc", _) if table_depth == 1 => {
                            if let Some(row) = rows.last_mut() {
                                row.cell.clear();
                            }
                        }
                        ("r", _) => {
                            run_hidden = false;
                            run_bold = false;
                        }
                        ("vanish", Some("rPr")) => run_hidden = is_on(&element),
                        ("b", Some("rPr")) => run_bold = is_on(&element),
                        ("t", _) => {}
                        ("tab" | "ptab", Some("r")) => push_text(&mut open, "\t", run_hidden, run_bold),
                        ("br" | "cr", Some("r")) => {
                            let kind = attribute(&element, "type");
                            if !matches!(kind.as_deref(), Some("page" | "column")) {
                                push_text(&mut open, "\n", run_hidden, run_bold);
                            }
                        }
                        ("noBreakHyphen", Some("r")) => push_text(&mut open, "-", run_hidden, run_bold),
                        ("sym", Some("r")) => {
                            // Characters of symbol fonts (Wingdings) sit in the
                            // private-use area and mean nothing as text.
                            let symbol = attribute(&element, "char")
                                .and_then(|code| u32::from_str_radix(&code, 16).ok())
                                .filter(|code| !(0xF000..=0xF0FF).contains(code))
                                .and_then(char::from_u32);
                            if let Some(symbol) = symbol {
                                push_text(&mut open, symbol.encode_utf8(&mut [0; 4]), run_hidden, run_bold);
                            }
                        }
                        (property, Some("pPr")) if grandparent_is_paragraph => {
                            if let Some(current) = open.last_mut() {
                                read_paragraph_property(&mut current.paragraph, property, &element);
                            }
                        }
                        (property @ ("ilvl" | "numId"), Some("numPr")) => {
                            if let Some(current) = open.last_mut() {
                                let value = attribute(&element, "val").unwrap_or_default();
                                let numbering = current.paragraph.numbering.get_or_insert_with(NumberingRef::default);
                                if property == "ilvl" {
                                    numbering.level = value.parse().ok();
                                } else {
                                    numbering.num_id = value;
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            XmlEvent::End(name) => {
                if !path.leave() {
                    continue;
                }
                match name.as_str() {
                    "p" => {
                        let Some(finished) = open.pop() else { continue };
                        let mut paragraph = finished.paragraph;
                        paragraph.bold = finished.bold_chars > 0 && finished.plain_chars == 0;
                        match rows.last_mut() {
                            Some(row) if table_depth >= 1 => {
                                row.number.get_or_insert(paragraph.number);
                                if !row.cell.is_empty() && !paragraph.text.is_empty() {
                                    row.cell.push(' ');
                                }
                                row.cell.push_str(&paragraph.text.replace(['\n', '\t'], " "));
                            }
                            _ => paragraphs.push(paragraph),
                        }
                    }
                    "tc" if table_depth == 1 => {
                        if let Some(row) = rows.last_mut() {
                            let cell = std::mem::take(&mut row.cell);
                            row.cells.push(cell.trim().to_owned());
                        }
                    }
                    "tr" if table_depth == 1 => {
                        if let Some(row) = rows.pop() {
                            let text = row.cells.join("\t");
                            paragraphs.push(BodyParagraph {
                                number: row.number.unwrap_or(paragraph_count),
                                text,
                                table_row: true,
                                ..BodyParagraph::default()
                            });
                        }
                    }
                    "tbl" => table_depth = table_depth.saturating_sub(1),
                    _ => {}
                }
            }
            XmlEvent::Text(content) => {
                if path.is_visible() && path.ancestor(0) == Some("t") {
                    push_text(&mut open, &content, run_hidden, run_bold);
                }
            }
        }
    }
    Ok(paragraphs)
}

fn push_text(open: &mut [OpenParagraph], text: &str, hidden: bool, bold: bool) {
    if hidden {
        return;
    }
    if let Some(current) = open.last_mut() {
        let visible = crate::text::visible_chars(text);
        if bold {
            current.bold_chars += visible;
        } else {
            current.plain_chars += visible;
        }
        current.paragraph.text.push_str(text);
    }
}

fn read_paragraph_property(paragraph: &mut BodyParagraph, property: &str, element: &quick_xml::events::BytesStart<'_>) {
    match property {
        "pStyle" => paragraph.style = attribute(element, "val"),
        "outlineLvl" => paragraph.outline_level = attribute(element, "val").and_then(|v| v.parse().ok()),
        "jc" => paragraph.centered = Some(attribute(element, "val").as_deref() == Some("center")),
        _ => {}
    }
}
