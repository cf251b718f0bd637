//! The page's PDF reader: pdf.js (through `js/pdf_text.js`) extracts each
//! page's text items; the core's `pdf_text` reader, in the worker, rebuilds
//! the paragraphs. pdf.js and its worker, cMaps and fonts are served from
//! `vendor/pdfjs/` and loaded only when the first PDF arrives.
//!
//! **API boundary:** the items cross from JavaScript as plain objects read
//! with `serde-wasm-bindgen` into the core's `PdfPage`.

use gongwen_core::ReadError;
use gongwen_core::source::limits::ReadLimits;
use gongwen_core::source::pdf_text::PdfPage;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Bilingual;

#[wasm_bindgen(module = "/js/pdf_text.js")]
extern "C" {
    #[wasm_bindgen(js_name = extractPdfText)]
    fn extract_pdf_text(bytes: &js_sys::Uint8Array, max_pages: u32, on_progress: &js_sys::Function) -> js_sys::Promise;
}

/// What `extractPdfText` resolves to.
#[derive(Deserialize)]
struct Extracted {
    pages: Vec<PdfPage>,
    #[serde(rename = "totalPages")]
    total_pages: u32,
}

/// What `extractPdfText` rejects with.
#[derive(Deserialize)]
struct Failure {
    kind: String,
    message: String,
}

/// The text items of a PDF's pages (at most the limit's page count) and its
/// total page count. `on_progress(done, total)` is called after each page.
pub async fn extract_pdf_pages(
    bytes: &[u8],
    limits: &ReadLimits,
    on_progress: impl Fn(u32, u32) + 'static,
) -> Result<(Vec<PdfPage>, u32), Bilingual> {
    let progress = Closure::<dyn Fn(u32, u32)>::new(on_progress);
    let array = js_sys::Uint8Array::from(bytes);
    let promise = extract_pdf_text(&array, limits.max_pdf_pages, progress.as_ref().unchecked_ref());
    let result = JsFuture::from(promise).await;
    drop(progress);
    match result {
        Ok(value) => {
            let extracted: Extracted = serde_wasm_bindgen::from_value(value).map_err(|error| {
                Bilingual::new(
                    format!("PDF 文字无法读取：{error}"),
                    format!("The PDF's text could not be read: {error}"),
                )
            })?;
            Ok((extracted.pages, extracted.total_pages))
        }
        Err(error) => Err(match serde_wasm_bindgen::from_value::<Failure>(error.clone()) {
            Ok(failure) if failure.kind == "encrypted" => ReadError::Encrypted { format: "PDF " }.into(),
            // The single-file build has no PDF reader: its own message, which
            // says what to do instead.
            Ok(failure) if failure.kind == "unavailable" => Bilingual::new(
                failure.message,
                "The offline single-file page has no PDF reader: save the PDF as .docx or .txt, or use the full page",
            ),
            Ok(failure) => ReadError::Corrupt { format: "PDF ", detail: failure.message }.into(),
            Err(_) => ReadError::Corrupt { format: "PDF ", detail: format!("{error:?}") }.into(),
        }),
    }
}
