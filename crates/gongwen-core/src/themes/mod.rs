//! Theme coverage: how much of a report goes to each theme of the scheme that
//! fits its genre — the Party-building themes (政治建设, 思想建设 …) for a
//! 党建述职, 经济发展, 民生保障, 生态环境 … for a 政府工作报告, and so on.
//! The schemes are data files under `data/themes/` ([`scheme`]); the genre
//! is detected from the report ([`genre`]) and every scheme's coverage is
//! computed, so a user can switch schemes without analysing again.
//!
//! The report is cut into units that together hold all of its text: the
//! preamble, each section without sub-sections, and the lead text of each
//! section with sub-sections (from its heading to its first sub-section).
//! Points (`一是` …) stay inside their section. Each unit scores every theme
//! by the theme words in its own heading (weight 5), its enclosing headings
//! (weight 3) and its text (1 per occurrence); it is shared among the themes
//! that score at least a fifth of its best, in proportion to their scores.
//! A unit with no theme word takes the mix of its sub-sections (a lead), of
//! the whole report (the preamble), or else the scheme's fallback theme.

pub mod genre;
pub mod scheme;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::clean::CleanedText;
use crate::outline::{Heading, HeadingKind, Outline};
use crate::text::TextRange;

pub use genre::{CueHit, GenreDetection, GenreScore, detect_genre};
use scheme::theme_words_of_every_scheme;
pub use scheme::{ThemeScheme, theme_scheme};

/// Weight of a theme word in the unit's own heading.
const OWN_HEADING_WEIGHT: usize = 5;
/// Weight of a theme word in an enclosing heading.
const ENCLOSING_HEADING_WEIGHT: usize = 3;
/// A theme shares a unit when it scores at least 1/this of the best theme.
const MIN_SCORE_FRACTION: usize = 5;

/// A report genre, each with its own theme scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Genre {
    /// 党建述职: Party-building duty reports, 述职述廉.
    #[serde(rename = "党建述职")]
    PartyBuilding,
    /// 政府工作报告: a government's report to its people's congress.
    #[serde(rename = "政府工作报告")]
    GovernmentWork,
    /// 党代会报告: a Party committee's report to its Party congress.
    #[serde(rename = "党代会报告")]
    PartyCongress,
    /// 工作总结: a unit's work summary.
    #[serde(rename = "工作总结")]
    WorkSummary,
}

impl Genre {
    /// Every genre, in the order menus list them.
    pub const ALL: [Genre; 4] = [Genre::PartyBuilding, Genre::GovernmentWork, Genre::PartyCongress, Genre::WorkSummary];

    /// The genre's English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Genre::PartyBuilding => "Party-building report",
            Genre::GovernmentWork => "Government work report",
            Genre::PartyCongress => "Party congress report",
            Genre::WorkSummary => "Work summary",
        }
    }

    /// The genre's Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Genre::PartyBuilding => "党建述职",
            Genre::GovernmentWork => "政府工作报告",
            Genre::PartyCongress => "党代会报告",
            Genre::WorkSummary => "工作总结",
        }
    }

    /// The genre's ASCII name, as its scheme file and the CLI's `--scheme` name it.
    pub fn id(self) -> &'static str {
        match self {
            Genre::PartyBuilding => "party-building",
            Genre::GovernmentWork => "government-work",
            Genre::PartyCongress => "party-congress",
            Genre::WorkSummary => "work-summary",
        }
    }

    /// The genre named `name`, by its Chinese or ASCII name.
    pub fn from_name(name: &str) -> Option<Genre> {
        Genre::ALL.into_iter().find(|genre| genre.label() == name || genre.id() == name)
    }
}

impl fmt::Display for Genre {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What part of the report a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitPart {
    /// The text before the first heading.
    Preamble,
    /// A report without headings, as one unit.
    WholeText,
    /// A section without sub-sections.
    Section,
    /// A section's text before its first sub-section.
    Lead,
}

/// How a unit's themes were decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeBasis {
    /// By its own theme words.
    Evidence,
    /// No theme word: the mix of its sub-sections, or of the whole report.
    Inherited,
    /// No theme word and nothing to inherit: the scheme's fallback theme.
    Fallback,
}

/// A theme's part of a unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemePortion {
    /// The theme's name.
    pub theme: String,
    /// Characters of the unit given to it.
    pub chars: usize,
    /// The theme words that decided it (0 when inherited or the fallback).
    pub score: usize,
}

