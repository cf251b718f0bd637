// Benchmark (run by hand, not in CI): how soon a cold page takes a drop and
// how soon the five seeds' results are shown after dropping them. Usage,
// after `bash .ci/build-web`:
//
//   cd tests && node bench/cold-start.mjs [runs, default 5]
//
// Each run is a fresh browser (empty cache) on the served dist/: the time
// from navigation until drops are taken — first by index.html's shell once
// main.js has run (`earlyDropAfterNavigationMs`: #early-drop gets
// data-ready; a drop then is kept and loaded when the page has mounted),
// then by the drop zone the page's wasm mounts (`dropZone…`) — then a drop
// of the seeds at once on the mounted drop zone and the time until all five
// are analysed (the dictionary loads in the workers meanwhile).
// The drop zone's time is given twice: `dropZoneAfterNavigationMs`, in the
// page's own clock (performance.now(), which starts at the navigation, read
// by a MutationObserver when the drop zone is mounted, then once the task
// that mounted it has ended, when it takes drops); and `dropZoneMs`, from
// the script's call to page.goto() to Playwright seeing the element, which
// adds the browser's start of the navigation and the harness's round trips.
// Prints the runs and their medians as JSON.
import { ROOT, dropFiles, launchChromium, seedFiles } from '../e2e/browser.mjs';
import { startServer } from '../../www/serve.mjs';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 5);
const seeds = await seedFiles();
const { server, url } = await startServer(join(ROOT, 'dist'));
const results = [];
try {
  for (let run = 0; run < runs; run += 1) {
    const browser = await launchChromium();
    const context = await browser.newContext();
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (window.__earlyDropAt === undefined && document.querySelector('#early-drop[data-ready]')) {
          window.__earlyDropAt = performance.now();
        }
        if (!document.querySelector('#drop-zone')) return;
        observer.disconnect();
        // The task that mounted it has ended: its handlers take drops.
        setTimeout(() => { window.__dropZoneAt = performance.now(); });
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
    });
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(url);
    await page.waitForSelector('#drop-zone', { timeout: 30_000 });
    const dropZone = Date.now() - start;
    const dropZoneAfterNavigation = Math.round(await page.waitForFunction(() => window.__dropZoneAt).then((h) => h.jsonValue()));
    const earlyDropAfterNavigation = Math.round(await page.evaluate(() => window.__earlyDropAt ?? NaN));
    const dropped = Date.now();
    await dropFiles(page, seeds);
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll('.file-item')];
      return items.length === 5 && items.every((item) => item.dataset.status !== 'analyzing');
    }, null, { timeout: 60_000, polling: 10 });
    results.push({ earlyDropAfterNavigationMs: earlyDropAfterNavigation, dropZoneAfterNavigationMs: dropZoneAfterNavigation, dropZoneMs: dropZone, seedsAfterDropMs: Date.now() - dropped });
    await browser.close();
  }
} finally {
  server.close();
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(JSON.stringify({
  runs: results,
  medianEarlyDropAfterNavigationMs: median(results.map((r) => r.earlyDropAfterNavigationMs)),
  medianDropZoneAfterNavigationMs: median(results.map((r) => r.dropZoneAfterNavigationMs)),
  medianDropZoneMs: median(results.map((r) => r.dropZoneMs)),
  medianSeedsAfterDropMs: median(results.map((r) => r.seedsAfterDropMs)),
}, null, 2));
