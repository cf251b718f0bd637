//! Theme schemes: per genre, the themes a report is attributed to, the words
//! that signal each, and the cues that identify the genre. Each scheme is a
//! data file under `data/themes/` (format in `party-building.tsv`), compiled
//! in and parsed once.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::Genre;
use crate::pattern_search::PhraseIndex;

/// A theme of a scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeDefinition {
    /// The theme's Chinese name, as reports and charts show it.
    pub name: &'static str,
    /// Whether it is a Party-building theme (group 党建).
    pub party_building: bool,
    /// The words that signal it.
    pub words: Vec<&'static str>,
}

/// Where a genre cue is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CuePlace {
    /// The title block (title and subtitle, or the first line).
    Title,
    /// The whole text, each occurrence counted up to a cap.
    Text,
}

/// A phrase that points to the scheme's genre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenreCue {
    /// Where it counts.
    pub place: CuePlace,
    /// What one hit adds to the genre's score.
    pub weight: u32,
    /// The phrase.
    pub phrase: &'static str,
}

/// One genre's themes and cues.
#[derive(Debug)]
pub struct ThemeScheme {
    /// The genre the scheme is for.
    pub genre: Genre,
    /// The themes, in the order reports and charts list them.
    pub themes: Vec<ThemeDefinition>,
    /// Index in `themes` of the theme of sections that signal none.
    pub fallback: usize,
    /// The cues that identify the genre.
    pub cues: Vec<GenreCue>,
    /// Every theme word, found leftmost-longest.
    matcher: PhraseIndex<'static>,
    /// The theme (index in `themes`) of each matcher pattern.
    pattern_themes: Vec<usize>,
}

impl ThemeScheme {
    /// The index of the theme named `name`.
    pub fn theme_index(&self, name: &str) -> Option<usize> {
        self.themes.iter().position(|theme| theme.name == name)
    }

    /// Calls `found(byte_offset, theme)` for each theme word in `text`, in
    /// text order, longest match first and without overlaps.
    pub fn for_each_theme_word(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        self.matcher.for_each_leftmost_longest(text, |start, pattern| found(start, self.pattern_themes[pattern]));
    }

    /// How many theme words of each theme `text` holds.
    pub fn theme_word_counts(&self, text: &str) -> Vec<usize> {
        let mut counts = vec![0; self.themes.len()];
        self.for_each_theme_word(text, |_, theme| counts[theme] += 1);
        counts
    }
}

/// The source text of each genre's scheme.
fn scheme_source(genre: Genre) -> &'static str {
    match genre {
        Genre::PartyBuilding => include_str!("../../data/themes/party-building.tsv"),
        Genre::GovernmentWork => include_str!("../../data/themes/government-work.tsv"),
        Genre::PartyCongress => include_str!("../../data/themes/party-congress.tsv"),
        Genre::WorkSummary => include_str!("../../data/themes/work-summary.tsv"),
    }
}

/// The scheme of `genre`, parsed once.
pub fn theme_scheme(genre: Genre) -> &'static ThemeScheme {
    static SCHEMES: OnceLock<Vec<ThemeScheme>> = OnceLock::new();
    let schemes =
        SCHEMES.get_or_init(|| Genre::ALL.iter().map(|&genre| parse_scheme(genre, scheme_source(genre)).0).collect());
    &schemes[genre as usize]
}

/// Every built-in scheme's theme words in `text`, by genre (in
/// [`Genre::ALL`] order): `(byte offset, theme)` in text order, what
/// [`ThemeScheme::for_each_theme_word`] finds for each scheme, in one pass
/// over the text for all of them.
pub(crate) fn theme_words_of_every_scheme(text: &str) -> Vec<Vec<(usize, usize)>> {
    /// All schemes' words in one index, with each word's scheme and theme.
    struct AllSchemes {
        index: PhraseIndex<'static>,
        owners: Vec<(usize, usize)>,
    }
    static ALL: OnceLock<AllSchemes> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut words: Vec<&str> = Vec::new();
        let mut owners = Vec::new();
        for (scheme_index, &genre) in Genre::ALL.iter().enumerate() {
            let scheme = theme_scheme(genre);
            for id in 0..scheme.matcher.len() {
                words.push(scheme.matcher.phrase(id));
                owners.push((scheme_index, scheme.pattern_themes[id]));
            }
        }
        AllSchemes { index: PhraseIndex::new(words), owners }
    });
    let mut found = vec![Vec::new(); Genre::ALL.len()];
    all.index.for_each_leftmost_longest_by_group(
        text,
        Genre::ALL.len(),
        |id| all.owners[id].0,
        |scheme, offset, id| found[scheme].push((offset, all.owners[id].1)),
    );
    found
}

