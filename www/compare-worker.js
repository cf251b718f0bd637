// The comparison worker's bootstrap: a module worker that starts the
// gongwen-compare-worker wasm module, which compares the reports the page
// sends (postcard bytes). Its own two messages are plain objects, as the
// analysis worker's (see crates/gongwen-app/src/protocol.rs, BootstrapMessage).
import init from './gongwen-compare-worker.js';

self.addEventListener('error', (event) => {
  event.preventDefault();
  self.postMessage({ trap: String(event.message || event.error || 'unknown error') });
});

init({ module_or_path: new URL('./gongwen-compare-worker_bg.wasm', import.meta.url) }).then((exports) => {
  // The size of the module's linear memory, for tests/bench/analysis-browser.mjs.
  self.gongwenMemoryBytes = () => exports.memory.buffer.byteLength;
}, (error) => {
  self.postMessage({ broken: '比对线程无法启动：' + error });
});
