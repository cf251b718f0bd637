//! `word/numbering.xml` and Word's automatic numbering: the numbers Word
//! shows before a paragraph but never stores in its text (`一、`, `（一）`,
//! `1.`), rendered the way Word counts them.
//!
//! A paragraph's `w:numPr` (its own or its style's) names a numbering
//! instance (`w:num`) and a level. The instance points to an abstract
//! definition (`w:abstractNum`) whose level gives the format (`w:numFmt`), the
//! text (`w:lvlText`, `%1、`, `（%2）`, `%1.%2`) and the start value. Counters
//! belong to the abstract definition, so instances sharing one continue each
//! other; an instance's `w:startOverride` restarts its levels where it is
//! first used. A level restarts after any higher level unless `w:lvlRestart`
//! says otherwise.

use std::collections::{HashMap, HashSet};

use super::NumberingRef;
use super::number_format::format_number;
use crate::source::limits::{ReadError, ReadLimits};
use crate::source::xml::{XmlEvent, XmlWalker, attribute, local_name};

/// Levels of a definition: Word has nine.
const LEVELS: usize = 9;

/// One level of an abstract numbering definition.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Level {
    start: i64,
    format: String,
    text: String,
    /// `None`: restart after any higher level; `Some(0)`: never; `Some(n)`:
    /// after levels 1..=n (1-based).
    restart: Option<usize>,
    /// `w:isLgl`: every number in the text in decimal.
    legal: bool,
    /// `w:suff`: what follows the number (`tab`, `space`, `nothing`).
    suffix: String,
    /// The paragraph style this level belongs to, if any.
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Self {
            start: 1,
            format: "decimal".to_owned(),
            text: String::new(),
            restart: None,
            legal: false,
            suffix: "tab".to_owned(),
            style: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct AbstractNumbering {
    levels: Vec<Level>,
    /// `w:numStyleLink`: the levels live in the definition of this numbering style.
    style_link: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct NumberingInstance {
    abstract_id: String,
    /// `w:lvlOverride`: per level, a new start and possibly a whole new level.
    start_overrides: HashMap<usize, i64>,
    level_overrides: HashMap<usize, Level>,
}

/// The numbering definitions of a document.
#[derive(Debug, Default)]
pub struct NumberingDefinitions {
    abstracts: HashMap<String, AbstractNumbering>,
    instances: HashMap<String, NumberingInstance>,
    /// Numbering styles (`w:styleLink`) → the abstract definition defining them.
    style_links: HashMap<String, String>,
}

impl NumberingDefinitions {
    /// Parses `numbering.xml`.
    pub fn parse(text: &str, limits: &ReadLimits) -> Result<Self, ReadError> {
        let mut walker = XmlWalker::new(text, limits, super::FORMAT);
        let mut definitions = NumberingDefinitions::default();
        let mut abstract_num: Option<(String, AbstractNumbering)> = None;
        let mut instance: Option<(String, NumberingInstance)> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        while let Some(event) = walker.next_event()? {
            match event {
                XmlEvent::Start(element) => {
                    let name = local_name(&element);
                    let val = || attribute(&element, "val");
                    match name.as_str() {
                        "abstractNum" => {
                            abstract_num = Some((
                                attribute(&element, "abstractNumId").unwrap_or_default(),
                                AbstractNumbering::default(),
                            ));
                        }
                        "num" => {
                            instance =
                                Some((attribute(&element, "numId").unwrap_or_default(), NumberingInstance::default()));
                        }
                        "abstractNumId" if instance.is_some() => {
                            if let Some((_, num)) = instance.as_mut() {
                                num.abstract_id = val().unwrap_or_default();
                            }
                        }
                        "lvlOverride" => override_level = attribute(&element, "ilvl").and_then(|v| v.parse().ok()),
                        "startOverride" => {
                            if let (Some((_, num)), Some(at), Some(start)) =
                                (instance.as_mut(), override_level, val().and_then(|v| v.parse().ok()))
                            {
                                num.start_overrides.insert(at, start);
                            }
                        }
                        "lvl" => {
                            let at = attribute(&element, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                            level = Some((at, Level::default()));
                        }
                        "start" => set(&mut level, |l| l.start = val().and_then(|v| v.parse().ok()).unwrap_or(1)),
                        "numFmt" => set(&mut level, |l| l.format = val().unwrap_or_default()),
                        "lvlText" => set(&mut level, |l| l.text = val().unwrap_or_default()),
                        "lvlRestart" => set(&mut level, |l| l.restart = val().and_then(|v| v.parse().ok())),
                        "isLgl" => set(&mut level, |l| l.legal = true),
                        "suff" => set(&mut level, |l| l.suffix = val().unwrap_or_default()),
                        "pStyle" if level.is_some() => set(&mut level, |l| l.style = val()),
                        "numStyleLink" => {
                            if let Some((_, definition)) = abstract_num.as_mut() {
                                definition.style_link = val();
                            }
                        }
                        "styleLink" => {
                            if let (Some((id, _)), Some(style)) = (abstract_num.as_ref(), val()) {
                                definitions.style_links.insert(style, id.clone());
                            }
                        }
                        _ => {}
                    }
                }
                XmlEvent::End(name) => match name.as_str() {
                    "lvl" => {
                        if let Some((at, finished)) = level.take().filter(|(at, _)| *at < LEVELS) {
                            if let (Some((_, num)), Some(over)) = (instance.as_mut(), override_level) {
                                num.level_overrides.insert(over, finished);
                            } else if let Some((_, definition)) = abstract_num.as_mut() {
                                if definition.levels.len() <= at {
                                    definition.levels.resize(at + 1, Level::default());
                                }
                                definition.levels[at] = finished;
                            }
                        }
                    }
                    "lvlOverride" => override_level = None,
                    "abstractNum" => {
                        if let Some((id, definition)) = abstract_num.take() {
                            definitions.abstracts.insert(id, definition);
                        }
                    }
                    "num" => {
                        if let Some((id, num)) = instance.take() {
                            definitions.instances.insert(id, num);
                        }
                    }
                    _ => {}
                },
                XmlEvent::Text(_) => {}
            }
        }
        Ok(definitions)
    }

    /// The level of definition `abstract_id` that belongs to paragraph style
    /// `style`, for styles whose numbering names no level.
    fn level_of_style(&self, abstract_id: &str, style: &str) -> Option<usize> {
        self.abstracts.get(abstract_id)?.levels.iter().position(|level| level.style.as_deref() == Some(style))
    }

    /// The abstract definition behind instance `num_id`, following a
    /// numbering-style link once.
    fn abstract_of(&self, num_id: &str) -> Option<(&str, &AbstractNumbering)> {
        let instance = self.instances.get(num_id)?;
        let (id, definition) = self.abstracts.get_key_value(instance.abstract_id.as_str())?;
        if let Some(linked) = definition.style_link.as_ref().and_then(|style| self.style_links.get(style))
            && let Some((linked_id, linked_definition)) = self.abstracts.get_key_value(linked.as_str())
        {
            return Some((linked_id.as_str(), linked_definition));
        }
        Some((id.as_str(), definition))
    }
}

fn set(level: &mut Option<(usize, Level)>, change: impl FnOnce(&mut Level)) {
    if let Some((_, level)) = level.as_mut() {
        change(level);
    }
}

/// Word's counters while walking a document's paragraphs in order.
#[derive(Debug, Default)]
pub struct NumberingCounter {
    /// Per abstract definition, the last value of each level (`None`: not
    /// used since its last restart).
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    /// Instances already used, whose start overrides have been applied.
    started: HashSet<String>,
}

impl NumberingCounter {
    /// The number Word shows before a paragraph numbered by `numbering`
    /// (with `style`, the paragraph's style, for levels tied to styles), or
    /// `None` when it shows none. Advances the counters.
    pub fn next_label(
        &mut self,
        definitions: &NumberingDefinitions,
        numbering: &NumberingRef,
        style: Option<&str>,
    ) -> Option<String> {
        // numId 0 switches numbering off (a paragraph overriding its style).
        if numbering.num_id.is_empty() || numbering.num_id == "0" {
            return None;
        }
        let (abstract_id, definition) = definitions.abstract_of(&numbering.num_id)?;
        let instance = definitions.instances.get(&numbering.num_id)?;
        let at = numbering
            .level
            .or_else(|| style.and_then(|style| definitions.level_of_style(abstract_id, style)))
            .unwrap_or(0)
            .min(LEVELS - 1);
        let level_at = |index: usize| -> Level {
            instance.level_overrides.get(&index).or_else(|| definition.levels.get(index)).cloned().unwrap_or_default()
        };
        let counters = self.counters.entry(abstract_id.to_owned()).or_insert([None; LEVELS]);
        if self.started.insert(numbering.num_id.clone()) {
            for (&index, &start) in &instance.start_overrides {
                if index < LEVELS {
                    counters[index] = Some(start - 1);
                }
            }
            for index in instance.level_overrides.keys().filter(|index| **index < LEVELS) {
                if !instance.start_overrides.contains_key(index) {
                    counters[*index] = None;
                }
            }
        }
        let level = level_at(at);
        let value = counters[at].map_or(level.start, |last| last.saturating_add(1));
        counters[at] = Some(value);
        for (deeper, counter) in counters.iter_mut().enumerate().skip(at + 1) {
            let restarts = match level_at(deeper).restart {
                None => true,
                Some(0) => false,
                Some(after) => at < after,
            };
            if restarts {
                *counter = None;
            }
        }
        if level.format == "bullet" {
            return None;
        }
        let counters = *counters;
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = (c == '%').then(|| chars.peek().and_then(|d| d.to_digit(10))).flatten();
            match placeholder {
                Some(digit @ 1..=9) => {
                    chars.next();
                    let index = usize::try_from(digit - 1).unwrap_or(0);
                    let shown = level_at(index);
                    let value = counters[index].unwrap_or(shown.start);
                    let format = if level.legal && index != at { "decimal" } else { shown.format.as_str() };
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        if label.is_empty() {
            return None;
        }
        // Word puts a tab (the default) or a space after the number. After a
        // full-width separator (`一、`, `（一）`) the tab only aligns the text,
        // and the plain-text copies of such reports have nothing there.
        let ends_wide = label.chars().last().is_some_and(|c| !c.is_ascii());
        match level.suffix.as_str() {
            "nothing" => {}
            "space" => label.push(' '),
            _ if ends_wide => {}
            _ => label.push('\t'),
        }
        Some(label)
    }
}
