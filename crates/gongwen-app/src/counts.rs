//! A word's two counts as the page names and explains them, the same in
//! every table, chart and tooltip: 词次, the word as segmented (what the
//! scores and charts rank by), and 原文次数, every occurrence of the string
//! (what a reader's Ctrl-F finds).

/// The name of the count as segmented.
pub const TOKEN_COUNT: &str = "词次";

/// The name of the count of every occurrence in the text.
pub const TEXT_COUNT: &str = "原文次数";

/// What 词次 counts: a column header's `title`.
pub const TOKEN_COUNT_EXPLANATION: &str = "词次：分词后作为独立词语出现的次数，在更长词语之内的不计（「党组」不计「党组织」里的）；G²、TF-IDF 和词频图都按词次计算";

/// What 原文次数 counts: a column header's `title`.
pub const TEXT_COUNT_EXPLANATION: &str =
    "原文次数：这串字在原文中出现的全部次数，含在更长词语之内的，与 Ctrl-F 查找一致";

/// What 词次 counts for a lexicon entry (提法), whose other spellings are
/// counted under it.
pub const FORMULATION_COUNT_EXPLANATION: &str = "词次：作为完整提法出现的次数，其他写法（如「马列主义」之于「马克思列宁主义」）计入同一提法，在更长提法之内的不计（「中国特色社会主义」不计「习近平新时代中国特色社会主义思想」里的）";

/// What 原文次数 counts for a lexicon entry.
pub const FORMULATION_TEXT_COUNT_EXPLANATION: &str =
    "原文次数：提法的这一写法在原文中出现的全部次数，含在更长提法之内的，与 Ctrl-F 查找一致；其他写法不计";

/// A chart tooltip's lines for `word`: both counts, each with a short
/// explanation.
pub fn count_tooltip(word: &str, count: usize, text_count: usize) -> String {
    format!(
        "{word}\n{TOKEN_COUNT} {count}（分词后独立成词的次数）\n{TEXT_COUNT} {text_count}（原文全部出现，同 Ctrl-F）"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tooltip_names_and_explains_both_counts() {
        assert_eq!(
            count_tooltip("党组", 3, 7),
            "党组\n词次 3（分词后独立成词的次数）\n原文次数 7（原文全部出现，同 Ctrl-F）"
        );
    }
}
