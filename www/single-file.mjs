// Makes the single-file build, dist/gongwen-lens.html, from the built page in
// dist/: one HTML file that runs opened from disk (file://) with no server,
// for offline and intranet machines. Called by .ci/build-web.
//
// - The page's entry (www/offline-runtime.js, then main.js with the
//   wasm-bindgen glue and its snippets) and each worker's bootstrap with its
//   glue are bundled by esbuild (its wasm build, from npm). Where the served
//   build says `new URL('./NAME.wasm', import.meta.url)`, the bundles call
//   `__gongwenAsset('NAME.wasm')`, which the runtime answers from the HTML.
// - The wasm modules and the worker bundles are base64 in data elements
//   (`<script type="application/octet-stream">`, never run); the runtime
//   starts the workers from Blob URLs, as classic workers (Chromium starts no
//   module worker from a Blob URL of a file:// page).
// - ECharts and the style sheet are inlined; pdf.js is not (a dropped PDF gets
//   a message instead).
// - The Content-Security-Policy stays strict: scripts and the style sheet by
//   their SHA-256 hashes, 'wasm-unsafe-eval' for the wasm, workers from blob:
//   only, and nothing fetched from anywhere.
//
// Usage: node www/single-file.mjs [DIST]
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild-wasm';
import { SINGLE_FILE } from './precompress.mjs';

const WWW = dirname(fileURLToPath(import.meta.url));


/** The worker bootstraps the page starts, by the name it gives `new Worker`. */
const WORKERS = ['worker.js', 'compare-worker.js'];

/** `new URL('./NAME.wasm', import.meta.url)`, as the bootstraps and the glue write it. */
const WASM_URL = /new URL\(\s*(['"])(?:\.\/)?([\w.-]+\.wasm)\1\s*,\s*import\.meta\.url\s*\)/g;

/** Runs first in a worker bundle: the assets arrive as the worker's first message. */
const WORKER_PRELUDE = `const gongwenAssets = new Promise((resolve) => {
  self.addEventListener('message', (event) => resolve(event.data.gongwenAssets), { once: true });
});
globalThis.__gongwenAsset = (name) => gongwenAssets.then((assets) => assets[name]);
`;

/** An esbuild plugin that swaps wasm URLs for `__gongwenAsset` calls and records the names. */
function inlineWasmUrls(names) {
  return {
    name: 'inline-wasm-urls',
    setup(build) {
      build.onLoad({ filter: /\.m?js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const contents = source.replace(WASM_URL, (_, _quote, name) => {
          names.add(name);
          return `__gongwenAsset(${JSON.stringify(name)})`;
        });
        return { contents, loader: 'js' };
      });
    },
  };
}

/**
 * Bundles `entry` into one script of `format` ('esm' or 'iife'), after the
 * modules of `before` and the code of `banner` (which runs before any
 * module); returns { code, wasm }.
 */
async function bundle(dist, { entry, format, before = [], banner = '' }) {
  const wasm = new Set();
  const imports = [...before, `./${entry}`].map((path) => `import ${JSON.stringify(path)};`).join('\n');
  const result = await esbuild.build({
    stdin: { contents: imports, resolveDir: dist, sourcefile: `${entry}.bundle.js` },
    banner: { js: banner },
    bundle: true,
    format,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
    plugins: [inlineWasmUrls(wasm)],
  });
  return { code: result.outputFiles[0].text, wasm: [...wasm] };
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Text that may stand inside a <script> or <style> element as is. */
function inlineable(text, what) {
  if (/<\/(script|style)|<!--/i.test(text)) throw new Error(`${what} holds </script>, </style> or <!--: cannot inline it`);
  return text;
}

/** Builds dist/gongwen-lens.html; returns its size in bytes. */
export async function buildSingleFile(distDir) {
  const dist = resolve(distDir);
  const read = (name) => readFile(join(dist, name));
  const text = async (name) => (await read(name)).toString('utf8');

  const page = await bundle(dist, { entry: 'main.js', format: 'esm', before: [join(WWW, 'offline-runtime.js')] });
  // Classic workers: Chromium will not start a module worker from a Blob URL
  // made by a file:// page. The bootstraps' only use of import.meta is replaced.
  const workers = {};
  for (const script of WORKERS) {
    workers[script] = await bundle(dist, { entry: script, format: 'iife', banner: WORKER_PRELUDE });
    // The worker waits for its modules as its first message: it must name one.
    if (workers[script].wasm.length === 0) throw new Error(`${script} no longer loads its wasm as new URL('./NAME.wasm', import.meta.url)`);
  }

  const classicScripts = [
    await text('vendor/echarts.min.js'),
    await text('vendor/echarts-wordcloud.min.js'),
  ].map((code, index) => inlineable(code, `vendor script ${index}`));
  const moduleScript = inlineable(page.code, 'the page bundle');
  const style = inlineable(await text('style.css'), 'style.css');
  const favicon = `data:image/svg+xml;base64,${(await read('favicon.svg')).toString('base64')}`;

  const policy = [
    "default-src 'none'",
    `script-src ${[...classicScripts, moduleScript].map(sha256).join(' ')} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    'img-src data: blob:',
    `style-src ${sha256(style)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const assets = [];
  const workerModules = {};
  for (const name of page.wasm) assets.push([name, await read(name)]);
  for (const [script, { code, wasm }] of Object.entries(workers)) {
    assets.push([script, Buffer.from(code, 'utf8')]);
    workerModules[script] = wasm;
    for (const name of wasm) assets.push([name, await read(name)]);
  }

  const head = (await text('index.html'))
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${policy}">`)
    .replace(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${favicon}" type="image/svg+xml">`)
    .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${style}</style>`)
    // Everything is inlined: nothing to fetch ahead.
    .replace(/\s*<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace(/<script type="module" src="main.js"><\/script>/, () => [
      ...classicScripts.map((code) => `<script>${code}</script>`),
      `<script type="module">${moduleScript}</script>`,
    ].join('\n  '));
  if (!head.includes(moduleScript) || !head.includes(policy)) throw new Error('index.html no longer has the expected tags');
  const data = [
    `<script type="application/json" data-worker-modules>${JSON.stringify(workerModules)}</script>`,
    ...assets.map(([name, bytes]) => `<script type="application/octet-stream" data-asset="${name}">${bytes.toString('base64')}</script>`),
  ].join('\n');
  const html = head.replace('</head>', () => `${data}\n</head>`);
  await writeFile(join(dist, SINGLE_FILE), html);
  return Buffer.byteLength(html);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size = await buildSingleFile(process.argv[2] ?? 'dist');
  console.log(`built dist/${SINGLE_FILE} (${(size / 1e6).toFixed(1)} MB): the whole page in one file, for use without a server`);
}
