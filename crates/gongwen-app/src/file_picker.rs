//! Opening a hidden `<input type="file">` from a visible button, which is
//! how the page offers "choose a file" with its own styling.

use web_sys::HtmlInputElement;
use yew::{Callback, MouseEvent, NodeRef};

/// A click handler that opens the file picker of the input behind `input`.
pub fn open_file_picker(input: NodeRef) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        if let Some(input) = input.cast::<HtmlInputElement>() {
            input.click();
        }
    })
}
