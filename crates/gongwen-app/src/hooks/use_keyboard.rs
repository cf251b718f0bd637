//! `use_keyboard`: listens for the page's shortcuts (`keyboard.rs`) on the
//! whole document, so that they work wherever the focus is — except in a
//! field (input, textarea, select, editable text), where keys are typed,
//! and with Ctrl, Alt or ⌘ held, where they are the browser's.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::keyboard::{KeyCommand, KeyTargets, command_for};

/// Whether a key pressed in `target` is typed there.
fn typed_in_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|target| target.dyn_into::<HtmlElement>().ok()) else { return false };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || element.is_content_editable()
}

/// Calls `on_command` with the command of each shortcut pressed, for what
/// `targets` says the keys reach now. The document's listener is added once;
/// each render only leaves it the latest targets and callback.
#[hook]
pub fn use_keyboard(targets: KeyTargets, on_command: Callback<KeyCommand>) {
    let latest = use_mut_ref(|| (KeyTargets::default(), Callback::noop()));
    *latest.borrow_mut() = (targets, on_command);
    use_effect_with((), move |()| {
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() || typed_in_field(event.target()) {
                return;
            }
            let found = {
                let latest = latest.borrow();
                command_for(&event.key(), &latest.0).map(|command| (command, latest.1.clone()))
            };
            if let Some((command, on_command)) = found {
                event.prevent_default();
                on_command.emit(command);
            }
        });
        let document = web_sys::window().and_then(|window| window.document());
        if let Some(document) = &document {
            let _ = document.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(document) = document {
                let _ = document.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
        }
    });
}
