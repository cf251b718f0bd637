//! Salutations: `各位代表：`, `同志们！`, `尊敬的各位领导：` — the lines a speech or a
//! government work report addresses its audience with. They are not headings
//! in any markup (`<h4>各位代表：</h4>`, `**同志们：**`, `## 各位代表`) and not
//! the title; cleaning removes them as noise of their own kind, so they
//! neither take a heading rank nor push the real headings a level down.

/// What a salutation starts with.
const OPENERS: &[&str] = &["各位", "同志们", "尊敬的", "女士们", "亲爱的", "朋友们", "代表们"];

/// What a salutation ends with: the audience.
const AUDIENCES: &[&str] = &[
    "代表",
    "委员",
    "领导",
    "同志",
    "同志们",
    "来宾",
    "朋友",
    "朋友们",
    "嘉宾",
    "先生们",
    "女士们",
    "同学们",
    "老师们",
    "代表们",
];

/// The longest salutation, in characters.
const MAX_SALUTATION_CHARS: usize = 20;

/// Whether `text`, a whole line, is a salutation. A line the markup sets
/// apart (`marked`: a heading or a bold line) may omit the closing `：` or
/// `！`; in running text the punctuation is required, so that `同志们在……`
/// stays text.
pub fn is_salutation(text: &str, marked: bool) -> bool {
    let text = text.trim();
    let punctuated = text.ends_with(['：', ':', '！', '!', '，', ',']);
    let bare = text.trim_end_matches(['：', ':', '！', '!', '，', ',']);
    text.chars().count() <= MAX_SALUTATION_CHARS
        && (punctuated || marked)
        && !bare.contains(['。', '，', '；'])
        && OPENERS.iter().any(|opener| bare.starts_with(opener))
        && AUDIENCES.iter().any(|audience| bare.ends_with(audience))
}

#[cfg(test)]
mod tests {
    use super::is_salutation;

    #[test]
    fn salutations_and_what_only_looks_like_one() {
        assert!(is_salutation("各位代表：", false));
        assert!(is_salutation("同志们！", false));
        assert!(is_salutation("各位代表", true));
        assert!(!is_salutation("各位代表", false));
        assert!(!is_salutation("同志们在各自岗位上辛勤工作：", false));
        assert!(!is_salutation("各位代表，新的征程已经开启，让我们奋力谱写新篇章！", false));
        assert!(is_salutation("尊敬的各位领导、各位来宾：", false));
    }
}
