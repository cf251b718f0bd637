//! Phase 4, **segment**: cut cleaned text into words with jieba-rs and the
//! domain lexicon, and tell which words count.
//!
//! jieba's own dictionary splits political formulations (`两个维护` → 两个 /
//! 维护), so every lexicon form is added to it with a frequency high enough to
//! keep it whole. Forms with punctuation inside (`不敢腐、不能腐、不想腐`) cannot
//! be jieba words at all — jieba cuts at punctuation before its dictionary is
//! consulted — so they are found first with an Aho–Corasick automaton and only
//! the text between them goes to jieba.
//!
//! Building a [`Segmenter`] loads a 350,000-word dictionary: about a tenth of a
//! second natively, half a second in wasm. Build it once and share it.

use std::collections::HashMap;
use std::fmt;

use aho_corasick::{AhoCorasick, MatchKind};
use jieba_rs::Jieba;

use crate::lexicon::{Lexicon, LexiconError};
use crate::stopwords::Stopwords;
use crate::text::TextRange;
use crate::vocabulary::UserVocabulary;

/// jieba's dictionary (word and frequency per line; part-of-speech tags
/// stripped), from jieba-rs 0.11 under its MIT licence.
const JIEBA_DICTIONARY: &str = include_str!("../data/jieba-dict.txt");

/// The lowest frequency a lexicon form is given in jieba's dictionary.
const MIN_LEXICON_FREQUENCY: usize = 20_000;

/// Why a segmenter could not be built.
#[derive(Debug)]
pub enum SegmenterError {
    /// jieba rejected the dictionary.
    Dictionary(String),
    /// The lexicon file has an error.
    Lexicon(LexiconError),
    /// The phrase automaton could not be built.
    Phrases(String),
}

impl fmt::Display for SegmenterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SegmenterError::Dictionary(message) => write!(f, "分词词典加载失败：{message}"),
            SegmenterError::Lexicon(error) => write!(f, "{error}"),
            SegmenterError::Phrases(message) => write!(f, "词表短语索引构建失败：{message}"),
        }
    }
}

impl std::error::Error for SegmenterError {}

impl From<LexiconError> for SegmenterError {
    fn from(error: LexiconError) -> Self {
        SegmenterError::Lexicon(error)
    }
}

/// One word of segmented text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'t> {
    /// The word as written.
    pub text: &'t str,
    /// Byte range in the segmented text.
    pub range: TextRange,
    /// Index of the lexicon entry this word is a form of, if any.
    pub entry: Option<usize>,
}

/// Cuts text into words; see the module documentation.
pub struct Segmenter {
    jieba: Jieba,
    lexicon: Lexicon,
    stopwords: Stopwords,
    /// Lexicon forms with punctuation inside, matched before jieba runs.
    phrases: AhoCorasick,
    /// The lexicon entry of each pattern of `phrases`.
    phrase_entries: Vec<usize>,
    /// The lexicon entry of every form.
    entry_of_form: HashMap<String, usize>,
}

impl fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Segmenter").field("lexicon_entries", &self.lexicon.entries.len()).finish()
    }
}

impl Segmenter {
    /// A segmenter with the built-in dictionary, lexicon and stopwords.
    pub fn new() -> Result<Self, SegmenterError> {
        Self::with_lexicon(Lexicon::builtin()?, Stopwords::builtin())
    }

