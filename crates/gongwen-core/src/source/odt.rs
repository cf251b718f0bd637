//! OpenDocument text (`.odt`, LibreOffice, WPS) → paragraphs as lines.
//!
//! `content.xml` holds the body: `text:h` headings (with `text:outline-level`)
//! and `text:p` paragraphs, in reading order, inside lists and tables. Spaces
//! (`text:s`), tabs and line breaks are expanded; notes (`text:note`) and
//! annotations are skipped. Like a .docx, positions are paragraph numbers.

use super::limits::{ReadError, ReadLimits};
use super::xml::{ElementPath, XmlEvent, XmlWalker, attribute, local_name, xml_text};
use super::zip_container::ZipContainer;
use super::{LineHint, LineUnit, SourceDocument, SourceFormat, SourceLine};
use crate::decode::Encoding;

const FORMAT: &str = "ODF 文本（.odt）";

/// Elements whose content is not part of the running text.
const SKIPPED: &[&str] = &["note", "annotation", "tracked-changes", "bookmark-ref", "sequence-decls"];

/// Reads an .odt.
pub fn read_odt(bytes: &[u8], limits: &ReadLimits) -> Result<SourceDocument, ReadError> {
    let mut container = ZipContainer::open(bytes, limits, FORMAT)?;
    let Some(content) = container.read_named("content.xml")? else {
        return Err(ReadError::Corrupt { format: FORMAT, detail: "缺少正文部分 content.xml".to_owned() });
    };
    let text = xml_text(&content);
    let mut walker = XmlWalker::new(&text, limits, FORMAT);
    let mut lines = Vec::new();
    let mut path = ElementPath::default();
    // Paragraphs nest (a frame inside a paragraph): a stack of open ones.
    let mut open: Vec<(String, LineHint, u32)> = Vec::new();
    let mut count = 0u32;
    while let Some(event) = walker.next_event()? {
        match event {
            XmlEvent::Start(element) => {
                let name = local_name(&element);
                if path.enter(name.clone(), SKIPPED) {
                    match name.as_str() {
                        "p" | "h" => {
                            count += 1;
                            let hint = if name == "h" {
                                let depth =
                                    attribute(&element, "outline-level").and_then(|v| v.parse().ok()).unwrap_or(1);
                                LineHint::Heading { depth }
                            } else {
                                LineHint::Plain
                            };
                            open.push((String::new(), hint, count));
                        }
                        "s" => {
                            let spaces = attribute(&element, "c").and_then(|v| v.parse().ok()).unwrap_or(1usize);
                            if let Some((text, _, _)) = open.last_mut() {
                                text.push_str(&" ".repeat(spaces.min(1000)));
                            }
                        }
                        "tab" => push(&mut open, "\t"),
                        "line-break" => push(&mut open, "\n"),
                        _ => {}
                    }
                }
            }
            XmlEvent::End(name) => {
                if path.leave()
                    && (name == "p" || name == "h")
                    && let Some((text, hint, number)) = open.pop()
                {
                    for (index, part) in text.split('\n').enumerate() {
                        let hint = if index == 0 { hint } else { LineHint::Plain };
                        lines.push(SourceLine {
                            text: part.to_owned(),
                            line: number,
                            column: 1,
                            hint,
                            breaks: Vec::new(),
                        });
                    }
                }
            }
            XmlEvent::Text(content) => {
                if path.is_visible() {
                    push(&mut open, &content);
                }
            }
        }
    }
    Ok(SourceDocument {
        format: SourceFormat::Odt,
        encoding: Encoding::Utf8,
        lines,
        removed: Vec::new(),
        notes: Vec::new(),
        unit: LineUnit::Paragraph,
    })
}

fn push(open: &mut [(String, LineHint, u32)], text: &str) {
    if let Some((paragraph, _, _)) = open.last_mut() {
        paragraph.push_str(text);
    }
}
