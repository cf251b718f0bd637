//! `use_pane_sizes`: the pane sizes the user dragged, restored from
//! localStorage when the page opens, applied as CSS custom properties on the
//! root element, and stored again on every change.
//!
//! The properties are set through the CSSOM (`style.setProperty`), which the
//! page's Content-Security-Policy does not govern; a `style` attribute would
//! be refused.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::local_storage::{local_storage, read};
use crate::pane_sizes::{Pane, PaneSizes};

/// The localStorage key; the suffix versions the stored shape.
const STORAGE_KEY: &str = "gongwen-lens.panes.v1";

fn load() -> PaneSizes {
    read(STORAGE_KEY).map_or_else(PaneSizes::default, |text| PaneSizes::from_json(&text))
}

fn save(sizes: &PaneSizes) {
    let Some(storage) = local_storage() else { return };
    let result = if sizes.is_default() {
        storage.remove_item(STORAGE_KEY)
    } else {
        match serde_json::to_string(sizes) {
            Ok(json) => storage.set_item(STORAGE_KEY, &json),
            Err(_) => return,
        }
    };
    if let Err(error) = result {
        web_sys::console::warn_2(&"gongwen: could not store the pane sizes".into(), &error);
    }
}

/// Sets (or, for `None`, removes) the custom property that sizes `pane`.
pub fn apply_size(pane: Pane, size: Option<f64>) {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(root) = root else { return };
    let style = root.style();
    let _ = match size {
        Some(size) => style.set_property(pane.property(), &format!("{size:.0}px")),
        None => style.remove_property(pane.property()).map(drop),
    };
}

struct SetSize(Pane, Option<u32>);

#[derive(Clone, Copy, Default, PartialEq)]
struct Sizes(PaneSizes);

impl Reducible for Sizes {
    type Action = SetSize;

    fn reduce(self: Rc<Self>, SetSize(pane, size): SetSize) -> Rc<Self> {
        Rc::new(Sizes(self.0.with(pane, size)))
    }
}

/// The pane sizes and the ways to change them.
#[derive(Clone, PartialEq)]
pub struct PaneSizing {
    /// The sizes the user chose.
    pub sizes: PaneSizes,
    /// Shows a pane at a size while it is being dragged (nothing is stored).
    pub preview: Callback<(Pane, f64)>,
    /// Keeps a pane's new size (`None`: back to its default).
    pub commit: Callback<(Pane, Option<u32>)>,
}

/// Restores the stored pane sizes once and returns them with their setters.
#[hook]
pub fn use_pane_sizes() -> PaneSizing {
    let sizes = use_reducer_eq(|| Sizes(load()));
    use_effect_with(sizes.0, |sizes| {
        for pane in Pane::ALL {
            apply_size(pane, sizes.get(pane).map(f64::from));
        }
        save(sizes);
    });
    let preview = use_callback((), |(pane, size): (Pane, f64), _| apply_size(pane, Some(size)));
    let commit = {
        let dispatcher = sizes.dispatcher();
        use_callback((), move |(pane, size): (Pane, Option<u32>), _| {
            // At once, so that the splitter measures the pane at its new size.
            apply_size(pane, size.map(|size| f64::from(pane.clamp(f64::from(size)))));
            dispatcher.dispatch(SetSize(pane, size));
        })
    };
    PaneSizing { sizes: sizes.0, preview, commit }
}
