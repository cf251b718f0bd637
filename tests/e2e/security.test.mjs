// The page's Content-Security-Policy holds through a whole session, and the
// page loads nothing but its own static files. The policy is strict (no
// inline script or style, nothing from elsewhere), so anything the page or
// ECharts does that it forbids shows up as a violation: none may occur from
// loading through the samples, a drop, every view and sub-view, 校对's
// toggles and the reader's marks, the vocabulary dialog and the concordance.
// The server sends the same policy as a header, with the other headers that
// keep the page to itself.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../www/serve.mjs';
import {
  ROOT, assertOnlyOwnStaticFiles, cspViolations, dropFiles, openPage, seedFiles, waitForDictionary, waitForReports,
} from './browser.mjs';

/**
 * Clicks every chip of the right-hand pane's current view, one after the
 * other; a chip an earlier one took away (a mode switched) is skipped. The
 * exports are left out: tests/e2e/csv-exports.test.mjs takes them.
 */
async function clickEveryChip(page) {
  const chips = await page.$$eval('.view-body .chip:not(.export-csv)', (nodes) => nodes.map((node) => node.textContent));
  for (const chip of chips) {
    const selector = `.view-body .chip:not(.export-csv):has-text("${chip}")`;
    if (!(await page.$(selector))) continue;
    await page.click(selector);
    await page.waitForTimeout(150);
  }
}

/** Moves the mouse over every chart on screen, so that tooltips show. */
async function hoverCharts(page) {
  for (const chart of await page.$$('.chart-canvas')) {
    const box = await chart.boundingBox();
    if (!box) continue;
    for (let step = 1; step < 8; step += 1) {
      await page.mouse.move(box.x + box.width * (step / 8), box.y + box.height * ((step % 4 + 1) / 5));
    }
  }
}

describe('security of the page', () => {
  let session;
  before(async () => {
    session = await openPage();
  });
  after(async () => session?.close());

  test('the server sends the CSP of index.html and headers that keep the page to itself', async () => {
    for (const path of ['', 'worker.js', 'gongwen-worker_bg.wasm', 'no-such-file']) {
      const response = await fetch(session.url + path);
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin');
      await response.arrayBuffer();
    }
    const meta = await session.page.$eval('meta[http-equiv="Content-Security-Policy"]', (node) => node.content);
    assert.equal(meta, CONTENT_SECURITY_POLICY, 'the meta tag and the header agree');
    const html = await readFile(join(ROOT, 'www/index.html'), 'utf8');
    assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'no inline script in index.html');
    assert.ok(!/ style=/.test(html), 'no inline style in index.html');
  });

  test('a whole session makes no CSP violation and no request beyond the page\'s own files', async () => {
    const { page } = session;
    await waitForDictionary(page);
    assert.equal(await page.evaluate(() => typeof window.__gongwenSelftest), 'undefined',
      'the resilience test\'s hook exists only with ?selftest');
    await page.click('#load-samples');
    await waitForReports(page, 5);
    const seeds = await seedFiles();
    const corpus = (name) => readFile(join(ROOT, 'tests/corpus', name));
    await dropFiles(page, [
      { name: 'copy.txt', text: seeds[3].text },
      { name: '01_seed002_saved_page.html', bytes: await corpus('01_seed002_saved_page.html') },
      { name: '02_seed000_front_matter.md', bytes: await corpus('02_seed000_front_matter.md') },
    ]);
    await waitForReports(page, 8);

    for (const item of [0, 5, 6]) {
      await page.click(`.file-item >> nth=${item}`);
      await page.click('.outline-node >> nth=1');
      await page.waitForSelector('.reader-heading.focused');
      for (const tab of ['特色词', '词频', '提法', '主题', '篇幅', '结构', '比对', '数据', '校对']) {
        await page.click(`.view-tab:has-text("${tab}")`);
        await page.waitForTimeout(150);
        await clickEveryChip(page);
        await hoverCharts(page);
      }
    }

    // 校对's toggles and a finding opened, the reader's marks switched.
    await page.click('.view-tab:has-text("校对")');
    await page.uncheck('.lint-kind[data-kind="redaction"] input');
    await page.check('.lint-kind[data-kind="redaction"] input');
    await page.click('.lint-finding >> nth=0');
    await page.waitForSelector('#reader-focus');
    for (const toggle of ['.reader-figures-toggle input', '.reader-lint-toggle input']) {
      await page.uncheck(toggle);
      await page.check(toggle);
    }
    await page.click('.view-tab:has-text("结构")');
    await page.click('.structure-check-row .check-link >> nth=0');

    await page.click('#open-vocabulary');
    await page.waitForSelector('.dialog');
    await page.click('.dialog .concordance-close');

    await page.click('.reader-body .w >> nth=3');
    await page.waitForSelector('.kwic-line');
    for (const sort of ['按右侧', '按左侧', '按位置']) await page.click(`.concordance .chip:has-text("${sort}")`);
    await page.click('.kwic-line >> nth=0');
    await page.waitForSelector('#reader-focus');
    await page.click('.dispersion-tick >> nth=0');
    await page.click('.concordance-close');

    assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
    assertOnlyOwnStaticFiles(session.requests, session.url);
    assert.deepEqual(session.dialogs, []);
    assert.deepEqual(session.errors, []);
  });
});
