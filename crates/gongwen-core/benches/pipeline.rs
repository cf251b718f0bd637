//! Benchmarks of the core over the seeds scaled up: the whole per-report
//! pipeline, cleaning plus outline alone, and segmentation, each with
//! `Throughput::Bytes` so results read as MB/s; the same on 100,000
//! repeated `（一）` lines, which a quadratic outline pass would make crawl;
//! and each phase of the pipeline on its own (group `phases`) over 40
//! generated work reports of about 8,000 characters, so that the phase that
//! dominates shows. Run with `cargo bench -p gongwen-core --bench pipeline`.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

// Each benchmark uses some of the generators.
#[allow(dead_code)]
mod generated;
mod phases;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gongwen_core::clean::{clean_lines, clean_text};
use gongwen_core::outline::extract_outline;
use gongwen_core::source::read_source;
use gongwen_core::{ReadLimits, ReportAnalysis, Segmenter, analyze_report};

fn pipeline(c: &mut Criterion) {
    let segmenter = Segmenter::new().expect("segmenter");
    let mut group = c.benchmark_group("core");
    for copies in [1, 20] {
        let text = generated::seed_texts().concat().repeat(copies);
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

/// Each phase of `analyze_report` alone, over the same generated reports,
/// its inputs computed once beforehand.
fn phases(c: &mut Criterion) {
    let segmenter = Segmenter::new().expect("segmenter");
    let limits = ReadLimits::default();
    let reports = generated::work_reports(40, 8_000);
    let bytes: usize = reports.iter().map(String::len).sum();
    let analyses: Vec<ReportAnalysis> = reports
        .iter()
        .enumerate()
        .map(|(i, text)| analyze_report(&format!("{i}.txt"), text.as_bytes(), &segmenter).expect("analysis"))
        .collect();
    let mut group = c.benchmark_group("phases");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("analyze_report", |b| {
        b.iter(|| {
            reports
                .iter()
                .map(|text| {
                    analyze_report("bench.txt", black_box(text.as_bytes()), &segmenter).expect("analysis").chars
                })
                .sum::<usize>()
        })
    });
    group.bench_function("decode+clean", |b| {
        b.iter(|| {
            reports
                .iter()
                .map(|text| {
                    let document = read_source("bench.txt", black_box(text.as_bytes()), &limits).expect("read");
                    clean_lines(document.lines, document.removed).text.len()
                })
                .sum::<usize>()
        })
    });
    for (name, phase) in phases::PHASES {
        group.bench_function(name, |b| b.iter(|| analyses.iter().map(|a| phase(&segmenter, a)).sum::<usize>()));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = pipeline, phases
}
criterion_main!(benches);
