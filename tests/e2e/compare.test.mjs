// Cross-report comparison in the browser: with the samples loaded, the 比对
// view compares them in the comparison worker (progress shown), draws the
// similarity heatmap and lists the shared passages; clicking the 000×002
// cell opens the two reports side by side with the 清廉文化 passage
// highlighted on both sides, and clicking it on one side scrolls the other
// to it; the comparison's worker ends once it has answered. Screenshots at
// 1366×768 and 1920×1080. A small stack is compared in the background once
// analysed, batch after batch, and what the overview shows is the
// comparison of every report dropped.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  ROOT, SEED_FILES, cliJson, clickHeatmapCell, cspViolations, dropFiles, openReport, screenshot, waitForDictionary, waitForReports, withPage,
} from './browser.mjs';

for (const [width, height] of [[1366, 768], [1920, 1080]]) {
  test(`the seeds compared, and 000 beside 002 at ${width}×${height}`, async () => {
    await withPage(async ({ page, errors }) => {
      await page.setViewportSize({ width, height });
      await waitForDictionary(page);
      // The comparison starts by itself once every report is analysed; its
      // own worker ends once its answer has arrived (its memory with it);
      // the keyness worker, started before, stays.
      const comparisonWorkerClosed = new Promise((closed) => {
        page.on('worker', (worker) => {
          if (worker.url().endsWith('compare-worker.js')) worker.on('close', closed);
        });
      });
      await page.click('#load-samples');
      await waitForReports(page, 5);
      await openReport(page);
      await page.click('.view-tab:has-text("比对")');
      await page.waitForSelector('.compare-result', { timeout: 60_000 });
      let timer;
      const late = new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error('the comparison worker is still running')), 10_000);
      });
      await Promise.race([comparisonWorkerClosed, late]).finally(() => clearTimeout(timer));
      assert.match(await page.textContent('.compare-summary'), /5 份报告，共有段落 \d+ 段/);
      const passages = await page.$$eval('.passage-list .passage', (items) => items.length);
      assert.ok(passages > 20, `${passages} passages listed`);
      const texts = await page.$$eval('.passage-list .passage-text', (items) => items.map((item) => [item.textContent, item.title]));
      assert.ok(texts.every(([text, title]) => [...text].length >= 12 && title === text), 'each passage shows its text');
      const ownShares = await page.$$eval('.own-text tbody tr', (rows) => rows.length);
      assert.equal(ownShares, 5);
      await screenshot(page, `compare-heatmap-${width}`);

      await clickHeatmapCell(page, '000', '002');
      await page.waitForSelector('.side-by-side');
      const passageIn = (side) => page.$$eval(`#sbs-${side} .sbs-passage`, (spans) => spans.map((span) => span.textContent));
      const [left, right] = [await passageIn('left'), await passageIn('right')];
      assert.ok(left.some((text) => text.includes('清廉文化氛围')), 'the 清廉文化 passage is marked in 000');
      assert.ok(right.some((text) => text.includes('清廉文化氛围')), 'the 清廉文化 passage is marked in 002');
      assert.match(await page.textContent('.sbs-column#sbs-left .sbs-name'), /^000_/);
      assert.match(await page.textContent('.sbs-column#sbs-right .sbs-name'), /^002_/);
      // The 选人用人 near-copy: 000's redacted ** against 002's 10, marked as differing.
      const differing = await page.$$eval('#sbs-right .sbs-passage.differs', (spans) => spans.map((span) => span.textContent));
      assert.ok(differing.includes('10'), JSON.stringify(differing));
      // Clicking the passage on the left scrolls the right column to it.
      const mark = page.locator('#sbs-left .sbs-passage', { hasText: '清廉文化氛围' }).first();
      const k = await mark.getAttribute('data-passage');
      await page.evaluate(() => { document.querySelector('#sbs-right').scrollTop = 0; });
      await mark.click();
      await page.waitForFunction((k) => {
        const target = document.querySelector(`#sbs-right [data-passage="${k}"]`);
        const column = document.querySelector('#sbs-right').getBoundingClientRect();
        const box = target.getBoundingClientRect();
        return box.top >= column.top && box.bottom <= column.bottom;
      }, k, { timeout: 5_000 });
      await screenshot(page, `compare-side-by-side-${width}`);
      await page.click('.sbs-header button:has-text("关闭")');
      await page.waitForSelector('.reader-scroll');
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(errors, []);
    });
  });
}

test('a small stack is compared in the background, again after a second drop', async () => {
  const seeds = SEED_FILES.map((path) => join(ROOT, path));
  // Three more reports: seeds 000–002 under another title.
  const folder = await mkdtemp(join(tmpdir(), 'gongwen-background-'));
  const extras = [];
  for (const [index, seed] of seeds.slice(0, 3).entries()) {
    const text = `补充材料（${index + 1}）\n${await readFile(seed, 'utf8')}`;
    const path = join(folder, `extra-${index}.txt`);
    await writeFile(path, text);
    extras.push({ path, name: `extra-${index}.txt`, text });
  }
  try {
    await withPage(async ({ page, errors }) => {
      await waitForDictionary(page);
      const comparisonStarted = new Promise((started) => {
        page.on('worker', (worker) => { if (worker.url().endsWith('compare-worker.js')) started(); });
      });
      await page.click('#load-samples');
      // The seeds' comparison starts by itself; the second drop comes while
      // it may still run (stopped then, and started again over all eight).
      await comparisonStarted;
      await dropFiles(page, extras);
      await waitForReports(page, 8);
      await page.waitForSelector('.overview-pane');
      await page.waitForFunction(() => {
        const cells = [...document.querySelectorAll('.overview-table tbody tr.line td:nth-child(9)')];
        return cells.length === 8 && cells.every((td) => /%$/.test(td.textContent));
      }, null, { timeout: 30_000 });
      const expected = cliJson(['compare', '--json', ...seeds, ...extras.map((extra) => extra.path)]);
      const own = await page.$$eval('.overview-table tbody tr.line td:nth-child(9)', (cells) => cells.map((td) => td.textContent));
      assert.deepEqual(own, expected.reports.map((report) => `${(report.own_share * 100).toFixed(0)}%`),
        'the own-text shares of all eight, as `gongwen compare` gives them');
      assert.equal(await page.$('.view-tab.active:has-text("比对")'), null, '比对 was never opened');
      assert.deepEqual(errors, []);
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
