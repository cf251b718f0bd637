//! The user's changes to the vocabulary: words added to or removed from the
//! lexicon, and stopwords added or restored. The page keeps them in the
//! browser and exports them as a text file; the segmenter applies them.
//!
//! The text format is one word per line under four section headers:
//!
//! ```text
//! # 公文透镜用户词表
//! [新增词]
//! 清廉机关
//! [移除词]
//! 党组
//! [新增停用词]
//! 方面
//! [恢复停用词]
//! 工作
//! ```

use serde::{Deserialize, Serialize};

use crate::lexicon::{Lexicon, LexiconCategory, LexiconEntry, contains_number};
use crate::stopwords::Stopwords;

/// The user's vocabulary changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UserVocabulary {
    /// Words to keep whole and count, as lexicon entries of category `user`.
    pub added_words: Vec<String>,
    /// Built-in lexicon entries to drop (by term or variant).
    pub removed_words: Vec<String>,
    /// Words to exclude from counts.
    pub added_stopwords: Vec<String>,
    /// Built-in stopwords to count again.
    pub removed_stopwords: Vec<String>,
}

/// The section headers of the text format, in order.
const SECTIONS: [&str; 4] = ["[新增词]", "[移除词]", "[新增停用词]", "[恢复停用词]"];

impl UserVocabulary {
    /// Whether there are no changes.
    pub fn is_empty(&self) -> bool {
        self.added_words.is_empty()
            && self.removed_words.is_empty()
            && self.added_stopwords.is_empty()
            && self.removed_stopwords.is_empty()
    }

    /// The same changes with each list trimmed, de-duplicated and sorted.
    pub fn normalized(&self) -> Self {
        let clean = |words: &[String]| {
            let mut words: Vec<String> =
                words.iter().map(|w| w.trim().to_owned()).filter(|w| !w.is_empty() && !w.starts_with('#')).collect();
            words.sort();
            words.dedup();
            words
        };
        Self {
            added_words: clean(&self.added_words),
            removed_words: clean(&self.removed_words),
            added_stopwords: clean(&self.added_stopwords),
            removed_stopwords: clean(&self.removed_stopwords),
        }
    }

    /// The text file the page exports.
    pub fn to_text(&self) -> String {
        let mut out = String::from("# 公文透镜用户词表：每行一个词\n");
        for (header, words) in SECTIONS.iter().zip(self.lists()) {
            out.push_str(header);
            out.push('\n');
            for word in words {
                out.push_str(word);
                out.push('\n');
            }
        }
        out
    }

    /// Reads the text format; lines before any header are new words, so a
    /// plain word list imports as additions.
    pub fn from_text(text: &str) -> Self {
        let mut vocabulary = Self::default();
        let mut section = 0;
        for line in text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')) {
            if let Some(index) = SECTIONS.iter().position(|header| *header == line) {
                section = index;
                continue;
            }
            let list = match section {
                0 => &mut vocabulary.added_words,
                1 => &mut vocabulary.removed_words,
                2 => &mut vocabulary.added_stopwords,
                _ => &mut vocabulary.removed_stopwords,
            };
            list.push(line.to_owned());
        }
        vocabulary.normalized()
    }

    fn lists(&self) -> [&Vec<String>; 4] {
        [&self.added_words, &self.removed_words, &self.added_stopwords, &self.removed_stopwords]
    }

    /// The lexicon with these changes: removed entries dropped, added words
    /// appended as `user` entries (unless a form of an entry already).
    pub fn apply_to_lexicon(&self, mut lexicon: Lexicon) -> Lexicon {
        lexicon.entries.retain(|entry| !entry.forms().any(|form| self.removed_words.iter().any(|w| w == form)));
        for word in &self.added_words {
            let known = lexicon.entries.iter().any(|entry| entry.forms().any(|form| form == word));
            if !known && !self.removed_words.contains(word) {
                lexicon.entries.push(LexiconEntry {
                    term: word.clone(),
                    category: LexiconCategory::User,
                    variants: Vec::new(),
                    contains_number: contains_number(word),
                });
            }
        }
        lexicon
    }

    /// The stopwords with these changes.
    pub fn apply_to_stopwords(&self, mut stopwords: Stopwords) -> Stopwords {
        for word in &self.added_stopwords {
            stopwords.insert(word);
        }
        for word in &self.removed_stopwords {
            stopwords.remove(word);
        }
        stopwords
    }
}
