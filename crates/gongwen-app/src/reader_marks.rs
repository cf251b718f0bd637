//! The layers the reader lays over a report's text besides its words,
//! headings and focus: the figures (实绩数据), the 校对 findings the user's
//! [`LintFilter`] shows, and (from a comparison) the shared text. Layers
//! overlap each other, so the reader cuts a stretch of text into *runs*
//! wherever what covers it changes ([`ReaderMarks::runs`]); each run knows
//! every layer over it and gets one span with all their classes and one
//! tooltip. A finding with an empty range (a site mark cleaning removed) is
//! a *point*, shown as a marker where the mark stood. The tooltips are
//! written in the page's language around the report's own words. Plain
//! data, no web types: `components/reader.rs` renders the runs.

use gongwen_core::ReportAnalysis;
use gongwen_core::diagnostic::Severity;
use gongwen_core::lint::{LintFinding, LintKind};
use gongwen_core::text::TextRange;

use crate::figures_table::figure_description;
use crate::i18n::Language;
use crate::lint_filter::{LintFilter, severity_label};
use crate::shared_text::SharedStretch;

/// Which of the reader's own layers are on (the shared text has its own
/// switch, 「标出共有文字」).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkLayers {
    /// Figures are marked.
    pub figures: bool,
    /// 校对 findings are marked.
    pub lint: bool,
}

impl Default for MarkLayers {
    fn default() -> Self {
        Self { figures: true, lint: true }
    }
}

/// A figure as the reader marks it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMark {
    /// Where it is in the cleaned text.
    pub range: TextRange,
    /// Its number is hidden (`**件`).
    pub redacted: bool,
    /// What it says, for the tooltip.
    pub description: String,
}

/// A 校对 finding as the reader marks it.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingMark {
    /// Where it is in the cleaned text (empty for a point).
    pub range: TextRange,
    /// What kind of flaw.
    pub kind: LintKind,
    /// How much it matters.
    pub severity: Severity,
    /// Kind, message, suggestion, for the tooltip.
    pub description: String,
}

impl FindingMark {
    /// The mark of `finding`, its tooltip in `language` (the message is the
    /// core's, in Chinese).
    fn of(finding: &LintFinding, language: Language) -> Self {
        let kind = language.lint_kind(finding.kind);
        let severity = severity_label(finding.severity, language);
        let mut description = language.pick(
            format!("{kind}（{severity}）：{}", finding.message),
            format!("{kind} ({severity}): {}", finding.message_en),
        );
        if finding.range.is_empty() && !finding.text.is_empty() {
            description.push_str(
                &language.pick(format!("\n原文：{}", finding.text), format!("\nOriginal text: {}", finding.text)),
            );
        }
        if let Some(suggestion) = &finding.suggestion {
            description
                .push_str(&language.pick(format!("\n建议：{suggestion}"), format!("\nSuggestion: {suggestion}")));
        }
        Self { range: finding.range, kind: finding.kind, severity: finding.severity, description }
    }
}

/// The marks of one report under the user's choices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReaderMarks {
    /// Figures, by start.
    figures: Vec<FigureMark>,
    /// Findings with a range, by start.
    findings: Vec<FindingMark>,
    /// Findings without one, by place.
    points: Vec<FindingMark>,
    /// The longest figure or finding, in bytes: how far before a stretch one
    /// that reaches into it can start.
    longest: usize,
}

/// One run of text and the layers over all of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Run<'a> {
    /// Its byte range in the cleaned text.
    pub range: TextRange,
    /// The shared stretch it lies in, when shading is on.
    pub shared: Option<&'a SharedStretch>,
    /// The figure it is part of.
    pub figure: Option<&'a FigureMark>,
    /// The findings it is part of, warnings first.
    pub findings: Vec<&'a FindingMark>,
}

impl Run<'_> {
    /// Whether no layer covers it.
    pub fn is_plain(&self) -> bool {
        self.shared.is_none() && self.figure.is_none() && self.findings.is_empty()
    }

    /// Its tooltip: the findings, the figure and what shares it, one per
    /// line; `None` for a plain run.
    pub fn title(&self) -> Option<String> {
        let lines: Vec<&str> = self
            .findings
            .iter()
            .map(|finding| finding.description.as_str())
            .chain(self.figure.map(|figure| figure.description.as_str()))
            .chain(self.shared.map(|stretch| stretch.description.as_str()))
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    /// The gravest severity of its findings.
    pub fn severity(&self) -> Option<Severity> {
        self.findings.iter().map(|finding| finding.severity).max()
    }
}