    /// A segmenter with the built-in dictionary and the given lexicon and
    /// stopwords.
    pub fn with_lexicon(lexicon: Lexicon, stopwords: Stopwords) -> Result<Self, SegmenterError> {
        let mut jieba = Jieba::with_dict(&mut JIEBA_DICTIONARY.as_bytes())
            .map_err(|error| SegmenterError::Dictionary(error.to_string()))?;
        let mut entry_of_form = HashMap::new();
        let mut phrase_patterns = Vec::new();
        let mut phrase_entries = Vec::new();
        for (index, entry) in lexicon.entries.iter().enumerate() {
            for form in entry.forms() {
                entry_of_form.entry(form.to_owned()).or_insert(index);
                if form.chars().all(is_jieba_word_char) {
                    let frequency = jieba.suggest_freq(form).max(MIN_LEXICON_FREQUENCY);
                    jieba.add_word(form, Some(frequency), None);
                } else {
                    phrase_patterns.push(form.to_owned());
                    phrase_entries.push(index);
                }
            }
        }
        let phrases = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrase_patterns)
            .map_err(|error| SegmenterError::Phrases(error.to_string()))?;
        Ok(Self { jieba, lexicon, stopwords, phrases, phrase_entries, entry_of_form })
    }

    /// A segmenter with the built-in dictionary, lexicon and stopwords, changed
    /// by the user's vocabulary.
    pub fn with_user_vocabulary(vocabulary: &UserVocabulary) -> Result<Self, SegmenterError> {
        let lexicon = vocabulary.apply_to_lexicon(Lexicon::builtin()?);
        Self::with_lexicon(lexicon, vocabulary.apply_to_stopwords(Stopwords::builtin()))
    }

    /// The lexicon this segmenter keeps whole.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Cuts `text` into tokens covering it entirely, in order.
    pub fn segment<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        let mut tokens = Vec::new();
        let mut cursor = 0;
        for phrase in self.phrases.find_iter(text) {
            self.segment_with_jieba(text, cursor, phrase.start(), &mut tokens);
            tokens.push(Token {
                text: &text[phrase.start()..phrase.end()],
                range: TextRange::new(phrase.start(), phrase.end()),
                entry: self.phrase_entries.get(phrase.pattern().as_usize()).copied(),
            });
            cursor = phrase.end();
        }
        self.segment_with_jieba(text, cursor, text.len(), &mut tokens);
        tokens
    }

    fn segment_with_jieba<'t>(&self, text: &'t str, start: usize, end: usize, tokens: &mut Vec<Token<'t>>) {
        if start >= end {
            return;
        }
        for token in self.jieba.cut(&text[start..end], true) {
            let range = TextRange::new(start + token.byte_start, start + token.byte_end);
            let word = range.slice(text);
            tokens.push(Token { text: word, range, entry: self.entry_of_form.get(word).copied() });
        }
    }

    /// The word a token is counted as: its lexicon entry's term, or itself.
    pub fn canonical<'a>(&'a self, token: &Token<'a>) -> &'a str {
        token.entry.and_then(|index| self.lexicon.entries.get(index)).map_or(token.text, |entry| entry.term.as_str())
    }

    /// Whether a token counts as a word: not a stopword, not punctuation or
    /// whitespace, not digits only, not a redaction placeholder (`XXX`,
    /// `XX`, `××`, `**`), and not a single character unless the lexicon has it.
    pub fn is_counted(&self, token: &Token<'_>) -> bool {
        if token.entry.is_some() {
            return true;
        }
        let word = token.text;
        let mut chars = word.chars();
        let single_char = chars.next().is_some() && chars.next().is_none();
        !(single_char
            || word.chars().all(|c| !c.is_alphanumeric())
            || word.chars().all(|c| is_number_char(c) || !c.is_alphanumeric())
            || is_placeholder(word)
            || self.stopwords.contains(word))
    }
}

/// A redaction or template placeholder: `XXX`, `xx`, `××`, `ＸＸ`, `**`.
fn is_placeholder(word: &str) -> bool {
    word.chars().all(|c| matches!(c, 'X' | 'x' | '×' | 'Ｘ' | 'ｘ' | '*' | '＊'))
}

/// Characters jieba keeps inside one dictionary block: CJK ideographs and
/// ASCII letters and digits.
fn is_jieba_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{3400}'..='\u{9FFF}').contains(&c) || ('\u{F900}'..='\u{FAFF}').contains(&c)
}

/// Digits and the characters of written numbers (`12.5`, `１２`, `30%`).
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '.' | '．' | '%' | '％')
}
