// The runtime of the single-file build (dist/gongwen-lens.html, made by
// www/single-file.mjs): bundled before main.js, it serves the page's files
// from the HTML itself, so the page runs opened from disk with no server.
//
// The wasm modules and the bundled worker scripts are base64 in
// <script type="application/octet-stream" data-asset="NAME"> elements (data,
// never run, so the CSP needs no exception). `__gongwenAsset(NAME)` gives a
// module's bytes; the bundles call it where the served build has
// `new URL('./NAME', import.meta.url)`. `new Worker('./worker.js')` starts the
// inlined worker from a Blob URL and first sends it the bytes of its wasm
// module, which the worker's bundle waits for (see single-file.mjs).

/** Decoded assets by name, each decoded once. */
const decoded = new Map();

/** The bytes of the inlined asset `name`. */
function asset(name) {
  if (!decoded.has(name)) {
    const element = [...document.querySelectorAll('script[data-asset]')].find((node) => node.dataset.asset === name);
    if (!element) throw new Error(`单文件版缺少 ${name}`);
    const text = element.textContent.trim();
    let bytes;
    if (typeof Uint8Array.fromBase64 === 'function') {
      bytes = Uint8Array.fromBase64(text);
    } else {
      const binary = atob(text);
      bytes = new Uint8Array(binary.length);
      for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    }
    decoded.set(name, bytes);
  }
  return decoded.get(name);
}

globalThis.__gongwenAsset = asset;

/** The Blob URL of each inlined worker script, made on first use. */
const workerUrls = new Map();

function workerUrl(script) {
  if (!workerUrls.has(script)) {
    const source = new Blob([asset(script)], { type: 'text/javascript' });
    workerUrls.set(script, URL.createObjectURL(source));
  }
  return workerUrls.get(script);
}

/** The wasm module each inlined worker script starts (written by single-file.mjs). */
const WORKER_MODULES = JSON.parse(document.querySelector('script[data-worker-modules]').textContent);

const NativeWorker = globalThis.Worker;

/** `Worker`, starting the inlined scripts from Blob URLs; any other script as usual. */
globalThis.Worker = class InlineWorker extends NativeWorker {
  constructor(url, options) {
    const script = String(url).split(/[?#]/)[0].split('/').pop();
    const modules = WORKER_MODULES[script];
    if (!modules) {
      super(url, options);
      return;
    }
    // Classic: Chromium starts no module worker from a Blob URL of a file:// page.
    super(workerUrl(script), { ...options, type: 'classic' });
    // The first message, before any of the page's: the worker's bundle waits for it.
    this.postMessage({ gongwenAssets: Object.fromEntries(modules.map((name) => [name, asset(name)])) });
  }
};

// pdf.js is not inlined (it would add several megabytes): a dropped PDF is
// refused with this message (crates/gongwen-app/js/pdf_text.js).
globalThis.gongwenPdfUnavailable =
  '离线单文件版不含 PDF 阅读器，无法读取 PDF；请将其另存为 Word 文档（.docx）或纯文本（.txt）后再拖入，或使用完整版页面';
