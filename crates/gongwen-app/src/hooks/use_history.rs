//! `use_history`: the URL's fragment follows where the reviewer is
//! (`place.rs`), each new place a new entry of the browser's history (the
//! first replaces the empty one), so that back and forward walk through the
//! selections; when they do, the fragment's place is handed back.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::place::Place;

/// Keeps the fragment at `place` (nothing while there is no report) and
/// calls `on_place` with the place the browser goes back or forward to.
#[hook]
pub fn use_history(place: Option<Place>, on_place: Callback<Place>) {
    use_effect_with(place, |place| {
        let window = web_sys::window();
        if let (Some(place), Some(window)) = (place, window) {
            let fragment = format!("#{}", place.fragment());
            let current = window.location().hash().unwrap_or_default();
            if current != fragment
                && let Ok(history) = window.history()
            {
                let result = if current.is_empty() {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&fragment))
                } else {
                    history.push_state_with_url(&JsValue::NULL, "", Some(&fragment))
                };
                if let Err(error) = result {
                    web_sys::console::warn_2(&"gongwen: could not record the place".into(), &error);
                }
            }
        }
    });
    // The window's listener is added once; each render leaves it the latest
    // callback.
    let latest = use_mut_ref(Callback::noop);
    *latest.borrow_mut() = on_place;
    use_effect_with((), move |()| {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            if let Some(hash) = web_sys::window().and_then(|window| window.location().hash().ok()) {
                let on_place = latest.borrow().clone();
                on_place.emit(Place::parse(&hash));
            }
        });
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = window {
                let _ = window.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            }
        }
    });
}
