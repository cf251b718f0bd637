// An analysis worker's bootstrap: a module worker that starts the
// gongwen-worker wasm module, whose main() loads the dictionary and answers
// the page's messages (postcard bytes). The page runs a pool of these. This
// file's own two messages are plain objects (see
// crates/gongwen-app/src/protocol.rs, BootstrapMessage).
import init from './gongwen-worker.js';

// Release builds abort on a Rust panic: the wasm instance traps, the
// exception escapes a message handler, and the instance is dead. Tell the
// page, which replaces this worker and reports the file being analysed.
self.addEventListener('error', (event) => {
  event.preventDefault();
  self.postMessage({ trap: String(event.message || event.error || 'unknown error') });
});

init({ module_or_path: new URL('./gongwen-worker_bg.wasm', import.meta.url) }).then((exports) => {
  // The size of the module's linear memory, for tests/bench/analysis-browser.mjs
  // (wasm memory never shrinks: this is the worker's high-water mark).
  self.gongwenMemoryBytes = () => exports.memory.buffer.byteLength;
}, (error) => {
  self.postMessage({ broken: '分析线程无法启动：' + error });
});
