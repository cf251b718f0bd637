//! The domain lexicon: every form of every entry stays one token.

use gongwen_core::lexicon::Lexicon;

use crate::segmenter;

fn tokens(text: &str) -> Vec<&str> {
    segmenter().segment(text).iter().map(|token| token.text).collect()
}

#[test]
fn every_lexicon_form_segments_as_one_token() {
    let lexicon = Lexicon::builtin().expect("the built-in lexicon parses");
    assert!(lexicon.entries.len() >= 1500, "lexicon has {} entries", lexicon.entries.len());
    let mut broken = Vec::new();
    for entry in &lexicon.entries {
        for form in entry.forms() {
            let alone = tokens(form);
            let framed = format!("我们坚持{form}。");
            let in_sentence = tokens(&framed);
            if alone != [form] || !in_sentence.contains(&form) {
                broken.push(format!("{form}: {alone:?} / {in_sentence:?}"));
            }
        }
    }
    assert!(broken.is_empty(), "forms split by the segmenter:\n{}", broken.join("\n"));
}

#[test]
fn domain_md_formulations_stay_whole() {
    let text = "聚焦“两个维护”，落实“一岗双责”和“三会一课”制度，建立“第一议题”制度，\
                学习习近平新时代中国特色社会主义思想，一体推进不敢腐、不能腐、不想腐，\
                签订“1书4表”，聚焦学思想、强党性、重实践、建新功的总要求。";
    let words = tokens(text);
    for formulation in [
        "两个维护",
        "一岗双责",
        "三会一课",
        "第一议题",
        "习近平新时代中国特色社会主义思想",
        "不敢腐、不能腐、不想腐",
        "1书4表",
        "学思想、强党性、重实践、建新功",
    ] {
        assert!(words.contains(&formulation), "{formulation} in {words:?}");
    }
}

#[test]
fn variants_count_under_their_term() {
    let segmenter = segmenter();
    let tokens = segmenter.segment("一体推进不敢腐不能腐不想腐");
    let counted: Vec<&str> =
        tokens.iter().filter(|t| segmenter.is_counted(t)).map(|t| segmenter.canonical(t)).collect();
    assert!(counted.contains(&"不敢腐、不能腐、不想腐"), "{counted:?}");
}

#[test]
fn numbers_inside_formulations_are_marked() {
    let lexicon = Lexicon::builtin().expect("the built-in lexicon parses");
    let entry = |term: &str| lexicon.entries.iter().find(|e| e.term == term).expect("entry exists");
    assert!(entry("两个维护").contains_number);
    assert!(entry("1书4表").contains_number);
    assert!(!entry("主题党日").contains_number);
}

#[test]
fn malformed_lexicon_lines_are_errors_with_line_numbers() {
    let error = Lexicon::parse("两个维护\tformulation\n坏词\tnope\n").expect_err("unknown category");
    assert_eq!(error.line, 2);
    let error = Lexicon::parse("甲\tbody\n甲\tbody\n").expect_err("duplicate");
    assert_eq!(error.line, 2);
}

#[test]
fn user_vocabulary_adds_and_removes_words_and_stopwords() {
    use gongwen_core::Segmenter;
    use gongwen_core::vocabulary::UserVocabulary;
    let vocabulary = UserVocabulary {
        added_words: vec!["智慧党建平台".to_owned()],
        removed_words: vec!["主题党日".to_owned()],
        added_stopwords: vec!["开展".to_owned(), "推进".to_owned()],
        removed_stopwords: vec!["工作".to_owned()],
    };
    let segmenter = Segmenter::with_user_vocabulary(&vocabulary).expect("segmenter");
    let counted = |text: &str| -> Vec<String> {
        let tokens = segmenter.segment(text);
        tokens.iter().filter(|t| segmenter.is_counted(t)).map(|t| segmenter.canonical(t).to_owned()).collect()
    };
    assert_eq!(counted("推进智慧党建平台建设"), ["智慧党建平台", "建设"]);
    assert_eq!(counted("开展工作"), ["工作"]);
    assert!(segmenter.lexicon().entries.iter().all(|e| e.term != "主题党日"));
    // A removed entry is no longer a lexicon entry, whatever jieba makes of it.
    assert!(segmenter.segment("组织主题党日").iter().all(|token| token.entry.is_none()));
    let user = segmenter.lexicon().entries.iter().find(|e| e.term == "智慧党建平台").expect("added");
    assert_eq!(user.category.label(), "user");
}

#[test]
fn user_vocabulary_round_trips_through_its_text_file() {
    use gongwen_core::vocabulary::UserVocabulary;
    let vocabulary = UserVocabulary {
        added_words: vec!["智慧党建平台".to_owned(), "四下基层".to_owned()],
        removed_words: vec!["党组".to_owned()],
        added_stopwords: vec!["方面".to_owned()],
        removed_stopwords: vec!["工作".to_owned()],
    }
    .normalized();
    assert_eq!(UserVocabulary::from_text(&vocabulary.to_text()), vocabulary);
    // A plain word list imports as additions.
    assert_eq!(UserVocabulary::from_text("甲\n 乙 \n\n甲\n").added_words, ["乙", "甲"]);
}
