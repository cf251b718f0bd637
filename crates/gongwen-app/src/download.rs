//! Offering text the page made (a vocabulary file, a CSV table) as a
//! download, through a Blob URL: nothing leaves the machine.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlAnchorElement;

/// Offers `text` as a download named `name` of MIME type `mime`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    offer(name, mime, &JsValue::from_str(text))
}

/// Offers a CSV table the core wrote as a download named `name`; a refusal
/// of the browser is logged.
pub fn offer_csv(name: &str, csv: &str) {
    if let Err(error) = download(name, "text/csv;charset=utf-8", csv) {
        web_sys::console::error_3(&"gongwen: could not offer".into(), &name.into(), &error);
    }
}

/// Offers `bytes` (a workbook) as a download named `name` of MIME type `mime`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    offer(name, mime, &js_sys::Uint8Array::from(bytes))
}

/// Offers one part (a string or bytes) as a download.
fn offer(name: &str, mime: &str, part: &JsValue) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)
}
