//! Benchmark of the cross-report comparison on synthetic stacks of 100 and
//! 1,000 reports of about 10,000 characters: each report is mostly its own
//! text (characters drawn from the seeds' own, so no long accidental
//! matches), a fifth sentences drawn from the seeds (shared by many reports,
//! with figures changed now and then) and one template paragraph shared by
//! all. Only `compare_reports` is timed; the reports are analysed once.
//! Run with `cargo bench -p gongwen-core --bench compare`.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

// Each benchmark uses some of the generators.
#[allow(dead_code)]
mod generated;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gongwen_core::compare::{CompareSettings, compare_reports};
use gongwen_core::{ReportAnalysis, Segmenter, analyze_report};

fn compare(c: &mut Criterion) {
    let segmenter = Segmenter::new().expect("segmenter");
    let mut group = c.benchmark_group("compare");
    for count in [100, 1000] {
        let analyses: Vec<ReportAnalysis> = generated::synthetic_reports(count)
            .iter()
            .enumerate()
            .map(|(i, text)| analyze_report(&format!("{i}.txt"), text.as_bytes(), &segmenter).expect("analysis"))
            .collect();
        let reports: Vec<&ReportAnalysis> = analyses.iter().collect();
        let settings = CompareSettings::default();
        group.bench_function(format!("compare_reports/{count}x10000"), |b| {
            b.iter(|| compare_reports(black_box(&reports), &[], segmenter.lexicon(), &settings).passages.len())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = compare
}
criterion_main!(benches);
