//! Entry point of the page's wasm module.

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<gongwen_app::app::App>::new().render();
}
