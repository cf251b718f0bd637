//! Benchmarks of the readers on 200-page documents: a Word document (seed
//! 002's automatically numbered .docx with its body repeated) and a PDF
//! (the text items of seed 002's PDF repeated to 201 pages), read alone and
//! analysed whole. Run with `cargo bench -p gongwen-core --bench readers`.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::io::{Cursor, Read, Write};
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gongwen_core::source::docx::read_docx;
use gongwen_core::source::pdf_text::{PdfPage, read_pdf_text};
use gongwen_core::{ReadLimits, Segmenter, analyze_pdf_report, analyze_report};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/formats").join(path))
        .expect("a fixture")
}

/// Seed 002's .docx with its body's paragraphs repeated `copies` times.
fn long_docx(copies: usize) -> Vec<u8> {
    let source = fixture("002.autonum.docx");
    let mut archive = zip::ZipArchive::new(Cursor::new(source)).expect("a docx");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("an entry");
        let name = entry.name().to_owned();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("readable");
        if name == "word/document.xml" {
            let text = String::from_utf8(content).expect("UTF-8");
            let start = text.find("<w:body>").expect("a body") + "<w:body>".len();
            let end = text.rfind("<w:sectPr").unwrap_or_else(|| text.rfind("</w:body>").expect("a body"));
            let body = &text[start..end];
            content = format!("{}{}{}", &text[..start], body.repeat(copies), &text[end..]).into_bytes();
        }
        out.start_file(name, options).expect("an entry");
        out.write_all(&content).expect("written");
    }
    out.finish().expect("a zip").into_inner()
}

fn readers(c: &mut Criterion) {
    let segmenter = Segmenter::new().expect("segmenter");
    let limits = ReadLimits::default();
    let mut group = c.benchmark_group("readers");
    // Seed 002 is about 3 pages of A4: 67 copies make 200 pages.
    let docx = long_docx(67);
    group.throughput(Throughput::Bytes(docx.len() as u64));
    group.bench_function("read_docx/200_pages", |b| b.iter(|| read_docx(black_box(&docx), &limits).expect("read")));
    group.bench_function("analyze_report/docx_200_pages", |b| {
        b.iter(|| analyze_report("long.docx", black_box(&docx), &segmenter).expect("analysis"))
    });
    let three: Vec<PdfPage> = serde_json::from_slice(&fixture("002.pdf.items.json")).expect("items");
    let pages: Vec<PdfPage> = three.iter().cycle().take(201).cloned().collect();
    let text_bytes: usize = pages.iter().flat_map(|page| &page.items).map(|item| item.text.len()).sum();
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.bench_function("read_pdf_text/201_pages", |b| {
        b.iter(|| read_pdf_text(black_box(&pages), pages.len(), &limits).expect("read"))
    });
    group.bench_function("analyze_pdf_report/201_pages", |b| {
        b.iter(|| {
            analyze_pdf_report("long.pdf", black_box(&pages), pages.len(), &segmenter, &limits).expect("analysis")
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = readers
}
criterion_main!(benches);
