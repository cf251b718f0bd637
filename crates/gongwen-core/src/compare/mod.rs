//! Cross-report comparison: which passages reports share, how much of each
//! report is shared with each other report, how much is its own, and which
//! shared passages are template phrasing (套话).
//!
//! Texts are compared in their normalized form ([`mod@normalize`]: letters,
//! digits and CJK characters only), so punctuation, whitespace, line breaks
//! and markup never split or decide a match. Shared passages are the
//! maximal repeats of at least `min_chars` characters found in two or more
//! texts ([`repeats`], a suffix array over all texts); pieces separated by
//! small edits in every text are joined into one near-copy ([`near_copy`]),
//! its differing characters marked. A passage made only of
//! lexicon formulations (提法) is not a shared passage: every report says
//! 习近平新时代中国特色社会主义思想. A passage found in most reports (by
//! default ≥ 60 % and ≥ 3 of them) or in a template file is a template.
//!
//! The similarity of report A to report B is the share of A's characters
//! that lie in passages A shares with B (so A→B and B→A differ when the
//! reports' lengths do); a report's own-text share is the share of its
//! characters in no shared passage. With `exclude_templates`, template
//! passages are taken out of the text before either share is computed.

pub mod cluster;
pub mod near_copy;
pub mod normalize;
pub mod record;
pub mod repeats;
pub mod suffix_array;
pub mod year_over_year;

use serde::{Deserialize, Serialize};

use crate::analysis::{ReadReport, ReportAnalysis};
use crate::clean::CleanedText;
use crate::concordance::innermost_heading;
use crate::diagnostic::Diagnostic;
use crate::lexicon::Lexicon;
use crate::outline::Heading;
use crate::pattern_search::PhraseIndex;
use crate::text::TextRange;
use near_copy::{Span, join_near_copies};
use normalize::{FoldedText, fold_str};
use repeats::cross_text_repeats;

/// The default shortest shared passage, in normalized characters.
pub const DEFAULT_MIN_CHARS: usize = 20;

/// How reports are compared.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CompareSettings {
    /// The shortest shared passage, in normalized characters.
    pub min_chars: usize,
    /// A passage in at least this share of the reports is a template …
    pub template_share: f64,
    /// … when that is also at least this many reports.
    pub template_min_reports: usize,
    /// Whether template passages are left out of similarity and own text.
    pub exclude_templates: bool,
}

impl Default for CompareSettings {
    fn default() -> Self {
        Self { min_chars: DEFAULT_MIN_CHARS, template_share: 0.6, template_min_reports: 3, exclude_templates: false }
    }
}

/// Which text an occurrence is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextId {
    /// A compared report, by its index in the input.
    Report(usize),
    /// A template file (模板 / 上级文件), by its index in the input.
    Template(usize),
}

/// One occurrence of a shared passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageOccurrence {
    /// The text it is in.
    pub text: TextId,
    /// Its first and past-the-last normalized character.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// Its byte range in the cleaned text, punctuation inside included.
    pub range: TextRange,
    /// The source line (or paragraph) it starts on.
    pub line: u32,
    /// The innermost heading whose section holds its start.
    pub heading: Option<usize>,
    /// Byte ranges in the cleaned text where a near-copy differs from
    /// another occurrence; empty for an exact passage.
    pub differences: Vec<TextRange>,
}

/// A passage shared by two or more texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Its normalized characters.
    pub chars: usize,
    /// Its text as the first occurrence has it in the cleaned text.
    pub text: String,
    /// Whether it is template phrasing.
    pub template: bool,
    /// How many distinct reports hold it.
    pub reports: usize,
    /// Whether it was joined across small edits (a near-copy).
    pub near_copy: bool,
    /// Every occurrence, reports first, in text order.
    pub occurrences: Vec<PassageOccurrence>,
}

