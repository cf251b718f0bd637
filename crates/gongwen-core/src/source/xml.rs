//! XML as the readers need it: a flat stream of start tags, end tags and text
//! over one part of a .docx or .odt, within limits.
//!
//! Nothing is expanded that the document defines itself: a DOCTYPE is skipped
//! and an entity other than the five predefined ones and character
//! references stays as written, so entity bombs ("billion laughs") cost
//! nothing. Nesting deeper than [`ReadLimits::max_xml_depth`] is refused. The
//! walk keeps no recursion, so depth costs no stack either way.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::limits::{ReadError, ReadLimits};

/// One step of the walk.
pub(crate) enum XmlEvent<'x> {
    /// An element starts (empty elements start and end at once).
    Start(BytesStart<'x>),
    /// An element ends; its local name.
    End(String),
    /// Character data, entities resolved.
    Text(Cow<'x, str>),
}

/// A streaming reader over one XML part.
pub(crate) struct XmlWalker<'x> {
    reader: Reader<&'x [u8]>,
    depth: usize,
    max_depth: usize,
    format: &'static str,
}

impl<'x> XmlWalker<'x> {
    /// Walks `text`, an XML document, for a reader of the named format.
    pub fn new(text: &'x str, limits: &ReadLimits, format: &'static str) -> Self {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.allow_dangling_amp = true;
        Self { reader, depth: 0, max_depth: limits.max_xml_depth, format }
    }

    /// The next event, `None` at the end.
    pub fn next_event(&mut self) -> Result<Option<XmlEvent<'x>>, ReadError> {
        loop {
            let event = self.reader.read_event().map_err(|error| ReadError::Corrupt {
                format: self.format,
                detail: format!("XML 结构错误（{error}）"),
            })?;
            return Ok(Some(match event {
                Event::Start(start) => {
                    self.depth += 1;
                    if self.depth > self.max_depth {
                        return Err(ReadError::LimitExceeded {
                            format: self.format,
                            detail: format!("XML 元素嵌套超过 {} 层", self.max_depth),
                        });
                    }
                    XmlEvent::Start(start)
                }
                Event::End(end) => {
                    self.depth = self.depth.saturating_sub(1);
                    XmlEvent::End(end.local_name().as_ref().to_owned())
                }
                Event::Text(text) => XmlEvent::Text(text.xml_content(XmlVersion::Implicit1_0)),
                Event::CData(data) => XmlEvent::Text(data.xml_content(XmlVersion::Implicit1_0)),
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Cow::Owned(c.to_string()),
                        Ok(None) => match resolve_predefined_entity(&reference) {
                            Some(text) => Cow::Borrowed(text),
                            None => Cow::Owned(format!("&{};", &*reference)),
                        },
                        Err(_) => Cow::Owned(format!("&{};", &*reference)),
                    };
                    XmlEvent::Text(resolved)
                }
                Event::Eof => return Ok(None),
                Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => continue,
            }));
        }
    }
}

/// The local part of an element's name (`p` for `w:p`).
pub(crate) fn local_name(element: &BytesStart<'_>) -> String {
    element.local_name().as_ref().to_owned()
}

/// The value of the attribute whose local name is `name` (`val` for
/// `w:val`), entities resolved.
pub(crate) fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element.attributes().with_checks(false).flatten().find_map(|attribute| {
        let key = attribute.key.as_ref();
        let local = key.rsplit(':').next().unwrap_or(key);
        (local == name).then(|| match attribute.normalized_value(XmlVersion::Implicit1_0) {
            Ok(value) => value.into_owned(),
            Err(_) => attribute.value.into_owned(),
        })
    })
}

/// Whether an on/off property (`<w:b/>`, `<w:vanish w:val="0"/>`) is on.
pub(crate) fn is_on(element: &BytesStart<'_>) -> bool {
    !matches!(attribute(element, "val").as_deref(), Some("0" | "false" | "off" | "none"))
}

/// The text of an XML part's bytes: UTF-8 (a byte order mark dropped) or
/// UTF-16 with a byte order mark. Malformed bytes become U+FFFD.
pub(crate) fn xml_text(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return Cow::Owned(text.into_owned());
    }
    String::from_utf8_lossy(bytes)
}

/// Where a walk is: the open elements' local names, and whether it is inside
/// an element whose content readers skip (a tracked deletion, a footnote).
#[derive(Debug, Default)]
pub(crate) struct ElementPath {
    names: Vec<String>,
    /// Depth at which a skipped element opened.
    skip_from: Option<usize>,
}

impl ElementPath {
    /// Enters element `name`; elements listed in `skipped` hide everything
    /// inside them. Returns whether the element is visible.
    pub fn enter(&mut self, name: String, skipped: &[&str]) -> bool {
        if self.skip_from.is_none() && skipped.contains(&name.as_str()) {
            self.skip_from = Some(self.names.len());
        }
        self.names.push(name);
        self.is_visible()
    }

    /// Leaves the innermost element. Returns whether it was visible.
    pub fn leave(&mut self) -> bool {
        let visible = self.is_visible();
        self.names.pop();
        if self.skip_from.is_some_and(|depth| self.names.len() <= depth) {
            self.skip_from = None;
        }
        visible
    }

    /// Whether what is read now is visible (not inside a skipped element).
    pub fn is_visible(&self) -> bool {
        self.skip_from.is_none()
    }

    /// The local name of the `n`th enclosing element: 0 is the innermost
    /// (the current one), 1 its parent.
    pub fn ancestor(&self, n: usize) -> Option<&str> {
        self.names.len().checked_sub(n + 1).and_then(|index| self.names.get(index)).map(String::as_str)
    }
}
