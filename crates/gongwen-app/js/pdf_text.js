// The page's PDF reader: pdf.js (from npm, served from vendor/pdfjs/ with its
// worker, CJK cMaps and standard fonts; never a CDN) extracts each page's
// text items, which the Rust core turns into paragraphs. pdf.js is loaded
// only when the first PDF arrives.
//
// extractPdfText(bytes, maxPages, onProgress) resolves to
//   { pages: [{ width, height, items: [{ text, x, y, width, size }] }], totalPages }
// and rejects with { kind: 'encrypted' | 'corrupt', message }.

let pdfjs = null;

async function loadPdfjs() {
  // The single-file build (www/offline-runtime.js) has no pdf.js: it says so
  // here, in words users read, instead of failing to fetch it.
  if (globalThis.gongwenPdfUnavailable) {
    throw { kind: 'unavailable', message: globalThis.gongwenPdfUnavailable };
  }
  if (pdfjs === null) {
    const base = new URL('vendor/pdfjs/', document.baseURI);
    pdfjs = await import(new URL('pdf.min.mjs', base).href);
    pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', base).href;
  }
  return pdfjs;
}

export async function extractPdfText(bytes, maxPages, onProgress) {
  const lib = await loadPdfjs();
  const base = new URL('vendor/pdfjs/', document.baseURI);
  const task = lib.getDocument({
    data: bytes,
    cMapUrl: new URL('cmaps/', base).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('standard_fonts/', base).href,
    wasmUrl: new URL('wasm/', base).href,
    isEvalSupported: false,
    disableFontFace: true,
    enableXfa: false,
    stopAtErrors: false,
  });
  // A password-protected PDF asks for a password: refuse instead of waiting.
  task.onPassword = () => {
    task.destroy();
  };
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = error && error.name;
    if (name === 'PasswordException' || /password/i.test(String(error && error.message))) {
      throw { kind: 'encrypted', message: String(error && error.message) };
    }
    throw { kind: 'corrupt', message: String((error && error.message) || error) };
  }
  try {
    const totalPages = pdf.numPages;
    const count = Math.min(totalPages, maxPages);
    // Pages are asked for a window at a time: pdf.js's worker answers one
    // request after another, and keeping several in flight hides the round
    // trips between the two threads.
    const WINDOW = 16;
    const pages = new Array(count);
    let done = 0;
    let lastProgress = 0;
    const readPage = async (number) => {
      const page = await pdf.getPage(number);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        items.push({
          text: item.str,
          x: item.transform[4],
          y: item.transform[5],
          width: item.width,
          size: Math.hypot(item.transform[2], item.transform[3]) || item.height,
        });
      }
      pages[number - 1] = { width: view.width, height: view.height, items };
      page.cleanup();
      done += 1;
      // Progress at most ten times a second: each report re-renders the list.
      const now = performance.now();
      if (done === count || now - lastProgress > 100) {
        lastProgress = now;
        onProgress(done, count);
      }
    };
    for (let first = 1; first <= count; first += WINDOW) {
      const batch = [];
      for (let number = first; number < first + WINDOW && number <= count; number++) batch.push(readPage(number));
      await Promise.all(batch);
    }
    return { pages, totalPages };
  } finally {
    task.destroy();
  }
}