impl ReaderMarks {
    /// The marks of `analysis` on the layers `layers`, its findings as
    /// `filter` shows them, their tooltips in `language`.
    pub fn new(analysis: &ReportAnalysis, layers: MarkLayers, filter: &LintFilter, language: Language) -> Self {
        let mut figures: Vec<FigureMark> = if layers.figures {
            analysis
                .figures
                .iter()
                .filter(|figure| !figure.range.is_empty())
                .map(|figure| FigureMark {
                    range: figure.range,
                    redacted: figure.redacted,
                    description: language.pick(
                        format!("数据「{}」\n{}", figure.text, figure_description(figure, language)),
                        format!("Figure “{}”\n{}", figure.text, figure_description(figure, language)),
                    ),
                })
                .collect()
        } else {
            Vec::new()
        };
        figures.sort_by_key(|figure| (figure.range.start, figure.range.end));
        let (mut points, mut findings): (Vec<FindingMark>, Vec<FindingMark>) = if layers.lint {
            analysis
                .lint
                .iter()
                .filter(|finding| filter.shows(finding))
                .map(|finding| FindingMark::of(finding, language))
                .partition(|f| f.range.is_empty())
        } else {
            (Vec::new(), Vec::new())
        };
        findings.sort_by_key(|finding| (finding.range.start, finding.range.end));
        points.sort_by_key(|point| point.range.start);
        let longest =
            figures.iter().map(|f| f.range.len()).chain(findings.iter().map(|f| f.range.len())).max().unwrap_or(0);
        Self { figures, findings, points, longest }
    }

    /// The points at offsets `start..end`, in order.
    pub fn points_in(&self, start: usize, end: usize) -> &[FindingMark] {
        let first = self.points.partition_point(|point| point.range.start < start);
        let last = self.points.partition_point(|point| point.range.start < end);
        &self.points[first..last.max(first)]
    }

    /// `range` cut into runs wherever a layer begins or ends, and at every
    /// offset of `cuts` (where points show); `shared` are the shared stretches
    /// to shade (none when shading is off). The runs cover `range` in order.
    pub fn runs<'a>(&'a self, range: TextRange, shared: &'a [SharedStretch], cuts: &[usize]) -> Vec<Run<'a>> {
        if range.is_empty() {
            return Vec::new();
        }
        let figures = overlapping(&self.figures, range, self.longest, |figure| figure.range);
        let findings = overlapping(&self.findings, range, self.longest, |finding| finding.range);
        if figures.is_empty() && findings.is_empty() && shared.is_empty() && cuts.is_empty() {
            // Most words of most reports: nothing to cut.
            return vec![Run { range, shared: None, figure: None, findings: Vec::new() }];
        }
        let inside = |offset: usize| range.start < offset && offset < range.end;
        let mut bounds = vec![range.start, range.end];
        let edges = figures
            .iter()
            .map(|figure| figure.range)
            .chain(findings.iter().map(|finding| finding.range))
            .chain(shared.iter().map(|stretch| stretch.range))
            .flat_map(|r| [r.start, r.end]);
        bounds.extend(edges.chain(cuts.iter().copied()).filter(|&offset| inside(offset)));
        bounds.sort_unstable();
        bounds.dedup();
        bounds
            .windows(2)
            .filter(|pair| pair[0] < pair[1])
            .map(|pair| {
                let run = TextRange::new(pair[0], pair[1]);
                let covers = |r: TextRange| r.start <= run.start && run.end <= r.end;
                let mut over: Vec<&FindingMark> = findings.iter().copied().filter(|f| covers(f.range)).collect();
                over.sort_by_key(|finding| std::cmp::Reverse(finding.severity));
                Run {
                    range: run,
                    shared: shared.iter().find(|stretch| covers(stretch.range)),
                    figure: figures.iter().copied().find(|figure| covers(figure.range)),
                    findings: over,
                }
            })
            .collect()
    }
}