impl Passage {
    /// Its text, read from the text of its first occurrence (`cleaned_text`
    /// gives a text's cleaned text by its id): what [`Passage::text`] holds.
    /// A view that has the texts at hand need not carry it. Empty if that
    /// text is not given or does not have the occurrence's range.
    pub fn text_in<'t>(&self, cleaned_text: impl FnOnce(TextId) -> Option<&'t str>) -> &'t str {
        self.occurrences
            .first()
            .and_then(|first| cleaned_text(first.text)?.get(first.range.start..first.range.end))
            .unwrap_or_default()
    }
}

/// One report's part in a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparedReport {
    /// Normalized characters.
    pub chars: usize,
    /// Normalized characters in template passages.
    pub template_chars: usize,
    /// Normalized characters in counted shared passages.
    pub shared_chars: usize,
    /// Share of the counted text in no shared passage, 0–1.
    pub own_share: f64,
}

/// The comparison of a set of reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The settings it was made with.
    pub settings: CompareSettings,
    /// Each report, in input order.
    pub reports: Vec<ComparedReport>,
    /// Row A, column B: the share of A's counted text in passages shared with B (1 on the diagonal).
    pub similarity: Vec<Vec<f64>>,
    /// Row A, column B: how many counted passages A and B share.
    pub shared_passages: Vec<Vec<usize>>,
    /// The shared passages, longest first.
    pub passages: Vec<Passage>,
    /// What the comparison found odd (too few reports, texts too large …).
    pub diagnostics: Vec<Diagnostic>,
}

/// What a comparison needs of a report: its name, cleaned text (with the
/// map to source lines) and headings.
#[derive(Debug, Clone, Copy)]
pub struct CompareText<'a> {
    /// The file's name.
    pub name: &'a str,
    /// The cleaned text.
    pub cleaned: &'a CleanedText,
    /// The outline's headings.
    pub headings: &'a [Heading],
}

impl<'a> From<&'a ReportAnalysis> for CompareText<'a> {
    fn from(analysis: &'a ReportAnalysis) -> Self {
        Self { name: &analysis.name, cleaned: &analysis.cleaned, headings: &analysis.outline.headings }
    }
}

impl<'a> From<&'a ReadReport> for CompareText<'a> {
    fn from(read: &'a ReadReport) -> Self {
        Self { name: &read.name, cleaned: &read.cleaned, headings: &read.outline.headings }
    }
}

/// A step of a running comparison, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareStage {
    /// Reducing texts to the characters compared (`done` of `total` texts).
    Normalizing,
    /// Building the suffix array over all texts.
    Indexing,
    /// Joining near-copies and placing passages.
    Passages,
    /// Computing the similarity matrix.
    Scoring,
}

/// Progress of a running comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareProgress {
    /// The step under way.
    pub stage: CompareStage,
    /// Units of the step done.
    pub done: usize,
    /// Units of the step in all.
    pub total: usize,
}

/// Compares `reports`, with `templates` as template files, under `settings`.
/// Passages made only of `lexicon`'s formulations are not shared passages.
pub fn compare_reports(
    reports: &[&ReportAnalysis],
    templates: &[&ReportAnalysis],
    lexicon: &Lexicon,
    settings: &CompareSettings,
) -> Comparison {
    let reports: Vec<CompareText> = reports.iter().map(|&r| r.into()).collect();
    let templates: Vec<CompareText> = templates.iter().map(|&t| t.into()).collect();
    compare_texts(&reports, &templates, lexicon, settings, &mut |_| {})
}

/// How many texts are normalized between two progress reports.
const PROGRESS_EVERY: usize = 50;

