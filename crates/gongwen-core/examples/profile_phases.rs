//! Times each phase of the per-report analysis over the files of a
//! directory, so that a real or generated stack shows which phase dominates
//! (the criterion `phases` benchmark does the same over its own generated
//! reports):
//!
//! ```text
//! cargo run --release -p gongwen-core --example profile_phases -- DIRECTORY [ROUNDS]
//! ```
//!
//! Prints one line per phase: milliseconds per round over all the files,
//! MB/s of the files' bytes, and its share of the sum of the phases (the
//! phases are `benches/phases/`'s, those the criterion benchmark times;
//! `segment` is left out of the sum, since `words` segments again). The
//! first line is the reference of issue 12's ratio: raw jieba-rs `cut` with
//! HMM over the cleaned texts and the core's dictionary, no lexicon, as the
//! in-browser benchmark cuts.

#[path = "../benches/phases/mod.rs"]
mod phases;

use std::time::{Duration, Instant};

use gongwen_core::clean::clean_lines;
use gongwen_core::source::read_source;
use gongwen_core::{ReadLimits, Segmenter, analyze_report};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: profile_phases DIRECTORY [ROUNDS]";
    let directory = args.next().ok_or(usage)?;
    let rounds: u32 = args.next().map_or(Ok(3), |n| n.parse()).map_err(|_| usage)?;
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&directory)? {
        let path = entry?.path();
        if path.is_file() {
            files.push((path.display().to_string(), std::fs::read(&path)?));
        }
    }
    files.sort();
    let bytes: usize = files.iter().map(|(_, content)| content.len()).sum();
    let segmenter = Segmenter::new()?;
    let limits = ReadLimits::default();
    let analyses: Vec<_> =
        files.iter().filter_map(|(name, content)| analyze_report(name, content, &segmenter).ok()).collect();
    println!("{} files, {:.1} MB, {} analysed, {rounds} rounds", files.len(), bytes as f64 / 1e6, analyses.len());

    let raw_jieba = jieba_rs::Jieba::with_dict(&mut include_str!("../data/jieba-dict.txt").as_bytes())?;
    let mut phases: Vec<(&str, Duration)> = Vec::new();
    let mut time = |name, run: &mut dyn FnMut() -> usize| {
        let started = Instant::now();
        let mut checksum = 0;
        for _ in 0..rounds {
            checksum += std::hint::black_box(run());
        }
        phases.push((name, started.elapsed() / rounds));
        checksum
    };
    time("jieba cut (reference)", &mut || {
        analyses.iter().map(|a| raw_jieba.cut(std::hint::black_box(&a.cleaned.text), true).len()).sum()
    });
    let whole = time("analyze_report (whole)", &mut || {
        files.iter().filter_map(|(name, content)| analyze_report(name, content, &segmenter).ok()).map(|a| a.chars).sum()
    });
    time("decode+clean", &mut || {
        files
            .iter()
            .filter_map(|(name, content)| read_source(name, content, &limits).ok())
            .map(|document| clean_lines(document.lines, document.removed).text.len())
            .sum()
    });
    for (name, phase) in phases::PHASES {
        time(name, &mut || analyses.iter().map(|a| phase(&segmenter, a)).sum());
    }
    std::hint::black_box(whole);

    let parts: Duration = phases.iter().skip(2).filter(|(name, _)| *name != "segment").map(|(_, d)| *d).sum();
    for (name, duration) in &phases {
        let seconds = duration.as_secs_f64();
        println!(
            "{name:<26} {:>9.1} ms {:>8.1} MB/s {:>5.1}%",
            seconds * 1e3,
            bytes as f64 / 1e6 / seconds,
            100.0 * seconds / parts.as_secs_f64()
        );
    }
    Ok(())
}