/// The items of `items` (sorted by start, none longer than `longest`) that
/// overlap `range`.
fn overlapping<T>(items: &[T], range: TextRange, longest: usize, range_of: impl Fn(&T) -> TextRange) -> Vec<&T> {
    let first = items.partition_point(|item| range_of(item).start < range.start.saturating_sub(longest));
    items[first..]
        .iter()
        .take_while(|item| range_of(item).start < range.end)
        .filter(|item| range_of(item).end > range.start)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(text: &str) -> ReportAnalysis {
        let segmenter = gongwen_core::Segmenter::new().expect("segmenter");
        gongwen_core::analyze_report("a.txt", text.as_bytes(), &segmenter).expect("analysis")
    }

    /// Each run of the whole text as `text[figure?|kinds…]`.
    fn described(analysis: &ReportAnalysis, marks: &ReaderMarks, shared: &[SharedStretch]) -> Vec<String> {
        let text = &analysis.cleaned.text;
        marks
            .runs(TextRange::new(0, text.len()), shared, &[])
            .iter()
            .filter(|run| !run.is_plain())
            .map(|run| {
                let kinds: Vec<&str> = run.findings.iter().map(|f| f.kind.label()).collect();
                let figure = run.figure.map_or("", |figure| if figure.redacted { "隐去" } else { "数据" });
                let shared = if run.shared.is_some() { "共有" } else { "" };
                format!("{}[{figure}{shared}|{}]", run.range.slice(text), kinds.join(","))
            })
            .collect()
    }

    #[test]
    fn figures_and_findings_are_runs_of_their_own() {
        let analysis = analyse("一、情况\n全年召开会议12次，处置线索**件。。围绕围绕中心工作。\n");
        let marks = ReaderMarks::new(&analysis, MarkLayers::default(), &LintFilter::default(), Language::Chinese);
        assert_eq!(
            described(&analysis, &marks, &[]),
            ["12次[数据|]", "**件[隐去|数字隐去]", "。。[|重复标点]", "围绕围绕[|重复字词]"]
        );
        let run = marks.runs(TextRange::new(0, analysis.cleaned.text.len()), &[], &[]);
        let doubled = run.iter().find(|run| !run.findings.is_empty() && run.figure.is_none()).expect("a finding");
        let title = doubled.title().expect("a tooltip");
        assert!(title.starts_with("重复标点（警告）：") && title.contains("建议：。"), "{title}");
    }

    #[test]
    fn layers_and_kinds_switched_off_leave_no_marks() {
        let analysis = analyse("一、情况\n全年召开会议12次。。\n");
        let no_figures = MarkLayers { figures: false, lint: true };
        let marks = ReaderMarks::new(&analysis, no_figures, &LintFilter::default(), Language::Chinese);
        assert_eq!(described(&analysis, &marks, &[]), ["。。[|重复标点]"]);
        let filter = LintFilter::default().with_kind(LintKind::DoubledPunctuation, false);
        let marks = ReaderMarks::new(&analysis, MarkLayers::default(), &filter, Language::Chinese);
        assert_eq!(described(&analysis, &marks, &[]), ["12次[数据|]"]);
        let marks = ReaderMarks::new(
            &analysis,
            MarkLayers { figures: false, lint: false },
            &LintFilter::default(),
            Language::Chinese,
        );
        assert!(described(&analysis, &marks, &[]).is_empty());
    }

    #[test]
    fn a_shared_stretch_is_cut_where_a_figure_starts_and_ends() {
        let analysis = analyse("一、情况\n全年召开会议12次。");
        let text = &analysis.cleaned.text;
        let start = text.find("会议").expect("in the text");
        let stretch = SharedStretch {
            range: TextRange::new(start, text.len()),
            reports: vec![1],
            template: false,
            description: "与另外 1 份报告共有：乙.txt".to_owned(),
        };
        let marks = ReaderMarks::new(&analysis, MarkLayers::default(), &LintFilter::default(), Language::Chinese);
        let shared = [stretch];
        assert_eq!(described(&analysis, &marks, &shared), ["会议[共有|]", "12次[数据共有|]", "。[共有|]"]);
        let runs = marks.runs(TextRange::new(start, text.len()), &shared, &[]);
        let title = runs[1].title().expect("a tooltip");
        assert!(title.starts_with("数据「12次」\n数值：12") && title.ends_with("乙.txt"), "{title}");
    }

    #[test]
    fn a_removed_site_mark_is_a_point_and_cuts_the_text_where_it_stood() {
        let analysis = analyse("一、情况\n全年召开##paidbegin##会议。");
        let marks = ReaderMarks::new(&analysis, MarkLayers::default(), &LintFilter::default(), Language::Chinese);
        let text = &analysis.cleaned.text;
        let points = marks.points_in(0, text.len() + 1);
        assert_eq!(points.len(), 1);
        assert_eq!(&text[points[0].range.start..], "会议。");
        assert!(points[0].description.contains("原文：##paidbegin##"), "{}", points[0].description);
        let runs = marks.runs(TextRange::new(0, text.len()), &[], &[points[0].range.start]);
        assert!(runs.iter().any(|run| run.range.start == points[0].range.start), "the text is cut at the point");
        let filter = LintFilter::default().with_kind(LintKind::SiteMark, false);
        assert!(
            ReaderMarks::new(&analysis, MarkLayers::default(), &filter, Language::Chinese)
                .points_in(0, text.len() + 1)
                .is_empty()
        );
    }

    #[test]
    fn the_tooltips_speak_english_around_the_reports_words() {
        let analysis = analyse("一、情况\n全年召开会议12次。。\n");
        let marks = ReaderMarks::new(&analysis, MarkLayers::default(), &LintFilter::default(), Language::English);
        let runs = marks.runs(TextRange::new(0, analysis.cleaned.text.len()), &[], &[]);
        let titles: Vec<String> = runs.iter().filter_map(Run::title).collect();
        assert!(titles.iter().any(|title| title.starts_with("Figure “12次”\nValue: 12; unit: 次")), "{titles:?}");
        let doubled =
            titles.iter().find(|title| title.starts_with("Doubled punctuation (Warning): ")).expect("a finding");
        assert!(doubled.contains("\nSuggestion: 。"), "{doubled}");
    }
}
