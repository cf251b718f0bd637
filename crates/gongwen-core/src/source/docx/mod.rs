//! Word documents (`.docx`, Office Open XML) → paragraphs as lines.
//!
//! A .docx is a ZIP of XML parts: the body (`word/document.xml`, found
//! through `_rels/.rels`), its styles and its numbering. Each paragraph
//! becomes a line numbered by its place among the document's paragraphs
//! (「第 N 段」), with the automatic number Word shows before it rendered
//! into its text ([`numbering`]), so a report written with Word's numbered
//! headings reads like its plain-text copy. Heading styles (标题 1 /
//! Heading 1, outline levels) become heading hints for headings without a
//! number; the title style and a centred first paragraph become the title.

mod body;
mod number_format;
mod numbering;
mod styles;

pub use number_format::format_number;

use body::{BodyParagraph, read_body};
use numbering::{NumberingCounter, NumberingDefinitions};
use styles::Styles;

use super::limits::{ReadError, ReadLimits};
use super::xml::{XmlEvent, XmlWalker, attribute, local_name, xml_text};
use super::zip_container::ZipContainer;
use super::{LineHint, LineUnit, SourceDocument, SourceFormat, SourceLine};
use crate::decode::Encoding;
use crate::diagnostic::Diagnostic;

/// The format's name in messages.
pub(crate) const FORMAT: &str = "Word 文档（.docx）";

/// A reference to automatic numbering: `w:numPr`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NumberingRef {
    /// `w:numId`: the numbering instance; `"0"` turns numbering off.
    pub num_id: String,
    /// `w:ilvl`: the level, 0-based; absent means the style's or 0.
    pub level: Option<usize>,
}

/// The longest paragraph, in characters, taken as a centred title.
const MAX_TITLE_CHARS: usize = 60;

/// Reads a .docx.
pub fn read_docx(bytes: &[u8], limits: &ReadLimits) -> Result<SourceDocument, ReadError> {
    let mut container = ZipContainer::open(bytes, limits, FORMAT)?;
    let main = main_part(&mut container, limits)?;
    let Some(document) = container.read_named(&main)? else {
        return Err(ReadError::Corrupt { format: FORMAT, detail: format!("缺少正文部分 {main}") });
    };
    let (styles_part, numbering_part) = related_parts(&mut container, &main, limits)?;
    let styles = match container.read_named(&styles_part)? {
        Some(xml) => Styles::parse(&xml_text(&xml), limits)?,
        None => Styles::default(),
    };
    let numbering = match container.read_named(&numbering_part)? {
        Some(xml) => NumberingDefinitions::parse(&xml_text(&xml), limits)?,
        None => NumberingDefinitions::default(),
    };
    let paragraphs = read_body(&xml_text(&document), limits)?;
    Ok(paragraphs_to_document(paragraphs, &styles, &numbering))
}

/// Turns the body's paragraphs into lines: numbers rendered, hints from
/// styles, the title found.
fn paragraphs_to_document(
    paragraphs: Vec<BodyParagraph>,
    styles: &Styles,
    numbering: &NumberingDefinitions,
) -> SourceDocument {
    let mut counter = NumberingCounter::default();
    let mut lines = Vec::with_capacity(paragraphs.len());
    let mut title_seen = false;
    let mut body_seen = false;
    for paragraph in paragraphs {
        let style = styles.resolve(paragraph.style.as_deref());
        let numbering_ref = paragraph.numbering.as_ref().or(style.numbering.as_ref());
        let label = numbering_ref.and_then(|reference| {
            let style_id = paragraph.style.as_deref();
            counter.next_label(numbering, reference, style_id)
        });
        let text = paragraph.text.trim();
        let heading_level = paragraph
            .outline_level
            .filter(|level| *level < 9)
            .map(|level| level + 1)
            .or(style.heading_level)
            .filter(|_| !paragraph.table_row);
        let centered = paragraph.centered.unwrap_or(style.centered);
        let hint = if style.is_title && !title_seen {
            LineHint::Title
        } else if let Some(depth) = heading_level {
            LineHint::Heading { depth }
        } else if centered
            && !title_seen
            && !body_seen
            && label.is_none()
            && !text.is_empty()
            && text.chars().count() <= MAX_TITLE_CHARS
        {
            LineHint::Title
        } else if paragraph.bold && !text.is_empty() {
            LineHint::Bold
        } else {
            LineHint::Plain
        };
        title_seen |= hint == LineHint::Title;
        body_seen |= !text.is_empty() && hint != LineHint::Title;
        let mut full = label.unwrap_or_default();
        full.push_str(&paragraph.text);
        // A line break inside a paragraph starts a new line of the same
        // paragraph; only the first carries the paragraph's hint.
        for (index, part) in full.split('\n').enumerate() {
            lines.push(SourceLine {
                text: part.to_owned(),
                line: paragraph.number,
                column: 1,
                hint: if index == 0 { hint } else { LineHint::Plain },
                breaks: Vec::new(),
            });
        }
    }
    SourceDocument {
        format: SourceFormat::Docx,
        encoding: Encoding::Utf8,
        lines,
        removed: Vec::new(),
        notes: Vec::<Diagnostic>::new(),
        unit: LineUnit::Paragraph,
    }
}

/// The path of the main document part, from the package relationships;
/// `word/document.xml` when they do not say.
fn main_part(container: &mut ZipContainer<'_>, limits: &ReadLimits) -> Result<String, ReadError> {
    let relationships = container.read_named("_rels/.rels")?.unwrap_or_default();
    let targets = relationship_targets(&xml_text(&relationships), limits)?;
    Ok(targets
        .into_iter()
        .find(|(kind, _)| kind.ends_with("/officeDocument"))
        .map(|(_, target)| target.trim_start_matches('/').to_owned())
        .unwrap_or_else(|| "word/document.xml".to_owned()))
}

/// The styles and numbering parts of the main part, from its relationships.
fn related_parts(
    container: &mut ZipContainer<'_>,
    main: &str,
    limits: &ReadLimits,
) -> Result<(String, String), ReadError> {
    let (folder, file) = main.rsplit_once('/').unwrap_or(("", main));
    let relationships_path =
        if folder.is_empty() { format!("_rels/{file}.rels") } else { format!("{folder}/_rels/{file}.rels") };
    let relationships = container.read_named(&relationships_path)?.unwrap_or_default();
    let targets = relationship_targets(&xml_text(&relationships), limits)?;
    let resolve = |suffix: &str, default: &str| {
        let target = targets.iter().find(|(kind, _)| kind.ends_with(suffix)).map(|(_, target)| target.as_str());
        match target {
            Some(absolute) if absolute.starts_with('/') => absolute.trim_start_matches('/').to_owned(),
            Some(relative) if !folder.is_empty() => format!("{folder}/{relative}"),
            Some(relative) => relative.to_owned(),
            None if folder.is_empty() => default.to_owned(),
            None => format!("{folder}/{default}"),
        }
    };
    Ok((resolve("/styles", "styles.xml"), resolve("/numbering", "numbering.xml")))
}

/// `(Type, Target)` of every relationship in a `.rels` part.
fn relationship_targets(text: &str, limits: &ReadLimits) -> Result<Vec<(String, String)>, ReadError> {
    let mut walker = XmlWalker::new(text, limits, FORMAT);
    let mut targets = Vec::new();
    while let Some(event) = walker.next_event()? {
        if let XmlEvent::Start(element) = event
            && local_name(&element) == "Relationship"
            && let (Some(kind), Some(target)) = (attribute(&element, "Type"), attribute(&element, "Target"))
        {
            targets.push((kind, target));
        }
    }
    Ok(targets)
}
