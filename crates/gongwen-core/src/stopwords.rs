//! Stopwords: the words that carry no content in work reports (的, 进一步,
//! 工作 …). They sit below both [`segment`](crate::segment), which decides
//! which tokens count, and [`vocabulary`](crate::vocabulary), which applies the
//! user's changes to them, so that imports flow one way.

use rustc_hash::FxHashSet;

/// The built-in stopword list.
const BUILTIN_STOPWORDS: &str = include_str!("../data/stopwords.txt");

/// Words that carry no content in work reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stopwords {
    words: FxHashSet<String>,
}

impl Stopwords {
    /// The built-in list.
    pub fn builtin() -> Self {
        Self::parse(BUILTIN_STOPWORDS)
    }

    /// One word per line; `#` comments and blank lines ignored.
    pub fn parse(text: &str) -> Self {
        let words = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(str::to_owned)
            .collect();
        Self { words }
    }

    /// Whether `word` is listed.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Adds a word.
    pub fn insert(&mut self, word: &str) {
        self.words.insert(word.to_owned());
    }

    /// Removes a word.
    pub fn remove(&mut self, word: &str) {
        self.words.remove(word);
    }
}
