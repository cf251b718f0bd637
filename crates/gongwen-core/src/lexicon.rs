//! The domain lexicon: Party-building formulations (提法), bodies, activities,
//! systems and slogans that must stay whole when text is segmented.
//!
//! The lexicon is a versioned data file, `data/lexicon.tsv`, compiled into the
//! core. Each entry has a category and optional variants (`三不腐` /
//! `不敢腐、不能腐、不想腐`); the segmenter keeps every term and variant as one
//! token and counts variants under their entry's term.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The built-in lexicon's source text.
const BUILTIN_LEXICON: &str = include_str!("../data/lexicon.tsv");

/// What kind of vocabulary an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LexiconCategory {
    /// A fixed political formulation (提法): 两个维护, 四个意识.
    Formulation,
    /// An organisation or body: 党组, 纪检监察组.
    Body,
    /// An activity: 主题党日, 专题党课.
    Activity,
    /// A system or rule: 民主集中制, 三会一课.
    System,
    /// A slogan sentence: 学思想、强党性、重实践、建新功.
    Slogan,
    /// A word the user added to the lexicon.
    User,
}

impl LexiconCategory {
    /// The category's name in the data file and in JSON.
    pub fn label(self) -> &'static str {
        match self {
            LexiconCategory::Formulation => "formulation",
            LexiconCategory::Body => "body",
            LexiconCategory::Activity => "activity",
            LexiconCategory::System => "system",
            LexiconCategory::Slogan => "slogan",
            LexiconCategory::User => "user",
        }
    }

    fn parse(label: &str) -> Option<Self> {
        [Self::Formulation, Self::Body, Self::Activity, Self::System, Self::Slogan, Self::User]
            .into_iter()
            .find(|category| category.label() == label)
    }
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LexiconEntry {
    /// The canonical form, under which all variants are counted.
    pub term: String,
    /// What kind of vocabulary it is.
    pub category: LexiconCategory,
    /// Other spellings of the same entry.
    pub variants: Vec<String>,
    /// Whether the term contains a number (两个维护, 1书4表), which must never be
    /// read as a figure.
    pub contains_number: bool,
}

impl LexiconEntry {
    /// The term followed by its variants.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

/// A parsed lexicon.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lexicon {
    /// The entries, in file order.
    pub entries: Vec<LexiconEntry>,
}

/// A line of a lexicon file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// 1-based line number in the lexicon file.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "词表第 {} 行有误：{}", self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

impl Lexicon {
    /// The lexicon compiled into the core.
    pub fn builtin() -> Result<Self, LexiconError> {
        Self::parse(BUILTIN_LEXICON)
    }

    /// Parses lexicon text: `term<TAB>category[<TAB>variant|variant…]` per
    /// line, `#` comments and blank lines ignored. A later duplicate of a term
    /// is an error, so the file stays clean.
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        let mut entries: Vec<LexiconEntry> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line_number = index + 1;
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| LexiconError { line: line_number, message };
            let mut fields = line.split('\t');
            let term = fields.next().unwrap_or_default().trim();
            if term.is_empty() {
                return Err(error("词条为空".to_owned()));
            }
            let category_label = fields.next().unwrap_or_default().trim();
            let category =
                LexiconCategory::parse(category_label).ok_or_else(|| error(format!("未知类别“{category_label}”")))?;
            let variants: Vec<String> = fields
                .next()
                .unwrap_or_default()
                .split('|')
                .map(str::trim)
                .filter(|variant| !variant.is_empty())
                .map(str::to_owned)
                .collect();
            if entries.iter().any(|entry| entry.term == term) {
                return Err(error(format!("词条“{term}”重复")));
            }
            entries.push(LexiconEntry {
                term: term.to_owned(),
                category,
                contains_number: contains_number(term),
                variants,
            });
        }
        Ok(Self { entries })
    }
}

/// Whether a term has a number in it: a digit or a Chinese numeral character.
pub(crate) fn contains_number(term: &str) -> bool {
    term.chars().any(|c| {
        c.is_ascii_digit()
            || matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '两' | '双')
    })
}
