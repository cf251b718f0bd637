//! The browser's localStorage, where the page keeps the user's choices (the
//! vocabulary, pane sizes, the theme scheme). Every access may fail (private
//! mode, storage disabled, quota): a failed read is "nothing stored", a
//! failed write only loses the preference.

/// The page's localStorage, if the browser gives access to it.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value stored under `key`, if any.
pub fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; a refused write (private mode, quota) only
/// loses the preference, with a warning on the console.
pub fn write(key: &str, value: &str) {
    let Some(storage) = local_storage() else { return };
    if let Err(error) = storage.set_item(key, value) {
        web_sys::console::warn_3(&"gongwen: could not store".into(), &key.into(), &error);
    }
}