/// One attributed unit of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionTheme {
    /// The unit's heading; `None` for the preamble and a report without headings.
    pub heading: Option<usize>,
    /// What part of the report it is.
    pub part: UnitPart,
    /// Its characters, whitespace not counted.
    pub chars: usize,
    /// How its themes were decided.
    pub basis: ThemeBasis,
    /// Its themes, most characters first; their characters add up to `chars`.
    pub themes: Vec<ThemePortion>,
}

impl SectionTheme {
    /// The theme with the most characters.
    pub fn main_theme(&self) -> Option<&str> {
        self.themes.first().map(|portion| portion.theme.as_str())
    }
}

/// One theme's share of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeShare {
    /// The theme's name.
    pub theme: String,
    /// Characters attributed to it.
    pub chars: usize,
    /// Its share of all attributed characters, 0–1, rounded to 0.001.
    pub share: f64,
    /// Whether it is a Party-building theme.
    pub party_building: bool,
}

/// A report's themes under one scheme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeCoverage {
    /// The scheme's genre.
    pub scheme: Genre,
    /// Each unit, in document order.
    pub sections: Vec<SectionTheme>,
    /// Every theme of the scheme with its characters and share, in the scheme's order.
    pub totals: Vec<ThemeShare>,
}

impl ThemeCoverage {
    /// The share of the Party-building themes together, 0–1.
    pub fn party_building_share(&self) -> f64 {
        let total: usize = self.totals.iter().map(|t| t.chars).sum();
        let party: usize = self.totals.iter().filter(|t| t.party_building).map(|t| t.chars).sum();
        if total == 0 { 0.0 } else { party as f64 / total as f64 }
    }

    /// The share of theme `name`, 0 when the scheme has no such theme.
    pub fn share_of(&self, name: &str) -> f64 {
        self.totals.iter().find(|t| t.theme == name).map_or(0.0, |t| t.share)
    }

    /// The theme with the most characters in heading `index`'s section,
    /// sub-sections included.
    pub fn dominant_theme_under(&self, headings: &[Heading], index: usize) -> Option<&str> {
        let mut chars: Vec<(&str, usize)> = Vec::new();
        for section in &self.sections {
            let Some(at) = section.heading else { continue };
            if !is_within(headings, at, index) {
                continue;
            }
            for portion in &section.themes {
                match chars.iter_mut().find(|(theme, _)| *theme == portion.theme) {
                    Some((_, sum)) => *sum += portion.chars,
                    None => chars.push((&portion.theme, portion.chars)),
                }
            }
        }
        let order = |name: &str| self.totals.iter().position(|t| t.theme == name).unwrap_or(usize::MAX);
        chars
            .into_iter()
            .filter(|&(_, sum)| sum > 0)
            .max_by_key(|&(theme, sum)| (sum, std::cmp::Reverse(order(theme))))
            .map(|(theme, _)| theme)
    }
}

/// Whether heading `at` is heading `ancestor` or one of its descendants.
fn is_within(headings: &[Heading], mut at: usize, ancestor: usize) -> bool {
    loop {
        if at == ancestor {
            return true;
        }
        match headings[at].parent {
            Some(parent) => at = parent,
            None => return false,
        }
    }
}

/// A report's detected genre and its coverage under every scheme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportThemes {
    /// The detected genre and why.
    pub detection: GenreDetection,
    /// The coverage under each scheme, in [`Genre::ALL`] order.
    pub coverages: Vec<ThemeCoverage>,
}

impl ReportThemes {
    /// The coverage under `genre`'s scheme.
    pub fn coverage(&self, genre: Genre) -> &ThemeCoverage {
        &self.coverages[genre as usize]
    }

    /// The coverage under the detected genre's scheme.
    pub fn detected(&self) -> &ThemeCoverage {
        self.coverage(self.detection.genre)
    }
}

/// Detects a report's genre and attributes its text under every scheme.
pub fn report_themes(cleaned: &CleanedText, outline: &Outline) -> ReportThemes {
    let units = theme_units(cleaned, outline);
    let words_by_scheme = theme_words_of_every_scheme(&cleaned.text);
    ReportThemes {
        detection: detect_genre(cleaned, outline),
        coverages: Genre::ALL
            .into_iter()
            .zip(&words_by_scheme)
            .map(|(genre, words)| attribute_units(theme_scheme(genre), outline, &units, words))
            .collect(),
    }
}

