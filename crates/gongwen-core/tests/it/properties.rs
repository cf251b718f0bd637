//! Property tests over arbitrary input: decoding, cleaning and outlining never
//! panic, and the outline's invariants hold.

use gongwen_core::clean::{clean_document, clean_text};
use gongwen_core::decode::decode_bytes;
use gongwen_core::outline::{HeadingKind, extract_outline};
use gongwen_core::source::SourceFormat;
use proptest::prelude::*;

/// Text built from the pieces headings are made of, so that the generator
/// reaches the outline's interesting paths instead of random noise.
fn report_like_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "一、",
        "二、",
        "十一、",
        "（一）",
        "(二)",
        "1.",
        "2、",
        "（1）",
        "①",
        "一是",
        "二是",
        "第一，",
        "首先，",
        "其次，",
        "最后，",
        "第一部分",
        "# ",
        "## ",
        "。",
        "；",
        "：",
        "，",
        "\n",
        "\r\n",
        "\r",
        "\u{3000}",
        " ",
        "加强",
        "党建",
        "回顾",
        "下一步",
        "成效",
        "不足",
        "##paidend##",
        "^【更多素材】",
        "1.5万",
        "二季度",
        "”",
        "统一是",
    ]);
    prop::collection::vec(prop_oneof![piece.prop_map(str::to_owned), "\\PC{0,3}"], 0..60)
        .prop_map(|pieces| pieces.concat())
}

/// The rank order of marker families (a parent always ranks higher).
fn rank(kind: HeadingKind) -> u8 {
    match kind {
        HeadingKind::Markdown => 0,
        HeadingKind::Part => 1,
        HeadingKind::Chinese | HeadingKind::Closing | HeadingKind::Problems => 2,
        HeadingKind::ParenChinese => 3,
        HeadingKind::Arabic => 4,
        HeadingKind::Decimal => 5,
        HeadingKind::ParenArabic => 6,
        HeadingKind::Circled => 7,
        HeadingKind::Bold => 8,
        HeadingKind::Enumeration => 9,
    }
}

/// Markup-like text: tags, entities, Markdown syntax and report pieces.
fn markup_like_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<br>",
        "<br/>",
        "<div class=\"nav\">",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<strong>",
        "</strong>",
        "&nbsp;",
        "&ldquo;",
        "&#x4e00;",
        "&#",
        "&",
        "<",
        ">",
        "\"",
        "'",
        "---",
        "# ",
        "## ",
        "**",
        "__",
        "[a](b)",
        "![",
        "`",
        "```",
        "> ",
        "- ",
        "===",
        "title: 甲",
        "一、",
        "（一）",
        "1.1 ",
        "一是",
        "。",
        "\n",
        "\r\n",
        "加强",
        "<head>",
        "<body>",
    ]);
    prop::collection::vec(prop_oneof![piece.prop_map(str::to_owned), "\\PC{0,3}"], 0..60)
        .prop_map(|pieces| pieces.concat())
}

proptest! {
    /// Visible characters are what `chars().filter(!is_whitespace)` counts,
    /// whatever the text: every kind of whitespace, CJK punctuation, and
    /// characters of one to four bytes.
    #[test]
    fn visible_chars_counts_what_char_filtering_counts(
        text in prop::collection::vec(prop::sample::select(vec![
            ' ', '\t', '\n', '\r', '\u{0B}', '\u{0C}', '\u{1C}', '\u{85}', '\u{A0}', '\u{1680}', '\u{2000}',
            '\u{200A}', '\u{200B}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}', '\u{3000}', '。', '「', 'ā',
            'a', '党', '𠀀', '\u{E000}',
        ]), 0..40).prop_map(|chars| chars.into_iter().collect::<String>()),
    ) {
        let expected = text.chars().filter(|c| !c.is_whitespace()).count();
        prop_assert_eq!(gongwen_core::text::visible_chars(&text), expected);
    }
}

proptest! {
    #[test]
    fn html_and_markdown_sources_never_panic(text in markup_like_text()) {
        for format in [SourceFormat::Html, SourceFormat::Markdown] {
            let cleaned = clean_document(&text, format);
            let outline = extract_outline(&cleaned);
            for heading in &outline.headings {
                prop_assert_eq!(heading.title_range.slice(&cleaned.text), heading.title.as_str());
                prop_assert_eq!(cleaned.source_line_at(heading.marker_range.start), heading.line);
                let source_lines = u32::try_from(gongwen_core::source::split_lines(&text).count()).unwrap_or(u32::MAX);
                prop_assert!((1..=source_lines).contains(&heading.line));
            }
        }
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode_bytes(&bytes);
    }

    #[test]
    fn outline_invariants_hold(text in report_like_text()) {
        let cleaned = clean_text(&text);
        let outline = extract_outline(&cleaned);
        for (index, heading) in outline.headings.iter().enumerate() {
            // The heading's line contains its marker and title.
            let line_index = cleaned.lines.iter().position(|l| l.source_line == heading.line);
            let line = cleaned.line_text(line_index.expect("the heading's line exists"));
            prop_assert!(line.contains(&heading.title), "{:?} not in {:?}", heading.title, line);
            prop_assert!(line.contains(&heading.marker));
            prop_assert_eq!(heading.title_range.slice(&cleaned.text), heading.title.as_str());
            // Parents come first and rank higher.
            if let Some(parent) = heading.parent {
                prop_assert!(parent < index);
                let parent = &outline.headings[parent];
                prop_assert_eq!(heading.level, parent.level + 1);
                // Markup and decimal headings nest within their own kind by depth.
                let nests_in_kind = matches!(heading.kind, HeadingKind::Markdown | HeadingKind::Decimal);
                prop_assert!(rank(parent.kind) <= rank(heading.kind));
                prop_assert!(parent.kind != heading.kind || nests_in_kind);
            } else {
                prop_assert_eq!(heading.level, 1);
            }
            prop_assert!(heading.section.start <= heading.section.end);
        }
    }
}

