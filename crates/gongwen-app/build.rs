//! Embeds the sample reports of `seeds/` into the page: generates a table of
//! (file name, bytes) that `samples.rs` includes.

use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let seeds = manifest_dir.join("../../seeds");
    println!("cargo::rerun-if-changed={}", seeds.display());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .expect("seeds/ is readable")
        .map(|entry| entry.expect("a seeds/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let mut table = String::from("&[\n");
    for path in paths {
        let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
        let absolute = path.canonicalize().expect("a seed path");
        writeln!(table, "    ({name:?}, include_bytes!({:?})),", absolute.display().to_string())
            .expect("writing to a String");
    }
    table.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("samples.rs");
    std::fs::write(out, table).expect("OUT_DIR is writable");
}
