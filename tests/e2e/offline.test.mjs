// The single-file build (dist/gongwen-lens.html, www/single-file.mjs) opened
// from disk in headless Chromium, with no server: the samples are analysed,
// a chart and the comparison (both workers started from Blob URLs) work, a
// PDF gets the build's message, nothing is requested beyond the file itself,
// and the strict CSP (hashes, no 'unsafe-inline') is never violated.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { SINGLE_FILE as SINGLE_FILE_NAME } from '../../www/precompress.mjs';
import { ROOT, cspViolations, openPage, screenshot, topLevelTitles, waitForReports } from './browser.mjs';

const SINGLE_FILE = join(ROOT, 'dist', SINGLE_FILE_NAME);

test('the single file, opened from file://, analyses the samples with no request and no error', async () => {
  const html = await readFile(SINGLE_FILE, 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? '';
  assert.match(policy, /script-src 'sha256-[^']+'( 'sha256-[^']+')* 'wasm-unsafe-eval';/, 'scripts only by their hashes');
  assert.match(policy, /worker-src blob:;/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/, 'no inline script, eval or wildcard allowed');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+rel="stylesheet"/, 'nothing loaded from a file beside it');

  const session = await openPage({ file: SINGLE_FILE });
  const { page, requests, errors } = session;
  try {
    await page.waitForSelector('[data-dictionary="ready"]', { timeout: 30_000 });
    await page.click('#load-samples');
    await waitForReports(page, 5);
    const statuses = await page.$$eval('.file-item', (items) => items.map((item) => item.dataset.status));
    assert.deepEqual(statuses, ['done', 'done', 'done', 'done', 'done']);

    // A report's outline, and its word chart (ECharts, inlined).
    await page.click('.file-item >> nth=0');
    assert.deepEqual((await topLevelTitles(page)).slice(0, 2), ['主要工作成效', '下一步工作打算']);
    await page.click('.view-tab:has-text("词频")');
    await page.waitForFunction(() => {
      const element = document.querySelector('.word-chart .chart-canvas');
      const chart = element && globalThis.echarts?.getInstanceByDom(element);
      return chart && chart.getOption().series[0].data.length === 30;
    });

    // The comparison worker, from a Blob URL too.
    await page.click('.view-tab:has-text("比对")');
    await page.waitForFunction(() => {
      const element = document.querySelector('.similarity-heatmap .chart-canvas');
      return element && globalThis.echarts?.getInstanceByDom(element);
    }, null, { timeout: 30_000 });

    // A PDF: this build has no pdf.js, and says so.
    const pdf = await readFile(join(ROOT, 'tests/fixtures/formats/000.pdf'));
    await page.setInputFiles('#file-input', [{ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf }]);
    await waitForReports(page, 6);
    const status = await page.$eval('.file-item:last-child .file-status', (node) => node.textContent);
    assert.match(status, /单文件版不含 PDF 阅读器/);
    assert.doesNotMatch(status, /损坏/, 'not called damaged');

    await screenshot(page, 'offline-single-file');
    const foreign = requests.filter((url) => url !== pathToFileURL(SINGLE_FILE).href && !/^(blob|data):/.test(url));
    assert.deepEqual(foreign, [], 'no request but the file itself');
    assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
    assert.deepEqual(errors, [], 'no errors on the console');
  } finally {
    await session.close();
  }
});
