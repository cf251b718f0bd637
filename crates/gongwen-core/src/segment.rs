//! Phase 4, **segment**: cut cleaned text into words with jieba-rs and the
//! domain lexicon, and tell which words count.
//!
//! jieba's own dictionary splits political formulations (`两个维护` → 两个 /
//! 维护), so every lexicon form is added to it with a frequency high enough to
//! keep it whole. Forms with punctuation inside (`不敢腐、不能腐、不想腐`) cannot
//! be jieba words at all — jieba cuts at punctuation before its dictionary is
//! consulted — so they are found first with a leftmost-longest
//! [`PhraseIndex`] pass and only the text between them goes to jieba.
//!
//! Building a [`Segmenter`] loads a 350,000-word dictionary: about 0.05 s
//! natively, 0.3 s in wasm. Build it once and share it.

use rustc_hash::FxHashMap;
use std::fmt;

use jieba_rs::Jieba;

use crate::figures::NumberedForms;
use crate::lexicon::{Lexicon, LexiconError};
use crate::pattern_search::PhraseIndex;
use crate::stopwords::Stopwords;
use crate::text::TextRange;
use crate::vocabulary::UserVocabulary;

/// jieba's dictionary (`data/jieba-dict.txt`: word and frequency per line,
/// part-of-speech tags stripped, from jieba-rs 0.11 under its MIT licence) in
/// the compact, LZMA-compressed form `data/make_jieba_dict.py` writes;
/// [`for_each_packed_entry`] reads it. The page's worker carries this form
/// (1 MB instead of 4.2 MB to transfer); native builds (the CLI) carry the
/// plain text, `PLAIN_JIEBA_DICTIONARY`, and skip the unpacking, about
/// 70 ms at every start.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code, reason = "natively only its test unpacks it"))]
const JIEBA_DICTIONARY: &[u8] = include_bytes!("../data/jieba-dict.lzma");

/// jieba's dictionary as plain text, for native builds; see
/// [`JIEBA_DICTIONARY`].
#[cfg(not(target_arch = "wasm32"))]
const PLAIN_JIEBA_DICTIONARY: &str = include_str!("../data/jieba-dict.txt");

/// The part-of-speech tag every word is given: jieba keeps one per word,
/// ours are stripped (`data/jieba-dict.txt`) and never asked for, and `x` is
/// jieba's tag for a word of no known class. Not the empty tag: jieba looks
/// each word's tag up among those it keeps, and the empty one it keeps has a
/// dangling pointer, which glibc's AVX-512 `memcmp` reads with a masked load
/// even for zero bytes — a fault-suppressed load from an unmapped page, about
/// 150 ns per word on such a machine, 50 ms of every segmenter built.
const UNTAGGED: &str = "x";

/// jieba with its built-in dictionary: the packed form read entry by entry
/// in wasm, the plain text natively.
///
/// Either way the words are handed to `Jieba::add_word` from memory, as
/// `Jieba::with_dict` would load them — a word listed twice keeps its last
/// frequency, and the total is the sum of the words' frequencies — without
/// `with_dict`'s copy of every line into a buffer through `BufRead` and its
/// second check of it as UTF-8, nor, in wasm, a text of the whole dictionary
/// made only to be parsed again. The page's workers have their segmenter in
/// about 290 ms instead of 405.
fn builtin_jieba() -> Result<Jieba, SegmenterError> {
    #[cfg(target_arch = "wasm32")]
    {
        let mut jieba = Jieba::empty();
        for_each_packed_entry(JIEBA_DICTIONARY, |word, frequency| {
            jieba.add_word(word, Some(frequency), Some(UNTAGGED));
        })?;
        Ok(jieba)
    }
    #[cfg(not(target_arch = "wasm32"))]
    load_jieba(PLAIN_JIEBA_DICTIONARY)
}

/// jieba with the dictionary `text` (`word frequency [tag]` per line),
/// loaded as [`builtin_jieba`] says.
#[cfg_attr(target_arch = "wasm32", allow(dead_code, reason = "wasm reads the packed form"))]
fn load_jieba(text: &str) -> Result<Jieba, SegmenterError> {
    let mut jieba = Jieba::empty();
    for (number, line) in text.lines().enumerate() {
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let frequency = match fields.next() {
            Some(frequency) => frequency
                .parse::<usize>()
                .map_err(|_| SegmenterError::Dictionary(format!("第 {} 行的词频“{frequency}”不是整数", number + 1)))?,
            None => 0,
        };
        jieba.add_word(word, Some(frequency), Some(fields.next().unwrap_or(UNTAGGED)));
    }
    Ok(jieba)
}