/// Compares texts as [`compare_reports`] does, telling `progress` each step.
pub fn compare_texts(
    reports: &[CompareText],
    templates: &[CompareText],
    lexicon: &Lexicon,
    settings: &CompareSettings,
    progress: &mut dyn FnMut(CompareProgress),
) -> Comparison {
    let mut diagnostics = Vec::new();
    let total_texts = reports.len() + templates.len();
    let ids = (0..reports.len()).map(TextId::Report).chain((0..templates.len()).map(TextId::Template));
    let mut texts: Vec<(TextId, CompareText, FoldedText)> = Vec::with_capacity(total_texts);
    for (done, (id, text)) in ids.zip(reports.iter().chain(templates)).enumerate() {
        if done % PROGRESS_EVERY == 0 {
            progress(CompareProgress { stage: CompareStage::Normalizing, done, total: total_texts });
        }
        texts.push((id, *text, FoldedText::of(&text.cleaned.text)));
    }
    if reports.len() < 2 && templates.is_empty() {
        diagnostics.push(Diagnostic::info(
            "compare-too-few",
            "至少需要两份报告才能比对",
            "At least two reports are needed to compare",
            None,
        ));
    }
    let chars: Vec<&[char]> = texts.iter().map(|(_, _, text)| text.chars.as_slice()).collect();
    let total: usize = chars.iter().map(|c| c.len() + 1).sum();
    if total > i32::MAX as usize {
        diagnostics.push(Diagnostic::warning(
            "compare-too-large",
            "报告总字数超出比对上限，未比对",
            "The reports are longer in all than the comparison takes: not compared",
            None,
        ));
    }
    let min_chars = settings.min_chars.max(2);
    let formulations = formulation_matcher(lexicon);
    let template_reports =
        ((reports.len() as f64 * settings.template_share).ceil() as usize).max(settings.template_min_reports);
    // Pieces shorter than the shortest passage may still join into one.
    let piece_chars = (min_chars / 2).max(MIN_PIECE_CHARS).min(min_chars);
    progress(CompareProgress { stage: CompareStage::Indexing, done: 0, total: total.saturating_sub(texts.len()) });
    let repeats = cross_text_repeats(&chars, piece_chars);
    progress(CompareProgress { stage: CompareStage::Passages, done: 0, total: repeats.len() });
    let spans = join_near_copies(&chars, repeats);
    let mut passages: Vec<Passage> = spans
        .into_iter()
        .filter(|span| {
            let (text, start, end) = span.occurrences[0];
            end - start >= min_chars && own_chars(&formulations, &chars[text][start..end]) * 2 >= min_chars
        })
        .filter_map(|span| passage_of(&texts, span, template_reports))
        .collect();
    passages.sort_by(|a, b| b.chars.cmp(&a.chars).then_with(|| b.reports.cmp(&a.reports)));
    progress(CompareProgress { stage: CompareStage::Scoring, done: 0, total: passages.len() });
    let lengths: Vec<usize> = texts.iter().take(reports.len()).map(|(_, _, text)| text.len()).collect();
    let (reports_out, similarity, shared_passages) = score(&lengths, &passages, settings.exclude_templates);
    Comparison { settings: *settings, reports: reports_out, similarity, shared_passages, passages, diagnostics }
}

/// The shortest exact piece a near-copy is joined from.
const MIN_PIECE_CHARS: usize = 8;

/// The passage of a span, with its occurrences placed in their texts;
/// `None` when no report holds it (it is shared by template files only).
fn passage_of(texts: &[(TextId, CompareText, FoldedText)], span: Span, template_reports: usize) -> Option<Passage> {
    let occurrences: Vec<PassageOccurrence> = span
        .occurrences
        .iter()
        .zip(&span.differences)
        .map(|(&(text, start, end), differences)| {
            let (id, analysis, folded) = &texts[text];
            let cleaned_text = analysis.cleaned.text.as_str();
            let range = folded.source_range(cleaned_text, start, end);
            PassageOccurrence {
                text: *id,
                start,
                end,
                range,
                line: analysis.cleaned.source_line_at(range.start),
                heading: innermost_heading(analysis.headings, range.start),
                differences: differences.iter().map(|&(s, e)| folded.source_range(cleaned_text, s, e)).collect(),
            }
        })
        .collect();
    let mut holders: Vec<usize> = occurrences
        .iter()
        .filter_map(|o| match o.text {
            TextId::Report(i) => Some(i),
            TextId::Template(_) => None,
        })
        .collect();
    holders.dedup();
    if holders.is_empty() {
        return None;
    }
    let in_template = occurrences.iter().any(|o| matches!(o.text, TextId::Template(_)));
    let (first_text, first_start, first_end) = span.occurrences[0];
    let mut passage = Passage {
        chars: first_end - first_start,
        text: String::new(),
        template: in_template || holders.len() >= template_reports,
        reports: holders.len(),
        near_copy: span.joined,
        occurrences,
    };
    passage.text = passage.text_in(|_| Some(texts[first_text].1.cleaned.text.as_str())).to_owned();
    Some(passage)
}

