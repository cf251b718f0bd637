//! `word/styles.xml`: what a paragraph style says about its paragraphs —
//! heading level (标题 1 / Heading 1, or an outline level), title, automatic
//! numbering, alignment — with `w:basedOn` inheritance resolved.

use std::collections::HashMap;

use super::NumberingRef;
use crate::source::limits::{ReadError, ReadLimits};
use crate::source::xml::{XmlEvent, XmlWalker, attribute, local_name};

/// One paragraph style as written, before inheritance.
#[derive(Debug, Clone, Default)]
struct StyleDefinition {
    name: String,
    based_on: Option<String>,
    numbering: Option<NumberingRef>,
    outline_level: Option<u8>,
    centered: Option<bool>,
}

/// What a paragraph style means, inheritance resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParagraphStyle {
    /// Heading level 1–9 from the style's name or outline level.
    pub heading_level: Option<u8>,
    /// Whether the style is Word's title style (标题 / Title).
    pub is_title: bool,
    /// The automatic numbering the style applies.
    pub numbering: Option<NumberingRef>,
    /// Whether the style centres its paragraphs.
    pub centered: bool,
}

/// The paragraph styles of a document.
#[derive(Debug, Default)]
pub struct Styles {
    definitions: HashMap<String, StyleDefinition>,
    default_style: Option<String>,
}

impl Styles {
    /// Parses `styles.xml`.
    pub fn parse(text: &str, limits: &ReadLimits) -> Result<Self, ReadError> {
        let mut walker = XmlWalker::new(text, limits, super::FORMAT);
        let mut styles = Styles::default();
        let mut current: Option<(String, StyleDefinition)> = None;
        let mut path: Vec<String> = Vec::new();
        while let Some(event) = walker.next_event()? {
            match event {
                XmlEvent::Start(element) => {
                    let name = local_name(&element);
                    let parent = path.last().map(String::as_str);
                    match (name.as_str(), parent) {
                        ("style", _) => {
                            let is_paragraph = attribute(&element, "type").is_none_or(|kind| kind == "paragraph");
                            let id = attribute(&element, "styleId").unwrap_or_default();
                            if is_paragraph {
                                if attribute(&element, "default").is_some_and(|value| value == "1" || value == "true") {
                                    styles.default_style = Some(id.clone());
                                }
                                current = Some((id, StyleDefinition::default()));
                            }
                        }
                        ("name", Some("style")) => {
                            if let Some((_, definition)) = current.as_mut() {
                                definition.name = attribute(&element, "val").unwrap_or_default();
                            }
                        }
                        ("basedOn", Some("style")) => {
                            if let Some((_, definition)) = current.as_mut() {
                                definition.based_on = attribute(&element, "val");
                            }
                        }
                        ("outlineLvl", Some("pPr")) => {
                            if let Some((_, definition)) = current.as_mut() {
                                definition.outline_level = attribute(&element, "val").and_then(|v| v.parse().ok());
                            }
                        }
                        ("jc", Some("pPr")) => {
                            if let Some((_, definition)) = current.as_mut() {
                                definition.centered = Some(attribute(&element, "val").as_deref() == Some("center"));
                            }
                        }
                        ("numId", Some("numPr")) => {
                            if let Some((_, definition)) = current.as_mut() {
                                let id = attribute(&element, "val").unwrap_or_default();
                                definition.numbering.get_or_insert_with(NumberingRef::default).num_id = id;
                            }
                        }
                        ("ilvl", Some("numPr")) => {
                            if let Some((_, definition)) = current.as_mut() {
                                let level = attribute(&element, "val").and_then(|v| v.parse().ok());
                                definition.numbering.get_or_insert_with(NumberingRef::default).level = level;
                            }
                        }
                        _ => {}
                    }
                    path.push(name);
                }
                XmlEvent::End(name) => {
                    path.pop();
                    if name == "style"
                        && let Some((id, definition)) = current.take()
                    {
                        styles.definitions.insert(id, definition);
                    }
                }
                XmlEvent::Text(_) => {}
            }
        }
        Ok(styles)
    }

    /// The meaning of style `id` (or of the default paragraph style when the
    /// paragraph names none), following `w:basedOn` to the root.
    pub fn resolve(&self, id: Option<&str>) -> ParagraphStyle {
        let mut resolved = ParagraphStyle::default();
        let mut heading_level = None;
        let mut outline_level = None;
        let mut numbering = None;
        let mut centered = None;
        let mut next = id.or(self.default_style.as_deref());
        // basedOn chains are short; the bound guards against cycles.
        for _ in 0..16 {
            let Some(definition) = next.and_then(|id| self.definitions.get(id)) else { break };
            let names = [definition.name.as_str(), next.unwrap_or_default()];
            if heading_level.is_none() && !resolved.is_title {
                resolved.is_title = names.iter().any(|name| is_title_name(name));
                heading_level = names.iter().find_map(|name| heading_level_of_name(name));
            }
            outline_level = outline_level.or(definition.outline_level);
            numbering = numbering.or_else(|| definition.numbering.clone());
            centered = centered.or(definition.centered);
            next = definition.based_on.as_deref();
        }
        resolved.heading_level = heading_level.or_else(|| outline_level.filter(|level| *level < 9).map(|l| l + 1));
        resolved.numbering = numbering;
        resolved.centered = centered.unwrap_or(false);
        resolved
    }
}

/// `heading 1`, `Heading1`, `标题 1`, `标题1` → 1.
fn heading_level_of_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let rest = lower.strip_prefix("heading").or_else(|| lower.strip_prefix("标题"))?;
    let level: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&level).then_some(level)
}

/// `Title`, `标题` (Word's built-in title style in a Chinese Word).
fn is_title_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower == "title" || lower == "标题"
}
