//! The phases of the per-report analysis after reading, each to be run alone
//! over analyses made beforehand: the criterion `phases` group
//! (`benches/pipeline.rs`) and `examples/profile_phases.rs` time this one
//! list. Each phase returns a count, so that its work cannot be optimised
//! away. `words` segments the text again (around heading markers).

use std::hint::black_box;

use gongwen_core::figures::extract_figures;
use gongwen_core::formulations::count_formulations;
use gongwen_core::lint::lint_report;
use gongwen_core::outline::extract_outline;
use gongwen_core::structure::analyze_structure;
use gongwen_core::themes::report_themes;
use gongwen_core::words::count_words;
use gongwen_core::{ReportAnalysis, Segmenter};

/// A phase: its name, and one run of it over one analysed report.
pub type Phase = (&'static str, fn(&Segmenter, &ReportAnalysis) -> usize);

/// Every phase, in the pipeline's order.
pub const PHASES: [Phase; 8] = [
    ("outline", |_, a| extract_outline(black_box(&a.cleaned)).headings.len()),
    ("segment", |segmenter, a| segmenter.segment(black_box(&a.cleaned.text)).len()),
    ("words", |segmenter, a| count_words(segmenter, black_box(&a.cleaned), &a.outline).1.len()),
    ("formulations", |segmenter, a| count_formulations(segmenter.lexicon(), black_box(&a.words), a.chars).len()),
    ("themes", |_, a| report_themes(black_box(&a.cleaned), &a.outline).coverages.len()),
    ("figures", |segmenter, a| extract_figures(black_box(&a.cleaned), &a.outline, segmenter.numbered_forms()).len()),
    ("structure", |_, a| analyze_structure(black_box(&a.cleaned), &a.outline).parts.len()),
    ("lint", |_, a| lint_report(black_box(&a.cleaned), &a.outline, &a.figures, a.year).len()),
];
