//! The sample reports in `seeds/`, read once, and snapshots of their readable
//! outlines.

use std::path::PathBuf;

use gongwen_core::render::render_outline;
use gongwen_core::{ReportAnalysis, analyze_report};

/// The seed files as (file name, bytes), in name order.
pub fn seed_files() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("seeds/ is readable")
        .map(|entry| entry.expect("a seed entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .map(|path| {
            let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).expect("a seed is readable");
            (name, bytes)
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "seeds/ holds the five sample reports");
    files
}

/// The analysis of the seed whose name starts with `prefix`.
pub fn analyze_seed(prefix: &str) -> ReportAnalysis {
    let (name, bytes) = seed_files().into_iter().find(|(name, _)| name.starts_with(prefix)).expect("the seed exists");
    analyze_report(&name, &bytes, crate::segmenter()).expect("a seed decodes")
}

#[test]
fn readable_outline_of_every_seed() {
    for (name, bytes) in seed_files() {
        let analysis = analyze_report(&name, &bytes, crate::segmenter()).expect("a seed decodes");
        let snapshot_name = format!("outline_{}", name.split('_').next().unwrap_or(&name));
        insta::assert_snapshot!(snapshot_name, render_outline(analysis.reading()));
    }
}

#[test]
fn markdown_outline_of_every_seed() {
    for (name, bytes) in seed_files() {
        let analysis = analyze_report(&name, &bytes, crate::segmenter()).expect("a seed decodes");
        let snapshot_name = format!("outline_markdown_{}", name.split('_').next().unwrap_or(&name));
        insta::assert_snapshot!(snapshot_name, gongwen_core::render::render_outline_markdown(analysis.reading()));
    }
}