/// A stretch of text attributed as a whole.
#[derive(Debug, Clone, Copy)]
struct Unit {
    heading: Option<usize>,
    part: UnitPart,
    range: TextRange,
    chars: usize,
}

/// Whether a heading opens a section (rather than a point within one).
fn opens_section(heading: &Heading) -> bool {
    heading.kind != HeadingKind::Enumeration
}

/// The nearest ancestor of heading `index` that opens a section.
fn section_parent(headings: &[Heading], index: usize) -> Option<usize> {
    let mut parent = headings[index].parent;
    while let Some(p) = parent {
        if opens_section(&headings[p]) {
            return Some(p);
        }
        parent = headings[p].parent;
    }
    None
}

/// Cuts the text into units, in document order and disjoint.
fn theme_units(cleaned: &CleanedText, outline: &Outline) -> Vec<Unit> {
    let text = &cleaned.text;
    let chars_in = |range: TextRange| crate::text::visible_chars(range.slice(text));
    let headings = &outline.headings;
    let sections: Vec<usize> = (0..headings.len()).filter(|&i| opens_section(&headings[i])).collect();
    if sections.is_empty() {
        let range = TextRange::new(0, text.len());
        return vec![Unit { heading: None, part: UnitPart::WholeText, range, chars: chars_in(range) }];
    }
    let mut first_child_start: Vec<Option<usize>> = vec![None; headings.len()];
    for &index in &sections {
        if let Some(parent) = section_parent(headings, index) {
            let start = headings[index].section.start;
            let first = &mut first_child_start[parent];
            *first = Some(first.map_or(start, |s: usize| s.min(start)));
        }
    }
    let mut units = Vec::with_capacity(sections.len() + 1);
    if let Some(range) = outline.preamble {
        let range = TextRange::new(range.start, range.end.min(headings[sections[0]].section.start));
        units.push(Unit { heading: None, part: UnitPart::Preamble, range, chars: chars_in(range) });
    }
    for &index in &sections {
        let section = headings[index].section;
        let (part, end) = match first_child_start[index] {
            Some(start) => (UnitPart::Lead, start),
            None => (UnitPart::Section, section.end),
        };
        let range = TextRange::new(section.start, end.max(section.start));
        units.push(Unit { heading: Some(index), part, range, chars: chars_in(range) });
    }
    units.retain(|unit| unit.chars > 0);
    units
}

