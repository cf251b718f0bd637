//! The files of a drop, dropped folders walked (through
//! `www/dropped_files.js`, which uses the File and Directory Entries API and
//! skips hidden and system files), each with its path inside the drop; and
//! the drops `main.js` took before the page mounted its drop zone.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

// Served next to index.html, the same module main.js imports: not a
// snippet of this crate, whose copy would be a second module.
#[wasm_bindgen(raw_module = "./dropped_files.js")]
extern "C" {
    /// The files of `data_transfer`; with none, the early drops.
    #[wasm_bindgen(js_name = droppedFiles)]
    fn dropped_files_promise(data_transfer: Option<&web_sys::DataTransfer>) -> js_sys::Promise;
}

/// The dropped files, each with its path (`folder/sub/file.docx`), folders
/// in name order: as [`load_in_batches`](crate::incoming_file::load_in_batches)
/// takes them.
pub async fn dropped_files(data_transfer: &web_sys::DataTransfer) -> Vec<(web_sys::File, Option<String>)> {
    files_of(dropped_files_promise(Some(data_transfer))).await
}

/// The files dropped on the page before its drop zone was mounted (main.js
/// holds them), as [`dropped_files`] gives them; each only once.
pub async fn early_drops() -> Vec<(web_sys::File, Option<String>)> {
    files_of(dropped_files_promise(None)).await
}

/// The `[{ path, file }]` a promise of `dropped_files.js` resolves to.
async fn files_of(promise: js_sys::Promise) -> Vec<(web_sys::File, Option<String>)> {
    let Ok(list) = JsFuture::from(promise).await else { return Vec::new() };
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|entry| {
            let path = js_sys::Reflect::get(&entry, &"path".into()).ok()?.as_string()?;
            let file = js_sys::Reflect::get(&entry, &"file".into()).ok()?.dyn_into::<web_sys::File>().ok()?;
            Some((file, Some(path)))
        })
        .collect()
}