/// Short strings over a few characters of one, two, three and four bytes,
/// so that phrases overlap, repeat and share prefixes.
fn phrase_alphabet_string(max_chars: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!['党', '建', '工', '作', 'a', 'b', '，', 'é', '𠀀', '\0']),
        0..=max_chars,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    /// The phrase index finds every occurrence of every phrase, by start and
    /// longer first, as a search of each phrase at each character would.
    #[test]
    fn phrase_index_finds_every_occurrence(
        phrases in prop::collection::vec(phrase_alphabet_string(4), 0..12),
        text in phrase_alphabet_string(40),
    ) {
        use gongwen_core::pattern_search::PhraseIndex;
        let index = PhraseIndex::new(phrases.iter().map(String::as_str));
        let mut found = Vec::new();
        index.for_each_match(&text, |start, id| found.push((start, id)));
        let text = text.as_str();
        let mut expected: Vec<(usize, usize)> = text
            .char_indices()
            .flat_map(|(at, _)| {
                phrases
                    .iter()
                    .enumerate()
                    .filter(move |(_, phrase)| !phrase.is_empty() && text[at..].starts_with(phrase.as_str()))
                    .map(move |(id, _)| (at, id))
            })
            .collect();
        expected.sort_by_key(|&(at, id)| (at, std::cmp::Reverse(phrases[id].len()), id));
        prop_assert_eq!(found, expected);
    }

    /// Whether any phrase occurs is what a search for each would say.
    #[test]
    fn phrase_index_occurs_in_is_any_contains(
        phrases in prop::collection::vec(phrase_alphabet_string(4), 0..12),
        text in phrase_alphabet_string(40),
    ) {
        use gongwen_core::pattern_search::PhraseIndex;
        let index = PhraseIndex::new(phrases.iter().map(String::as_str));
        let expected = phrases.iter().any(|phrase| !phrase.is_empty() && text.contains(phrase.as_str()));
        prop_assert_eq!(index.occurs_in(&text), expected);
    }

    /// Leftmost-longest matches are those of an Aho–Corasick automaton built
    /// for them.
    #[test]
    fn phrase_index_leftmost_longest_is_aho_corasicks(
        phrases in prop::collection::vec(phrase_alphabet_string(4).prop_filter("a phrase", |p| !p.is_empty()), 1..12),
        text in phrase_alphabet_string(40),
    ) {
        use aho_corasick::{AhoCorasick, MatchKind};
        use gongwen_core::pattern_search::PhraseIndex;
        let index = PhraseIndex::new(phrases.iter().map(String::as_str));
        let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&phrases).expect("automaton");
        let expected: Vec<(usize, usize)> =
            automaton.find_iter(&text).map(|m| (m.start(), m.end())).collect();
        let found: Vec<(usize, usize)> =
            index.leftmost_longest(&text).into_iter().map(|(range, _)| (range.start, range.end)).collect();
        prop_assert_eq!(found, expected);
        for (range, id) in index.leftmost_longest(&text) {
            prop_assert_eq!(&text[range.start..range.end], phrases[id].as_str());
            prop_assert!(phrases[..id].iter().all(|earlier| earlier != &phrases[id]), "the earliest of equal phrases");
        }
    }

    /// Leftmost-longest by group in one pass finds what a pass over each
    /// group's phrases alone finds.
    #[test]
    fn phrase_index_groups_find_what_each_group_alone_finds(
        grouped in prop::collection::vec((phrase_alphabet_string(4), 0usize..3), 0..15),
        text in phrase_alphabet_string(40),
    ) {
        use gongwen_core::pattern_search::PhraseIndex;
        let index = PhraseIndex::new(grouped.iter().map(|(phrase, _)| phrase.as_str()));
        let mut found: Vec<Vec<(usize, String)>> = vec![Vec::new(); 3];
        index.for_each_leftmost_longest_by_group(&text, 3, |id| grouped[id].1, |group, start, id| {
            found[group].push((start, grouped[id].0.clone()));
        });
        for (group, found) in found.iter().enumerate() {
            let alone = PhraseIndex::new(grouped.iter().filter(|(_, g)| *g == group).map(|(phrase, _)| phrase.as_str()));
            let expected: Vec<(usize, String)> = alone
                .leftmost_longest(&text)
                .into_iter()
                .map(|(range, id)| (range.start, alone.phrase(id).to_owned()))
                .collect();
            prop_assert_eq!(found, &expected, "group {}", group);
        }
    }
}