/// Attributes the units under one scheme, given the scheme's theme words
/// in the text (`(byte offset, theme)`, in text order).
fn attribute_units(scheme: &ThemeScheme, outline: &Outline, units: &[Unit], words: &[(usize, usize)]) -> ThemeCoverage {
    let headings = &outline.headings;
    let theme_count = scheme.themes.len();
    let mut scores = vec![vec![0usize; theme_count]; units.len()];
    for &(offset, theme) in words {
        let at = units.partition_point(|unit| unit.range.end <= offset);
        if units.get(at).is_some_and(|unit| unit.range.contains(offset)) {
            scores[at][theme] += 1;
        }
    }
    for (unit, unit_scores) in units.iter().zip(&mut scores) {
        let Some(index) = unit.heading else { continue };
        for (theme, count) in scheme.theme_word_counts(&headings[index].title).into_iter().enumerate() {
            unit_scores[theme] += count * OWN_HEADING_WEIGHT;
        }
        let mut ancestor = section_parent(headings, index);
        while let Some(at) = ancestor {
            for (theme, count) in scheme.theme_word_counts(&headings[at].title).into_iter().enumerate() {
                unit_scores[theme] += count * ENCLOSING_HEADING_WEIGHT;
            }
            ancestor = section_parent(headings, at);
        }
    }
    // Characters per theme of each unit; None until decided.
    let mut allocations: Vec<Option<(ThemeBasis, Vec<usize>)>> = units
        .iter()
        .zip(&scores)
        .map(|(unit, unit_scores)| {
            let best = unit_scores.iter().copied().max().unwrap_or(0);
            (best > 0).then(|| {
                let kept: Vec<usize> = unit_scores
                    .iter()
                    .map(|&score| if score * MIN_SCORE_FRACTION >= best { score } else { 0 })
                    .collect();
                (ThemeBasis::Evidence, split_in_proportion(unit.chars, &kept))
            })
        })
        .collect();
    // Leads without evidence take their sub-sections' mix, deepest first.
    for at in (0..units.len()).rev() {
        let unit = units[at];
        if allocations[at].is_some() || unit.part != UnitPart::Lead {
            continue;
        }
        let Some(heading) = unit.heading else { continue };
        let mut mix = vec![0usize; theme_count];
        for (other, allocation) in units.iter().zip(&allocations).skip(at + 1) {
            let within = other.heading.is_some_and(|h| is_within(headings, h, heading));
            if let (true, Some((_, chars))) = (within, allocation) {
                mix.iter_mut().zip(chars).for_each(|(sum, c)| *sum += c);
            }
        }
        if mix.iter().any(|&c| c > 0) {
            allocations[at] = Some((ThemeBasis::Inherited, split_in_proportion(unit.chars, &mix)));
        }
    }
    // The preamble (or a headingless text) takes the whole report's mix.
    let mut report_mix = vec![0usize; theme_count];
    for (_, chars) in allocations.iter().flatten() {
        report_mix.iter_mut().zip(chars).for_each(|(sum, c)| *sum += c);
    }
    for (unit, allocation) in units.iter().zip(&mut allocations) {
        if allocation.is_none() && unit.heading.is_none() && report_mix.iter().any(|&c| c > 0) {
            *allocation = Some((ThemeBasis::Inherited, split_in_proportion(unit.chars, &report_mix)));
        }
    }
    let sections: Vec<SectionTheme> = units
        .iter()
        .zip(allocations)
        .zip(&scores)
        .map(|((unit, allocation), unit_scores)| {
            let (basis, chars) = allocation.unwrap_or_else(|| {
                let mut chars = vec![0; theme_count];
                chars[scheme.fallback] = unit.chars;
                (ThemeBasis::Fallback, chars)
            });
            let mut themes: Vec<ThemePortion> = chars
                .iter()
                .enumerate()
                .filter(|&(_, &c)| c > 0)
                .map(|(theme, &c)| ThemePortion {
                    theme: scheme.themes[theme].name.to_owned(),
                    chars: c,
                    score: if basis == ThemeBasis::Evidence { unit_scores[theme] } else { 0 },
                })
                .collect();
            themes.sort_by_key(|portion| std::cmp::Reverse(portion.chars));
            SectionTheme { heading: unit.heading, part: unit.part, chars: unit.chars, basis, themes }
        })
        .collect();
    let total: usize = sections.iter().map(|s| s.chars).sum();
    let totals = scheme
        .themes
        .iter()
        .map(|theme| {
            let chars = sections
                .iter()
                .flat_map(|s| &s.themes)
                .filter(|portion| portion.theme == theme.name)
                .map(|portion| portion.chars)
                .sum();
            let share = if total == 0 { 0.0 } else { (chars as f64 / total as f64 * 1000.0).round() / 1000.0 };
            ThemeShare { theme: theme.name.to_owned(), chars, share, party_building: theme.party_building }
        })
        .collect();
    ThemeCoverage { scheme: scheme.genre, sections, totals }
}

/// Splits `total` characters in proportion to `weights` (not all zero), the
/// remainders going to the largest fractions, so the parts add up to `total`.
fn split_in_proportion(total: usize, weights: &[usize]) -> Vec<usize> {
    // In u64: on wasm32 a usize product of characters and scores can overflow.
    let sum: u64 = weights.iter().map(|&w| w as u64).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let share = |w: usize| (total as u64 * w as u64 / sum, total as u64 * w as u64 % sum);
    let mut parts: Vec<usize> = weights.iter().map(|&w| share(w).0 as usize).collect();
    let mut remainders: Vec<(u64, usize)> =
        weights.iter().enumerate().filter(|&(_, &w)| w > 0).map(|(i, &w)| (share(w).1, i)).collect();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = total - parts.iter().sum::<usize>();
    for &(_, index) in remainders.iter().take(missing) {
        parts[index] += 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proportional_split_adds_up_and_favours_the_largest_remainders() {
        assert_eq!(split_in_proportion(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(split_in_proportion(7, &[0, 5, 0]), vec![0, 7, 0]);
        assert_eq!(split_in_proportion(0, &[2, 3]), vec![0, 0]);
        assert_eq!(split_in_proportion(100, &[3, 1]), vec![75, 25]);
    }
}
