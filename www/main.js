// Starts the page's wasm module (built by wasm-bindgen into gongwen-app.js).
import init from './gongwen-app.js';

init({ module_or_path: new URL('./gongwen-app_bg.wasm', import.meta.url) }).catch((error) => {
  document.body.textContent = '公文透镜无法启动：' + error;
});
