// What the served page transfers before a first result, recorded in headless
// Chromium: only files of www/size-report.mjs's FIRST_RESULT_FILES (the list
// the size budget adds up), and ECharts, which starts only once the
// dictionary is ready; pdf.js not at all. And the server sends precompressed
// copies to a browser that accepts them.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { FIRST_RESULT_FILES, isFirstResultFile } from '../../www/size-report.mjs';
import { withPage } from './browser.mjs';

/** The dist/ paths of `urls` (the page's own), in order, without repeats. */
function paths(urls) {
  return [...new Set(urls.map((url) => decodeURIComponent(new URL(url).pathname).slice(1) || 'index.html'))];
}

/** The response headers of GET `path` from `url` with `accept` as Accept-Encoding. */
function headersOf(url, path, accept) {
  return new Promise((resolve, reject) => {
    request(new URL(path, url), { headers: { 'Accept-Encoding': accept } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.headers));
    }).on('error', reject).end();
  });
}

/** Stamps window.__readyAt with the time the worker's dictionary is ready. */
function stampReady() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-dictionary="ready"]')) {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-dictionary'] });
}

const ECHARTS = /^vendor\/echarts(-wordcloud)?\.min\.js$/;

test('before a first result the page fetches only files the size budget counts', () => withPage(async (session) => {
  const { page, requests } = session;
  // Loaded again with the stamp in place, and with the cache off so that every file is requested.
  await page.addInitScript(stampReady);
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
  requests.length = 0;
  await page.reload();
  await page.waitForSelector('[data-dictionary="ready"]', { timeout: 30_000 });
  console.log(`# ${await page.getAttribute('[data-dictionary="ready"]', 'title')}`);
  await page.click('#load-samples');
  await page.waitForSelector('.file-item[data-status="done"]', { timeout: 30_000 });
  const fetched = paths(requests);
  for (const path of fetched.filter((path) => !ECHARTS.test(path))) {
    assert.ok(isFirstResultFile(path), `${path} is fetched before a first result but not counted`);
  }
  // The two modules that make up most of the budget are surely among them.
  for (const path of ['gongwen-app_bg.wasm', 'gongwen-worker_bg.wasm']) assert.ok(fetched.includes(path), `${path} is fetched`);
  // ECharts starts only once the page can analyse: a first result never waits for it.
  const early = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((entry) => /echarts/.test(entry.name) && !(entry.startTime >= window.__readyAt))
    .map((entry) => entry.name));
  assert.deepEqual(early, [], 'ECharts is not requested before the dictionary is ready');
  assert.ok(!fetched.some((path) => path.startsWith('vendor/pdfjs/')), 'pdf.js is not loaded without a PDF');
  const unused = FIRST_RESULT_FILES.filter((entry) => !entry.endsWith('/') && !fetched.includes(entry));
  if (unused.length > 0) console.log(`# counted in the budget but not fetched before a first result: ${unused.join(', ')}`);
}));

test('the server sends precompressed copies to browsers that accept them', () => withPage(async ({ url }) => {
  assert.equal((await headersOf(url, 'gongwen-worker_bg.wasm', 'gzip, deflate, br'))['content-encoding'], 'br');
  const gzip = await headersOf(url, 'gongwen-worker_bg.wasm', 'gzip');
  assert.equal(gzip['content-encoding'], 'gzip');
  assert.equal(gzip['content-type'], 'application/wasm');
  assert.equal(gzip.vary, 'Accept-Encoding');
  assert.equal((await headersOf(url, 'gongwen-worker_bg.wasm', 'br;q=0, identity'))['content-encoding'], undefined);
  assert.equal((await headersOf(url, 'favicon.svg', ''))['content-encoding'], undefined);
}));
