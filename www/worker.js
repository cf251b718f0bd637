// The analysis worker's bootstrap: a module worker that starts the
// gongwen-worker wasm module, whose main() loads the dictionary and answers
// the page's messages.
import init from './gongwen-worker.js';

init({ module_or_path: new URL('./gongwen-worker_bg.wasm', import.meta.url) }).catch((error) => {
  self.postMessage({ Broken: { message: '分析线程无法启动：' + error } });
});
