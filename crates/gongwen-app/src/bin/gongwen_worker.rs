//! Entry point of the analysis worker's wasm module (loaded by `worker.js`).

fn main() {
    gongwen_app::worker::run_worker();
}
