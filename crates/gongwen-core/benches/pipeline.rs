//! Benchmarks of the core over the seeds scaled up: the whole per-report
//! pipeline, cleaning plus outline alone, and segmentation, each with
//! `Throughput::Bytes` so results read as MB/s; and the same on 100,000
//! repeated `（一）` lines, which a quadratic outline pass would make crawl.
//! Run with `cargo bench -p gongwen-core`.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gongwen_core::clean::clean_text;
use gongwen_core::outline::extract_outline;
use gongwen_core::{Segmenter, analyze_report};

/// The five seeds, concatenated `copies` times into one report-like text.
fn scaled_seeds(copies: usize) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).expect("seeds/").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    let one: String = paths.iter().map(|path| std::fs::read_to_string(path).expect("a seed")).collect();
    one.repeat(copies)
}

fn pipeline(c: &mut Criterion) {
    let segmenter = Segmenter::new().expect("segmenter");
    let mut group = c.benchmark_group("core");
    for copies in [1, 20] {
        let text = scaled_seeds(copies);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("analyze_report/{}KB", text.len() / 1024), |b| {
            b.iter(|| analyze_report("bench.txt", black_box(text.as_bytes()), &segmenter).expect("analysis"))
        });
        group.bench_function(format!("clean+outline/{}KB", text.len() / 1024), |b| {
            b.iter(|| extract_outline(&clean_text(black_box(&text))))
        });
        group.bench_function(format!("segment/{}KB", text.len() / 1024), |b| {
            b.iter(|| segmenter.segment(black_box(&text)).len())
        });
    }
    // 100,000 lines of one repeated marker: every line a heading and every
    // heading a numbering diagnostic, the input on which a pass that walks
    // all headings per line or per heading shows up as quadratic.
    let repeated = "（一）\n".repeat(100_000);
    group.throughput(Throughput::Bytes(repeated.len() as u64));
    group.bench_function("analyze_report/100000_repeated_paren_markers", |b| {
        b.iter(|| analyze_report("bench.txt", black_box(repeated.as_bytes()), &segmenter).expect("analysis"))
    });
    group.bench_function("clean+outline/100000_repeated_paren_markers", |b| {
        b.iter(|| extract_outline(&clean_text(black_box(&repeated))))
    });
    group.finish();
    c.bench_function("Segmenter::new", |b| b.iter(|| Segmenter::new().expect("segmenter")));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = pipeline
}
criterion_main!(benches);
