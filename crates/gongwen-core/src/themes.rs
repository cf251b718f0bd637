//! Theme coverage: how much of a report goes to each Party-building theme
//! (政治建设, 思想建设, 组织建设, 作风建设, 纪律建设, 党风廉政/反腐败, 制度建设,
//! 意识形态, 业务工作).
//!
//! Each leaf section (a heading that is not a point and has no sub-sections)
//! is attributed to one theme by the theme words of `data/themes.tsv` found
//! in its own heading (weight 5), its enclosing headings (weight 2) and its
//! text (weight 1 per occurrence). A section without any theme word is
//! 业务工作. The preamble and the unnumbered problems and closing parts are not
//! attributed. A report without sections is attributed as one whole.

use std::fmt;

use serde::{Deserialize, Serialize};

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::clean::CleanedText;
use crate::outline::{Heading, HeadingKind, Outline};
use crate::text::TextRange;

/// The theme table's source text.
const THEME_TABLE: &str = include_str!("../data/themes.tsv");

/// Weight of a theme word in the section's own heading.
const OWN_HEADING_WEIGHT: usize = 5;
/// Weight of a theme word in an enclosing heading.
const ENCLOSING_HEADING_WEIGHT: usize = 2;

/// A Party-building theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Theme {
    /// 政治建设.
    #[serde(rename = "政治建设")]
    Political,
    /// 思想建设.
    #[serde(rename = "思想建设")]
    Ideological,
    /// 组织建设.
    #[serde(rename = "组织建设")]
    Organizational,
    /// 作风建设.
    #[serde(rename = "作风建设")]
    Conduct,
    /// 纪律建设.
    #[serde(rename = "纪律建设")]
    Discipline,
    /// 党风廉政建设与反腐败.
    #[serde(rename = "党风廉政/反腐败")]
    Integrity,
    /// 制度建设.
    #[serde(rename = "制度建设")]
    Institutional,
    /// 意识形态工作.
    #[serde(rename = "意识形态")]
    Ideology,
    /// The unit's own business, no Party-building theme.
    #[serde(rename = "业务工作")]
    Business,
}

impl Theme {
    /// Every theme, in the order reports and charts list them.
    pub const ALL: [Theme; 9] = [
        Theme::Political,
        Theme::Ideological,
        Theme::Organizational,
        Theme::Conduct,
        Theme::Discipline,
        Theme::Integrity,
        Theme::Institutional,
        Theme::Ideology,
        Theme::Business,
    ];

    /// The theme's Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Political => "政治建设",
            Theme::Ideological => "思想建设",
            Theme::Organizational => "组织建设",
            Theme::Conduct => "作风建设",
            Theme::Discipline => "纪律建设",
            Theme::Integrity => "党风廉政/反腐败",
            Theme::Institutional => "制度建设",
            Theme::Ideology => "意识形态",
            Theme::Business => "业务工作",
        }
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One attributed section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionTheme {
    /// The section's heading; `None` when the whole report is one unit.
    pub heading: Option<usize>,
    /// The theme it is attributed to.
    pub theme: Theme,
    /// The section's characters, whitespace not counted.
    pub chars: usize,
}

/// One theme's share of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeShare {
    /// The theme.
    pub theme: Theme,
    /// Characters of the sections attributed to it.
    pub chars: usize,
    /// Its share of all attributed characters, 0–1.
    pub share: f64,
}

/// The themes of a report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ThemeCoverage {
    /// Each attributed section, in document order.
    pub sections: Vec<SectionTheme>,
    /// Every theme with its characters and share, in [`Theme::ALL`] order.
    pub totals: Vec<ThemeShare>,
}

impl ThemeCoverage {
    /// The theme with the most characters among the leaf sections under
    /// heading `index` (or the heading's own theme, if it is a leaf).
    pub fn dominant_theme_under(&self, headings: &[Heading], index: usize) -> Option<Theme> {
        let mut chars = [0usize; Theme::ALL.len()];
        for section in &self.sections {
            let Some(mut at) = section.heading else { continue };
            loop {
                if at == index {
                    chars[section.theme as usize] += section.chars;
                    break;
                }
                match headings[at].parent {
                    Some(parent) => at = parent,
                    None => break,
                }
            }
        }
        let (best, &most) = chars.iter().enumerate().max_by_key(|&(i, c)| (*c, std::cmp::Reverse(i)))?;
        (most > 0).then(|| Theme::ALL[best])
    }
}

