//! Entry point of the comparison worker's wasm module (loaded by
//! `compare-worker.js`).

fn main() {
    gongwen_app::compare_worker::run_compare_worker();
}
