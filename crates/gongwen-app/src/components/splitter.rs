//! A splitter between two panes: dragging it (mouse, pen or touch) resizes
//! the pane beside it, the arrow keys move it by steps, a double-click puts
//! the pane back to its default size. It is a focusable `separator` with its
//! pane's size as `aria-valuenow`, as the WAI-ARIA window splitter pattern
//! describes.
//!
//! While it is dragged the size is only previewed (a CSS custom property);
//! on release the size the pane actually took is kept. The stylesheet's
//! grid keeps the reader at least 320 px wide, so a pane that can grow no
//! further stops following the pointer instead of storing a size it never
//! shows.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::i18n::use_language;
use crate::pane_sizes::{Axis, Pane};

/// How far one arrow key press moves a splitter, in CSS pixels.
const KEY_STEP: f64 = 16.0;

/// How far one arrow key press moves it with Shift held.
const LARGE_KEY_STEP: f64 = 64.0;

/// Properties of [`Splitter`].
#[derive(Properties, PartialEq)]
pub struct SplitterProps {
    /// The pane it resizes: the element just before it or just after it.
    pub pane: Pane,
    /// The pane's kept size (`None`: the stylesheet's default).
    pub size: Option<u32>,
    /// Shows the pane at a size while it is dragged.
    pub on_preview: Callback<(Pane, f64)>,
    /// Keeps the pane's new size (`None`: back to its default).
    pub on_commit: Callback<(Pane, Option<u32>)>,
}

/// A drag in progress.
struct Drag {
    pointer: i32,
    /// The pointer's coordinate along the splitter's axis.
    origin: f64,
    /// The pane's size when the drag began, adjusted when the pane stops
    /// following (so that moving back moves it at once).
    start: f64,
    moved: bool,
}

/// The pane `splitter` resizes.
fn pane_element(splitter: &HtmlElement, pane: Pane) -> Option<HtmlElement> {
    let sibling =
        if pane.is_before_splitter() { splitter.previous_element_sibling() } else { splitter.next_element_sibling() };
    sibling?.dyn_into::<HtmlElement>().ok()
}

/// The pane's rendered size along the splitter's axis.
fn measure(element: &HtmlElement, pane: Pane) -> f64 {
    let rect = element.get_bounding_client_rect();
    match pane.axis() {
        Axis::Horizontal => rect.width(),
        Axis::Vertical => rect.height(),
    }
}

/// The pointer's coordinate along `pane`'s axis.
fn coordinate(event: &MouseEvent, pane: Pane) -> f64 {
    f64::from(match pane.axis() {
        Axis::Horizontal => event.client_x(),
        Axis::Vertical => event.client_y(),
    })
}

/// How much the pane grows when the splitter moves by `delta` along its axis.
fn growth(pane: Pane, delta: f64) -> f64 {
    if pane.is_before_splitter() { delta } else { -delta }
}

/// Shows `pane` at `wanted` (kept within its limits) and returns the size it
/// took: less when the layout has no more room.
fn resize_to(element: &HtmlElement, pane: Pane, wanted: f64, on_preview: &Callback<(Pane, f64)>) -> f64 {
    on_preview.emit((pane, f64::from(pane.clamp(wanted))));
    measure(element, pane)
}