/// The theme words, with one automaton that finds them all in one pass.
struct ThemeTable {
    /// Each theme's words.
    words: Vec<(Theme, Vec<&'static str>)>,
    /// Every word of every theme but 业务工作, as patterns.
    matcher: Option<AhoCorasick>,
    /// The theme of each pattern.
    pattern_themes: Vec<Theme>,
}

/// The theme table, parsed and compiled once.
fn theme_table() -> &'static ThemeTable {
    static TABLE: OnceLock<ThemeTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let words: Vec<(Theme, Vec<&'static str>)> = THEME_TABLE
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let (name, words) = line.split_once('\t')?;
                let theme = Theme::ALL.into_iter().find(|theme| theme.label() == name.trim())?;
                Some((theme, words.split('|').map(str::trim).filter(|w| !w.is_empty()).collect()))
            })
            .collect();
        let scored = words.iter().filter(|(theme, _)| *theme != Theme::Business);
        let (patterns, pattern_themes): (Vec<&str>, Vec<Theme>) =
            scored.flat_map(|(theme, words)| words.iter().map(move |word| (*word, *theme))).unzip();
        // Fails only for automata far larger than this table; body scores
        // are then zero and headings alone decide.
        let matcher = AhoCorasick::new(&patterns).ok();
        ThemeTable { words, matcher, pattern_themes }
    })
}

/// Attributes a report's sections to themes.
pub fn attribute_themes(cleaned: &CleanedText, outline: &Outline) -> ThemeCoverage {
    let table = theme_table();
    let headings = &outline.headings;
    let is_section =
        |h: &Heading| !matches!(h.kind, HeadingKind::Enumeration | HeadingKind::Closing | HeadingKind::Problems);
    let mut has_sub_sections = vec![false; headings.len()];
    for heading in headings.iter().filter(|h| is_section(h)) {
        if let Some(parent) = heading.parent {
            has_sub_sections[parent] = true;
        }
    }
    let leaves: Vec<usize> =
        (0..headings.len()).filter(|&i| is_section(&headings[i]) && !has_sub_sections[i]).collect();
    let units: Vec<TextRange> = if leaves.is_empty() {
        vec![TextRange::new(0, cleaned.text.len())]
    } else {
        leaves.iter().map(|&i| headings[i].section).collect()
    };
    let body_scores = body_scores(table, &cleaned.text, &units);
    let mut sections: Vec<SectionTheme> = leaves
        .iter()
        .zip(&body_scores)
        .map(|(&index, scores)| {
            let heading = &headings[index];
            let mut enclosing = String::new();
            let mut parent = heading.parent;
            while let Some(p) = parent {
                enclosing.push_str(&headings[p].title);
                parent = headings[p].parent;
            }
            let theme = best_theme(table, &heading.title, &enclosing, scores);
            SectionTheme { heading: Some(index), theme, chars: heading.chars }
        })
        .collect();
    if sections.is_empty() && !cleaned.text.trim().is_empty() {
        let chars = cleaned.text.chars().filter(|c| !c.is_whitespace()).count();
        let theme = best_theme(table, "", "", &body_scores[0]);
        sections.push(SectionTheme { heading: None, theme, chars });
    }
    let total: usize = sections.iter().map(|s| s.chars).sum();
    let totals = Theme::ALL
        .into_iter()
        .map(|theme| {
            let chars = sections.iter().filter(|s| s.theme == theme).map(|s| s.chars).sum();
            let share = if total == 0 { 0.0 } else { (chars as f64 / total as f64 * 1000.0).round() / 1000.0 };
            ThemeShare { theme, chars, share }
        })
        .collect();
    ThemeCoverage { sections, totals }
}

/// For each unit (disjoint ranges, in order), how many theme words of each
/// theme its text holds, found in one pass over the text.
fn body_scores(table: &ThemeTable, text: &str, units: &[TextRange]) -> Vec<[usize; Theme::ALL.len()]> {
    let mut scores = vec![[0usize; Theme::ALL.len()]; units.len()];
    let Some(matcher) = &table.matcher else { return scores };
    for found in matcher.find_overlapping_iter(text) {
        let unit = units.partition_point(|range| range.end <= found.start());
        if units.get(unit).is_some_and(|range| range.contains(found.start()) && found.end() <= range.end) {
            let theme = table.pattern_themes[found.pattern().as_usize()];
            scores[unit][theme as usize] += 1;
        }
    }
    scores
}

/// The best-scoring theme of a section, 业务工作 when nothing scores.
fn best_theme(table: &ThemeTable, own: &str, enclosing: &str, body: &[usize; Theme::ALL.len()]) -> Theme {
    let mut best = (0usize, Theme::Business);
    for (theme, words) in &table.words {
        if *theme == Theme::Business {
            continue;
        }
        let heading_score: usize = words
            .iter()
            .map(|word| {
                usize::from(own.contains(word)) * OWN_HEADING_WEIGHT
                    + usize::from(enclosing.contains(word)) * ENCLOSING_HEADING_WEIGHT
            })
            .sum();
        let score = heading_score + body[*theme as usize];
        if score > best.0 {
            best = (score, *theme);
        }
    }
    best.1
}
