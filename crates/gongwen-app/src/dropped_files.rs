//! The files of a drop, dropped folders walked (through
//! `js/dropped_files.js`, which uses the File and Directory Entries API and
//! skips hidden and system files), each with its path inside the drop.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/js/dropped_files.js")]
extern "C" {
    #[wasm_bindgen(js_name = droppedFiles)]
    fn dropped_files_promise(data_transfer: &web_sys::DataTransfer) -> js_sys::Promise;
}

/// The dropped files with their paths (`folder/sub/file.docx`), folders in
/// name order.
pub async fn dropped_files(data_transfer: &web_sys::DataTransfer) -> Vec<(String, web_sys::File)> {
    let Ok(list) = JsFuture::from(dropped_files_promise(data_transfer)).await else { return Vec::new() };
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|entry| {
            let path = js_sys::Reflect::get(&entry, &"path".into()).ok()?.as_string()?;
            let file = js_sys::Reflect::get(&entry, &"file".into()).ok()?.dyn_into::<web_sys::File>().ok()?;
            Some((path, file))
        })
        .collect()
}
