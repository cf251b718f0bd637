//! Writes a stack of generated work reports as `.txt` files, to time the CLI
//! on 100, 1,000 or 10,000 reports:
//!
//! ```text
//! cargo run --release -p gongwen-core --example generate_reports -- 1000 /tmp/reports-1000 [chars]
//! ```
//!
//! Each report has about `chars` characters (8,000 unless given); see
//! `benches/generated/mod.rs` for how they are made.

#[path = "../benches/generated/mod.rs"]
#[allow(dead_code)]
mod generated;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate_reports COUNT DIRECTORY [CHARS]";
    let count: usize = args.next().and_then(|n| n.parse().ok()).expect(usage);
    let directory = PathBuf::from(args.next().expect(usage));
    let chars: usize = args.next().map_or(8_000, |n| n.parse().expect(usage));
    std::fs::create_dir_all(&directory)?;
    let mut bytes = 0;
    for (index, text) in generated::work_reports(count, chars).iter().enumerate() {
        bytes += text.len();
        std::fs::write(directory.join(format!("report-{index:05}.txt")), text)?;
    }
    println!("{count} reports, {bytes} bytes in {}", directory.display());
    Ok(())
}