/// The lowest frequency a lexicon form is given in jieba's dictionary.
const MIN_LEXICON_FREQUENCY: usize = 20_000;

/// Why a segmenter could not be built.
#[derive(Debug)]
pub enum SegmenterError {
    /// jieba rejected the dictionary.
    Dictionary(String),
    /// The lexicon file has an error.
    Lexicon(LexiconError),
}

impl fmt::Display for SegmenterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SegmenterError::Dictionary(message) => write!(f, "分词词典加载失败：{message}"),
            SegmenterError::Lexicon(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for SegmenterError {}

impl From<LexiconError> for SegmenterError {
    fn from(error: LexiconError) -> Self {
        SegmenterError::Lexicon(error)
    }
}

/// Calls `each` with every word of the dictionary `data/make_jieba_dict.py`
/// packed, and its frequency, in order. After LZMA, the words' part is
/// GB18030 text where each word is the previous word's first characters (as
/// many as its leading character, `'0'` plus the number, says) plus the rest
/// up to `\n`, and the frequencies follow as LEB128 varints. The word is
/// rebuilt in one buffer, so no entry allocates. About 0.1 s natively (LZMA
/// is most of it), which native builds skip; the form is what keeps the
/// worker's wasm small.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code, reason = "natively only its test unpacks it"))]
fn for_each_packed_entry(packed: &[u8], mut each: impl FnMut(&str, usize)) -> Result<(), SegmenterError> {
    let mut unpacked = Vec::with_capacity(packed.len() * 21 / 10);
    lzma_rs::lzma_decompress(&mut &packed[..], &mut unpacked)
        .map_err(|error| SegmenterError::Dictionary(format!("内置词典无法解压：{error}")))?;
    let compact = unpacked.as_slice();
    let broken = || SegmenterError::Dictionary("内置词典数据不完整".to_owned());
    let (count, rest) = compact.split_first_chunk::<4>().ok_or_else(broken)?;
    let (words_length, rest) = rest.split_first_chunk::<4>().ok_or_else(broken)?;
    let count = u32::from_le_bytes(*count) as usize;
    let words_length = u32::from_le_bytes(*words_length) as usize;
    if rest.len() < words_length {
        return Err(broken());
    }
    let (words, mut frequencies) = rest.split_at(words_length);
    let (words, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(words);
    if had_errors {
        return Err(broken());
    }
    let mut entries = words.split_terminator('\n');
    let mut word = String::new();
    for _ in 0..count {
        let entry = entries.next().ok_or_else(broken)?;
        let mut chars = entry.chars();
        let shared = (chars.next().ok_or_else(broken)? as usize).checked_sub(usize::from(b'0')).ok_or_else(broken)?;
        let prefix = word.char_indices().nth(shared).map_or(word.len(), |(at, _)| at);
        word.truncate(prefix);
        word.push_str(chars.as_str());
        let frequency = crate::leb128::read(&mut frequencies).ok_or_else(broken)?;
        each(&word, usize::try_from(frequency).map_err(|_| broken())?);
    }
    Ok(())
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

/// Who looks up the lexicon entry of each word jieba cuts
/// ([`Segmenter::for_each_token`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryLookup {
    /// The segmenter, for every token.
    Each,
    /// The caller, with [`Segmenter::entry_of`], once per distinct word.
    Caller,
}

/// Cuts text into words; see the module documentation.
pub struct Segmenter {
    jieba: Jieba,
    lexicon: Lexicon,
    stopwords: Stopwords,
    /// Lexicon forms with punctuation inside, matched before jieba runs.
    phrases: PhraseIndex<'static>,
    /// The lexicon entry of each pattern of `phrases`.
    phrase_entries: Vec<usize>,
    /// The lexicon entry of every form.
    entry_of_form: FxHashMap<String, usize>,
    /// The lexicon's forms with numbers in them, which figures never start in.
    numbered_forms: NumberedForms,
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
        let mut jieba = builtin_jieba()?;
        let mut entry_of_form = FxHashMap::default();
        let mut phrase_patterns = Vec::new();
        let mut phrase_entries = Vec::new();
        for (index, entry) in lexicon.entries.iter().enumerate() {
            for form in entry.forms() {
                entry_of_form.entry(form.to_owned()).or_insert(index);
                if form.chars().all(is_jieba_word_char) {
                    let frequency = jieba.suggest_freq(form).max(MIN_LEXICON_FREQUENCY);
                    jieba.add_word(form, Some(frequency), Some(UNTAGGED));
                } else {
                    phrase_patterns.push(form.to_owned());
                    phrase_entries.push(index);
                }
            }
        }
        let phrases = PhraseIndex::owned(phrase_patterns);
        let numbered_forms = NumberedForms::of(&lexicon);
        Ok(Self { jieba, lexicon, stopwords, phrases, phrase_entries, entry_of_form, numbered_forms })
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

    /// The lexicon's forms with numbers in them, for
    /// [`extract_figures`](crate::figures::extract_figures).
    pub fn numbered_forms(&self) -> &NumberedForms {
        &self.numbered_forms
    }

    /// Cuts `text` into tokens covering it entirely, in order.
    pub fn segment<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        let mut tokens = Vec::new();
        self.for_each_token(text, EntryLookup::Each, |token| tokens.push(token));
        tokens
    }

    /// Calls `each` with the tokens of `text` in order, as [`segment`]
    /// returns them, except that with [`EntryLookup::Caller`] a word jieba
    /// cut keeps `entry: None` for the caller to find with
    /// [`entry_of`](Self::entry_of): a report's tokens repeat a few
    /// thousand words, so a caller that judges each distinct word once
    /// looks each up once. Forms with punctuation inside, found before
    /// jieba runs, always come with their entry.
    ///
    /// [`segment`]: Self::segment
    pub fn for_each_token<'t>(&self, text: &'t str, lookup: EntryLookup, mut each: impl FnMut(Token<'t>)) {
        let mut cursor = 0;
        self.phrases.for_each_leftmost_longest(text, |start, pattern| {
            let range = TextRange::new(start, start + self.phrases.phrase(pattern).len());
            self.cut_with_jieba(text, cursor, range.start, lookup, &mut each);
            each(Token { text: range.slice(text), range, entry: self.phrase_entries.get(pattern).copied() });
            cursor = range.end;
        });
        self.cut_with_jieba(text, cursor, text.len(), lookup, &mut each);
    }

    fn cut_with_jieba<'t>(
        &self,
        text: &'t str,
        start: usize,
        end: usize,
        lookup: EntryLookup,
        each: &mut impl FnMut(Token<'t>),
    ) {
        if start >= end {
            return;
        }
        for token in self.jieba.cut(&text[start..end], true) {
            let range = TextRange::new(start + token.byte_start, start + token.byte_end);
            let word = range.slice(text);
            let entry = match lookup {
                EntryLookup::Each => self.entry_of(word),
                EntryLookup::Caller => None,
            };
            each(Token { text: word, range, entry });
        }
    }

    /// The lexicon entry `word` is a form of, if any.
    pub fn entry_of(&self, word: &str) -> Option<usize> {
        self.entry_of_form.get(word).copied()
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

#[cfg(test)]
mod tests {
    /// The packed dictionary unpacks to exactly the plain text one: run
    /// `python3 data/make_jieba_dict.py` after changing `data/jieba-dict.txt`.
    #[test]
    fn compact_dictionary_expands_to_the_plain_text() {
        let plain = super::PLAIN_JIEBA_DICTIONARY;
        use std::fmt::Write;
        let mut expanded = String::with_capacity(plain.len());
        super::for_each_packed_entry(super::JIEBA_DICTIONARY, |word, frequency| {
            writeln!(expanded, "{word} {frequency}").expect("writing to a String cannot fail");
        })
        .expect("the built-in dictionary expands");
        assert!(expanded == plain, "data/jieba-dict.lzma is out of date: run python3 data/make_jieba_dict.py");
    }

    /// jieba loaded our way cuts and weighs words exactly as jieba's own
    /// loader would, duplicates and tags included.
    #[test]
    fn jieba_is_loaded_as_its_own_loader_loads_it() {
        let dictionary = format!("{}甲乙 5 n\n甲乙 7\n丙丁 3\n", super::PLAIN_JIEBA_DICTIONARY);
        let ours = super::load_jieba(&dictionary).expect("loads");
        let theirs = jieba_rs::Jieba::with_dict(&mut dictionary.as_bytes()).expect("loads");
        let seed = include_str!("../../../seeds/001_f49475697f059043.txt");
        let words = |jieba: &jieba_rs::Jieba| -> Vec<String> {
            jieba.cut(seed, true).into_iter().map(|token| token.word.to_owned()).collect()
        };
        assert_eq!(words(&ours), words(&theirs));
        for word in ["甲乙", "丙丁", "全面从严治党", "两个维护", "党建引领基层治理"] {
            assert_eq!(ours.suggest_freq(word), theirs.suggest_freq(word), "{word}");
        }
        let Err(super::SegmenterError::Dictionary(message)) = super::load_jieba("甲 1\n乙 x\n") else {
            panic!("a frequency that is not a number is an error");
        };
        assert!(message.contains("第 2 行"), "{message}");
    }
}
