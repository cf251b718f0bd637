//! The files the page offers for download from the overview: the whole
//! analysis as JSON (a versioned schema, documented in the README), every
//! report's outline as Markdown, and the overview as CSV (the core's
//! `overview_csv`). Plain data: the download itself is `download.rs`'s.

use gongwen_core::ReportAnalysis;
use gongwen_core::compare::Comparison;
use gongwen_core::render::render_outline_markdown;
use serde::Serialize;

/// The `schema` of the JSON export.
pub const ANALYSIS_SCHEMA: &str = "gongwen-lens/analysis";

/// The version of the JSON export's shape: raised when a field is renamed
/// or removed (fields are only added within a version).
pub const ANALYSIS_SCHEMA_VERSION: u32 = 1;

/// The JSON export: every report's analysis as the page holds it, and the
/// comparison of the reports when one was made.
#[derive(Serialize)]
pub struct AnalysisExport<'a> {
    /// Always [`ANALYSIS_SCHEMA`].
    pub schema: &'static str,
    /// [`ANALYSIS_SCHEMA_VERSION`].
    pub version: u32,
    /// The page's version that wrote it.
    pub generator: String,
    /// Every analysed report, in list order.
    pub reports: Vec<&'a ReportAnalysis>,
    /// The comparison of the reports (its texts are `reports[i]`), if made.
    pub comparison: Option<&'a Comparison>,
}

/// The JSON text of the whole analysis.
pub fn analysis_json(reports: &[&ReportAnalysis], comparison: Option<&Comparison>) -> Result<String, String> {
    let export = AnalysisExport {
        schema: ANALYSIS_SCHEMA,
        version: ANALYSIS_SCHEMA_VERSION,
        generator: format!("公文透镜 Gongwen Lens {}", env!("CARGO_PKG_VERSION")),
        reports: reports.to_vec(),
        comparison,
    };
    serde_json::to_string(&export).map_err(|error| format!("无法生成 JSON：{error}"))
}

/// Every report's outline as Markdown, one after another, separated by a
/// rule.
pub fn outlines_markdown(reports: &[&ReportAnalysis]) -> String {
    reports.iter().map(|analysis| render_outline_markdown(analysis.reading())).collect::<Vec<_>>().join("\n---\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed(name: &str, text: &str) -> ReportAnalysis {
        let segmenter = gongwen_core::Segmenter::new().expect("the segmenter builds");
        gongwen_core::analyze_report(name, text.as_bytes(), &segmenter).expect("analysed")
    }

    #[test]
    fn the_json_export_names_its_schema_and_holds_every_report() {
        let a = seed("a.txt", "一、主要工作\n开展学习12次。\n二、存在问题\n学习不深。\n");
        let json = analysis_json(&[&a], None).expect("JSON");
        let value: serde_json::Value = serde_json::from_str(&json).expect("it parses");
        assert_eq!(value["schema"], ANALYSIS_SCHEMA);
        assert_eq!(value["version"], ANALYSIS_SCHEMA_VERSION);
        assert_eq!(value["reports"][0]["name"], "a.txt");
        assert_eq!(value["reports"][0]["figures"][0]["text"], "12次");
        assert!(value["comparison"].is_null());
        let markdown = outlines_markdown(&[&a, &a]);
        assert!(markdown.starts_with("# a.txt\n"), "{markdown}");
        assert!(markdown.contains("## 一、主要工作\n"), "{markdown}");
        assert_eq!(markdown.matches("\n---\n").count(), 1);
    }
}
