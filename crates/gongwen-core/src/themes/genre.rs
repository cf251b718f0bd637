//! Genre detection: which kind of report a text is (党建述职, 政府工作报告,
//! 党代会报告, 工作总结), from the cues each theme scheme lists — phrases in
//! the title block, and phrases in the text counted up to a cap. The genre
//! picks the default theme scheme; the user may choose another.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::Genre;
use super::scheme::{CuePlace, theme_scheme};
use crate::clean::CleanedText;
use crate::outline::Outline;
use crate::pattern_search::PatternTable;

/// A text cue counts at most this many occurrences.
const TEXT_CUE_CAP: usize = 5;

/// A first line longer than this is body text, not an untagged title.
const MAX_TITLE_CHARS: usize = 60;

/// A cue found in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CueHit {
    /// Where it was found.
    pub place: CuePlace,
    /// The phrase.
    pub phrase: String,
    /// Occurrences counted (1 for a title cue; at most the cap for text).
    pub count: usize,
}

/// One genre's detection score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenreScore {
    /// The genre.
    pub genre: Genre,
    /// Sum of its cues' weights times their counts.
    pub score: u32,
}

/// The detected genre and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenreDetection {
    /// The genre with the highest score; 工作总结 when no cue is found.
    pub genre: Genre,
    /// Every genre's score, in [`Genre::ALL`] order.
    pub scores: Vec<GenreScore>,
    /// The cues of the detected genre found in the report.
    pub evidence: Vec<CueHit>,
}

impl Default for GenreDetection {
    fn default() -> Self {
        Self {
            genre: Genre::WorkSummary,
            scores: Genre::ALL.iter().map(|&genre| GenreScore { genre, score: 0 }).collect(),
            evidence: Vec::new(),
        }
    }
}

/// The text of a report's title block: its title and subtitle, or its first
/// line when that is short enough to be an untagged title.
fn title_block(cleaned: &CleanedText, outline: &Outline) -> String {
    let tagged: Vec<&str> =
        [&outline.title, &outline.subtitle].into_iter().flatten().map(|t| t.text.as_str()).collect();
    if !tagged.is_empty() {
        return tagged.join(" ");
    }
    let first = cleaned.text.lines().map(str::trim).find(|line| !line.is_empty()).unwrap_or("");
    if first.chars().count() <= MAX_TITLE_CHARS { first.to_owned() } else { String::new() }
}

/// How often each genre's each cue occurs in `text` (as `str::matches`
/// counts), in [`Genre::ALL`] and cue order: one pass for every cue of
/// every scheme.
fn text_cue_counts(text: &str) -> Vec<Vec<usize>> {
    static CUES: OnceLock<PatternTable> = OnceLock::new();
    let cues = || Genre::ALL.into_iter().flat_map(|genre| theme_scheme(genre).cues.iter());
    let table = CUES.get_or_init(|| PatternTable::new(cues().map(|cue| cue.phrase).enumerate()));
    let mut flat = vec![0; cues().count()];
    for (row, _) in table.find_by_row(text) {
        flat[row] += 1;
    }
    let mut flat = flat.into_iter();
    Genre::ALL.into_iter().map(|genre| flat.by_ref().take(theme_scheme(genre).cues.len()).collect()).collect()
}

/// Detects the genre of a report.
pub fn detect_genre(cleaned: &CleanedText, outline: &Outline) -> GenreDetection {
    let title = title_block(cleaned, outline);
    let mut scores = Vec::with_capacity(Genre::ALL.len());
    let mut evidence_by_genre = Vec::with_capacity(Genre::ALL.len());
    let text_counts = text_cue_counts(&cleaned.text);
    for (genre, text_counts) in Genre::ALL.into_iter().zip(&text_counts) {
        let mut score = 0u32;
        let mut evidence = Vec::new();
        for (cue, &text_count) in theme_scheme(genre).cues.iter().zip(text_counts) {
            let count = match cue.place {
                CuePlace::Title => usize::from(title.contains(cue.phrase)),
                CuePlace::Text => text_count.min(TEXT_CUE_CAP),
            };
            if count > 0 {
                score += cue.weight * count as u32;
                evidence.push(CueHit { place: cue.place, phrase: cue.phrase.to_owned(), count });
            }
        }
        // 「总结」 says nothing more once 「工作总结」 is found in the title.
        let title_phrases: Vec<String> =
            evidence.iter().filter(|hit| hit.place == CuePlace::Title).map(|hit| hit.phrase.clone()).collect();
        evidence.retain(|hit| {
            hit.place == CuePlace::Text
                || !title_phrases.iter().any(|other| other != &hit.phrase && other.contains(hit.phrase.as_str()))
        });
        scores.push(GenreScore { genre, score });
        evidence_by_genre.push(evidence);
    }
    let best = scores.iter().enumerate().fold(None::<(usize, u32)>, |best, (index, s)| match best {
        Some((_, top)) if top >= s.score => best,
        _ if s.score == 0 => best,
        _ => Some((index, s.score)),
    });
    match best {
        Some((index, _)) => {
            GenreDetection { genre: Genre::ALL[index], scores, evidence: std::mem::take(&mut evidence_by_genre[index]) }
        }
        None => GenreDetection { scores, ..GenreDetection::default() },
    }
}