/// One index of the folded forms of every lexicon entry.
fn formulation_matcher(lexicon: &Lexicon) -> PhraseIndex<'static> {
    let forms: Vec<String> = lexicon
        .entries
        .iter()
        .flat_map(|entry| entry.forms())
        .map(fold_str)
        .filter(|f| f.chars().count() > 1)
        .collect();
    PhraseIndex::owned(forms)
}

/// Characters of `passage` outside every lexicon formulation in it.
fn own_chars(formulations: &PhraseIndex<'_>, passage: &[char]) -> usize {
    if formulations.is_empty() {
        return passage.len();
    }
    let text: String = passage.iter().collect();
    let mut covered = vec![false; text.len()];
    formulations.for_each_match(&text, |start, form| {
        covered[start..start + formulations.phrase(form).len()].iter_mut().for_each(|c| *c = true);
    });
    text.char_indices().filter(|&(at, _)| !covered[at]).count()
}

/// Similarity, shared-passage counts and each report's shares.
fn score(
    lengths: &[usize],
    passages: &[Passage],
    exclude_templates: bool,
) -> (Vec<ComparedReport>, Vec<Vec<f64>>, Vec<Vec<usize>>) {
    let n = lengths.len();
    let mut similarity = vec![vec![0.0; n]; n];
    let mut shared_passages = vec![vec![0usize; n]; n];
    // Per report, the events (position, passage, opening?) of its occurrences.
    let mut events: Vec<Vec<(usize, bool, usize)>> = vec![Vec::new(); n];
    // Per passage, the distinct reports and whether it also sits in a template file.
    let mut holders: Vec<Vec<usize>> = Vec::with_capacity(passages.len());
    for (index, passage) in passages.iter().enumerate() {
        let mut reports: Vec<usize> = Vec::new();
        let mut in_template = false;
        for occurrence in &passage.occurrences {
            match occurrence.text {
                TextId::Report(r) => {
                    events[r].push((occurrence.start, true, index));
                    events[r].push((occurrence.end, false, index));
                    reports.push(r);
                }
                TextId::Template(_) => in_template = true,
            }
        }
        reports.dedup();
        let counted = !(exclude_templates && passage.template);
        if counted {
            for &a in &reports {
                for &b in &reports {
                    shared_passages[a][b] += usize::from(a != b);
                }
            }
        }
        // A passage shared only with a template file makes text not one's own.
        if in_template && reports.len() == 1 {
            reports.push(usize::MAX);
        }
        holders.push(reports);
    }
    let mut out = Vec::with_capacity(n);
    // Characters of the report swept that each other report shares with it.
    let mut covered_by = vec![0usize; n];
    // Per passage, its occurrences open in the report swept, and the
    // characters it covered there alone: credited to its holders once per
    // report, not at each of its events (a passage held by k reports costs
    // k per holder, not 2k per occurrence).
    let mut open_count = vec![0u32; passages.len()];
    let mut alone = vec![0usize; passages.len()];
    // The stretch a partner was last credited for, where passages overlap.
    let mut credited_in = vec![0usize; n];
    let mut stretch = 0usize;
    for (a, report_events) in events.iter_mut().enumerate() {
        report_events.sort_unstable_by_key(|&(position, opening, _)| (position, opening));
        // Template-covered characters before the current position (when
        // excluded), any-covered and template-covered interval counts.
        let mut excluded_before = 0usize;
        let mut template_active = 0u32;
        let mut shared_active = 0u32;
        let mut shared_open = 0usize;
        let mut shared_open_excluded = 0usize;
        let mut shared_chars = 0usize;
        let mut template_chars = 0usize;
        let mut template_any = 0u32;
        let mut template_open = 0usize;
        let mut previous = 0usize;
        // The counted passages open, each once, and those with characters
        // of their own to credit.
        let mut active: Vec<usize> = Vec::new();
        let mut credited: Vec<usize> = Vec::new();
        let mut touched: Vec<usize> = Vec::new();
        // The other reports holding passage `p` (not a template file's marker).
        let partners = |p: usize| holders[p].iter().copied().filter(move |&b| b != a && b != usize::MAX);
        // Adds `length` characters report `b` shares with this one.
        let mut credit = |b: usize, length: usize| {
            if covered_by[b] == 0 {
                touched.push(b);
            }
            covered_by[b] += length;
        };
        for &(position, opening, index) in report_events.iter() {
            // The stretch since the last event: no event inside, so the same
            // passages cover all of it.
            let length = position - previous;
            let excluded = exclude_templates && template_active > 0;
            if length > 0 && !excluded {
                match active.as_slice() {
                    [] => {}
                    &[only] => {
                        if alone[only] == 0 {
                            credited.push(only);
                        }
                        alone[only] += length;
                    }
                    several => {
                        // Each partner once, however many passages it holds.
                        stretch += 1;
                        for b in several.iter().flat_map(|&p| partners(p)) {
                            if credited_in[b] != stretch {
                                credited_in[b] = stretch;
                                credit(b, length);
                            }
                        }
                    }
                }
            }
            if excluded {
                excluded_before += length;
            }
            previous = position;
            let passage = &passages[index];
            if passage.template {
                if opening {
                    if template_any == 0 {
                        template_open = position;
                    }
                    template_any += 1;
                } else {
                    template_any -= 1;
                    if template_any == 0 {
                        template_chars += position - template_open;
                    }
                }
            }
            let counted = !(exclude_templates && passage.template);
            if !counted {
                if opening {
                    template_active += 1;
                } else {
                    template_active -= 1;
                }
                continue;
            }
            // Coverage adds the span minus what templates took of it.
            let span = |open: usize, open_excluded: usize| (position - open) - (excluded_before - open_excluded);
            if opening {
                if shared_active == 0 {
                    shared_open = position;
                    shared_open_excluded = excluded_before;
                }
                shared_active += 1;
                open_count[index] += 1;
                if open_count[index] == 1 {
                    active.push(index);
                }
            } else {
                shared_active -= 1;
                if shared_active == 0 {
                    shared_chars += span(shared_open, shared_open_excluded);
                }
                open_count[index] -= 1;
                if open_count[index] == 0
                    && let Some(at) = active.iter().position(|&p| p == index)
                {
                    active.swap_remove(at);
                }
            }
        }
        for &p in &credited {
            let length = std::mem::take(&mut alone[p]);
            partners(p).for_each(|b| credit(b, length));
        }
        let counted_chars = if exclude_templates { lengths[a] - template_chars } else { lengths[a] };
        for &b in &touched {
            if covered_by[b] > 0 {
                similarity[a][b] = ratio(covered_by[b], counted_chars);
                covered_by[b] = 0;
            }
        }
        similarity[a][a] = if lengths[a] > 0 { 1.0 } else { 0.0 };
        let own = counted_chars.saturating_sub(shared_chars);
        out.push(ComparedReport {
            chars: lengths[a],
            template_chars,
            shared_chars,
            own_share: if counted_chars == 0 { 0.0 } else { ratio(own, counted_chars) },
        });
    }
    (out, similarity, shared_passages)
}

/// `part / whole`, rounded to 0.0001.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0 }
}