/// A splitter beside `props.pane`.
#[component]
pub fn Splitter(props: &SplitterProps) -> Html {
    let language = use_language();
    let node = use_node_ref();
    let drag: Rc<RefCell<Option<Drag>>> = use_mut_ref(|| None);
    // The rendered size, for aria-valuenow: the kept size or, by default,
    // what the stylesheet gave the pane.
    let shown = use_state_eq(|| props.size.map(f64::from));
    {
        let node = node.clone();
        let shown = shown.clone();
        let pane = props.pane;
        use_effect_with(props.size, move |_| {
            let element = node.cast::<HtmlElement>().and_then(|splitter| pane_element(&splitter, pane));
            if let Some(element) = element {
                shown.set(Some(measure(&element, pane).round()));
            }
        });
    }
    let pane = props.pane;
    let target = {
        let node = node.clone();
        move || node.cast::<HtmlElement>().and_then(|splitter| pane_element(&splitter, pane))
    };
    let commit = {
        let on_preview = props.on_preview.clone();
        let on_commit = props.on_commit.clone();
        let shown = shown.clone();
        move |element: &HtmlElement| {
            let size = measure(element, pane);
            // What the pane shows is what is kept, never more.
            on_preview.emit((pane, size.round()));
            shown.set(Some(size.round()));
            on_commit.emit((pane, Some(pane.clamp(size))));
        }
    };

    let on_pointer_down = {
        let drag = drag.clone();
        let node = node.clone();
        let target = target.clone();
        Callback::from(move |event: PointerEvent| {
            if event.button() != 0 {
                return;
            }
            let Some(element) = target() else { return };
            event.prevent_default();
            // Yew delegates events, so the splitter is found by its ref, not
            // as the event's current target.
            if let Some(splitter) = node.cast::<HtmlElement>() {
                let _ = splitter.set_pointer_capture(event.pointer_id());
                let _ = splitter.focus();
            }
            set_resizing(pane, true);
            *drag.borrow_mut() = Some(Drag {
                pointer: event.pointer_id(),
                origin: coordinate(&event, pane),
                start: measure(&element, pane),
                moved: false,
            });
        })
    };
    let on_pointer_move = {
        let drag = drag.clone();
        let target = target.clone();
        let on_preview = props.on_preview.clone();
        Callback::from(move |event: PointerEvent| {
            let mut drag = drag.borrow_mut();
            let Some(state) = drag.as_mut().filter(|state| state.pointer == event.pointer_id()) else { return };
            let Some(element) = target() else { return };
            let wanted = state.start + growth(pane, coordinate(&event, pane) - state.origin);
            state.moved = true;
            let took = resize_to(&element, pane, wanted, &on_preview);
            let wanted = f64::from(pane.clamp(wanted));
            if wanted > took + 1.0 {
                // No more room: the pane stays where it stopped.
                state.start -= wanted - took;
            }
        })
    };
    let on_pointer_end = {
        let drag = drag.clone();
        let target = target.clone();
        let commit = commit.clone();
        Callback::from(move |event: PointerEvent| {
            let ended = drag.borrow_mut().take_if(|state| state.pointer == event.pointer_id());
            let Some(state) = ended else { return };
            set_resizing(pane, false);
            if state.moved
                && let Some(element) = target()
            {
                commit(&element);
            }
        })
    };
    let on_key = {
        let target = target.clone();
        let on_preview = props.on_preview.clone();
        let commit = commit.clone();
        Callback::from(move |event: KeyboardEvent| {
            let step = if event.shift_key() { LARGE_KEY_STEP } else { KEY_STEP };
            let delta = match (pane.axis(), event.key().as_str()) {
                (Axis::Horizontal, "ArrowLeft") | (Axis::Vertical, "ArrowUp") => -step,
                (Axis::Horizontal, "ArrowRight") | (Axis::Vertical, "ArrowDown") => step,
                _ => return,
            };
            event.prevent_default();
            let Some(element) = target() else { return };
            resize_to(&element, pane, measure(&element, pane) + growth(pane, delta), &on_preview);
            commit(&element);
        })
    };
    let on_double_click = props.on_commit.reform(move |_: MouseEvent| (pane, None));

    let (min, max) = pane.limits();
    let orientation = match pane.axis() {
        // A splitter between columns is a vertical line.
        Axis::Horizontal => "vertical",
        Axis::Vertical => "horizontal",
    };
    html! {
        <div
            ref={node}
            class={classes!("splitter", format!("splitter-{orientation}"))}
            role="separator"
            tabindex="0"
            aria-orientation={orientation}
            aria-label={language.pick(format!("调整{}", pane.label(language)), format!("Resize {}", pane.label(language)))}
            aria-valuemin={min.to_string()}
            aria-valuemax={max.to_string()}
            aria-valuenow={shown.map(|size| format!("{size:.0}"))}
            title={language.pick(
                format!("拖动或用方向键调整{}；双击恢复默认", pane.label(language)),
                format!("Drag, or use the arrow keys, to change {}; double-click for the default", pane.label(language)),
            )}
            data-pane={pane.property().trim_start_matches("--").to_owned()}
            onpointerdown={on_pointer_down}
            onpointermove={on_pointer_move}
            onpointerup={on_pointer_end.clone()}
            onpointercancel={on_pointer_end}
            onkeydown={on_key}
            ondblclick={on_double_click}
        />
    }
}

/// Marks the page while a splitter is dragged: no text is selected and the
/// cursor stays the splitter's over every pane.
fn set_resizing(pane: Pane, on: bool) {
    let root = web_sys::window().and_then(|window| window.document()).and_then(|document| document.document_element());
    let Some(root) = root else { return };
    let class = match pane.axis() {
        Axis::Horizontal => "resizing-columns",
        Axis::Vertical => "resizing-rows",
    };
    let _ = if on { root.class_list().add_1(class) } else { root.class_list().remove_1(class) };
}