/// The problems found in the built-in scheme of `genre`: none is expected;
/// a test keeps it so.
pub fn built_in_scheme_problems(genre: Genre) -> Vec<String> {
    parse_scheme(genre, scheme_source(genre)).1
}

/// Parses a scheme file. Lines it cannot read are skipped and reported as
/// problems, as are a word listed twice and a genre line naming another genre.
pub fn parse_scheme(genre: Genre, source: &'static str) -> (ThemeScheme, Vec<String>) {
    let mut problems = Vec::new();
    let mut themes: Vec<ThemeDefinition> = Vec::new();
    let mut cues = Vec::new();
    let mut fallback_name = None;
    for (number, line) in source.lines().enumerate().map(|(i, line)| (i + 1, line)) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&'static str> = line.split('\t').map(str::trim).collect();
        match fields.as_slice() {
            ["genre", name] if Genre::from_name(name) == Some(genre) => {}
            ["genre", name] => problems.push(format!("line {number}: genre {name} in the scheme of {}", genre.label())),
            ["cue", place, weight, phrases] => {
                let place = match *place {
                    "title" => CuePlace::Title,
                    "text" => CuePlace::Text,
                    other => {
                        problems.push(format!("line {number}: cue place {other} is neither title nor text"));
                        continue;
                    }
                };
                let Ok(weight) = weight.parse::<u32>() else {
                    problems.push(format!("line {number}: cue weight {weight} is not a number"));
                    continue;
                };
                cues.extend(split_words(phrases).map(|phrase| GenreCue { place, weight, phrase }));
            }
            ["theme", name, group, words] => {
                let party_building = match *group {
                    "党建" => true,
                    "业务" => false,
                    other => {
                        problems.push(format!("line {number}: theme group {other} is neither 党建 nor 业务"));
                        continue;
                    }
                };
                themes.push(ThemeDefinition { name, party_building, words: split_words(words).collect() });
            }
            ["fallback", name] => fallback_name = Some(*name),
            _ => problems.push(format!("line {number}: cannot read 「{line}」")),
        }
    }
    let fallback = match fallback_name {
        Some(name) => themes.iter().position(|theme| theme.name == name).unwrap_or_else(|| {
            themes.push(ThemeDefinition { name, party_building: false, words: Vec::new() });
            themes.len() - 1
        }),
        None => {
            problems.push("no fallback theme".to_owned());
            themes.push(ThemeDefinition { name: "其他", party_building: false, words: Vec::new() });
            themes.len() - 1
        }
    };
    let mut patterns: Vec<&str> = Vec::new();
    let mut pattern_themes: Vec<usize> = Vec::new();
    for (index, theme) in themes.iter().enumerate() {
        for &word in &theme.words {
            if let Some(earlier) = patterns.iter().position(|&p| p == word) {
                let owner: &str = themes[pattern_themes[earlier]].name;
                problems.push(format!("word {word} is listed under both {owner} and {}", theme.name));
                continue;
            }
            patterns.push(word);
            pattern_themes.push(index);
        }
    }
    let matcher = PhraseIndex::new(patterns);
    (ThemeScheme { genre, themes, fallback, cues, matcher, pattern_themes }, problems)
}

/// The non-empty `|`-separated words of a field.
fn split_words(field: &'static str) -> impl Iterator<Item = &'static str> {
    field.split('|').map(str::trim).filter(|word| !word.is_empty())
}
