//! A word's two counts as the page names and explains them, the same in
//! every table, chart and tooltip, in the page's language: 词次 (Tokens),
//! the word as segmented (what the scores and charts rank by), and 原文次数
//! (Occurrences), every occurrence of the string (what a reader's Ctrl-F
//! finds).

use crate::i18n::Language;

/// The name of the count as segmented.
pub fn token_count(language: Language) -> &'static str {
    language.pick("词次", "Tokens")
}

/// The name of the count of every occurrence in the text.
pub fn text_count(language: Language) -> &'static str {
    language.pick("原文次数", "Occurrences")
}

/// What 词次 counts: a column header's `title`.
pub fn token_count_explanation(language: Language) -> &'static str {
    language.pick(
        "词次：分词后作为独立词语出现的次数，在更长词语之内的不计（「党组」不计「党组织」里的）；G²、TF-IDF 和词频图都按词次计算",
        "Tokens: how often the word stands as a word of its own after segmentation; not counted inside longer words. \
         G², TF-IDF and the frequency charts count tokens",
    )
}

/// What 原文次数 counts: a column header's `title`.
pub fn text_count_explanation(language: Language) -> &'static str {
    language.pick(
        "原文次数：这串字在原文中出现的全部次数，含在更长词语之内的，与 Ctrl-F 查找一致",
        "Occurrences: every occurrence of the string in the text, inside longer words too, as Ctrl-F finds them",
    )
}

/// What 词次 counts for a lexicon entry (提法), whose other spellings are
/// counted under it.
pub fn formulation_count_explanation(language: Language) -> &'static str {
    language.pick(
        "词次：作为完整提法出现的次数，其他写法（如「马列主义」之于「马克思列宁主义」）计入同一提法，在更长提法之内的不计（「中国特色社会主义」不计「习近平新时代中国特色社会主义思想」里的）",
        "Tokens: how often the formulation occurs whole; its other spellings count towards it, \
         occurrences inside longer formulations do not",
    )
}

/// What 原文次数 counts for a lexicon entry.
pub fn formulation_text_count_explanation(language: Language) -> &'static str {
    language.pick(
        "原文次数：提法的这一写法在原文中出现的全部次数，含在更长提法之内的，与 Ctrl-F 查找一致；其他写法不计",
        "Occurrences: every occurrence of this spelling in the text, inside longer formulations too, \
         as Ctrl-F finds them; other spellings not counted",
    )
}

/// A chart tooltip's lines for `word`: both counts, each with a short
/// explanation.
pub fn count_tooltip(word: &str, count: usize, text_count: usize, language: Language) -> String {
    let (count, text_count) = (language.count(count), language.count(text_count));
    match language {
        Language::Chinese => {
            format!("{word}\n词次 {count}（分词后独立成词的次数）\n原文次数 {text_count}（原文全部出现，同 Ctrl-F）")
        }
        Language::English => {
            format!(
                "{word}\nTokens {count} (as a word of its own)\nOccurrences {text_count} (all in the text, as Ctrl-F)"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tooltip_names_and_explains_both_counts() {
        assert_eq!(
            count_tooltip("党组", 3, 7, Language::Chinese),
            "党组\n词次 3（分词后独立成词的次数）\n原文次数 7（原文全部出现，同 Ctrl-F）"
        );
        assert_eq!(
            count_tooltip("党组", 3, 1207, Language::English),
            "党组\nTokens 3 (as a word of its own)\nOccurrences 1,207 (all in the text, as Ctrl-F)"
        );
    }

    #[test]
    fn the_english_names_and_explanations_hold_no_chinese() {
        let chinese = |text: &str| text.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c));
        for text in [
            token_count(Language::English),
            text_count(Language::English),
            token_count_explanation(Language::English),
            text_count_explanation(Language::English),
            formulation_count_explanation(Language::English),
            formulation_text_count_explanation(Language::English),
        ] {
            assert!(!chinese(text), "{text}");
        }
        assert_eq!(token_count(Language::Chinese), "词次");
        assert_eq!(text_count(Language::Chinese), "原文次数");
    }
}
