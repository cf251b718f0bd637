//! Benchmark of the cross-report comparison on synthetic stacks of 100 and
//! 1,000 reports of about 10,000 characters: each report is mostly its own
//! text (characters drawn from the seeds' own, so no long accidental
//! matches), a fifth sentences drawn from the seeds (shared by many reports,
//! with figures changed now and then) and one template paragraph shared by
//! all. Only `compare_reports` is timed; the reports are analysed once.
//! Run with `cargo bench -p gongwen-core --bench compare`.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use gongwen_core::compare::{CompareSettings, compare_reports};
use gongwen_core::{ReportAnalysis, Segmenter, analyze_report};

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The seeds' text.
fn seed_text() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).expect("seeds/").map(|e| e.expect("entry").path()).collect();
    paths.sort();
    paths.iter().map(|path| std::fs::read_to_string(path).expect("a seed")).collect()
}

/// `count` synthetic reports of about 10,000 characters.
pub fn synthetic_reports(count: usize) -> Vec<String> {
    let seeds = seed_text();
    let sentences: Vec<&str> = seeds.split_inclusive('。').filter(|s| s.chars().count() > 10).collect();
    let mut alphabet: Vec<char> = seeds.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).collect();
    alphabet.sort_unstable();
    alphabet.dedup();
    let template = "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实上级各项决策部署，对标对表年度目标任务，压紧压实工作责任，确保各项工作落地见效。";
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|index| {
            let mut text = format!("{index}号单位2023年度工作报告\n一、主要工作\n{template}\n");
            let mut chars = 0;
            while chars < 10_000 {
                let paragraph: String = if rng.below(5) == 0 {
                    let sentence = sentences[rng.below(sentences.len())];
                    if rng.below(3) == 0 { sentence.replace("2023", "2022") } else { sentence.to_owned() }
                } else {
                    let len = 40 + rng.below(120);
                    let mut own: String = (0..len).map(|_| alphabet[rng.below(alphabet.len())]).collect();
                    own.push('。');
                    own
                };
                chars += paragraph.chars().count();
                text.push_str(&paragraph);
                if rng.below(4) == 0 {
                    text.push('\n');
                }
            }
            text
        })
        .collect()
}

fn compare(c: &mut Criterion) {
    let segmenter = Segmenter::new().expect("segmenter");
    let mut group = c.benchmark_group("compare");
    for count in [100, 1000] {
        let analyses: Vec<ReportAnalysis> = synthetic_reports(count)
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
