// Linked views and the browser's history: from the overview, a report's
// own-text share opens it with 比对; a heatmap cell opens two reports side by
// side; the fragment names where the reviewer is by positions only (never a
// file name or any text), and the back button walks back — side by side,
// the report with 比对, the overview — and forward again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickHeatmapCell, cspViolations, loadSamples, withPage } from './browser.mjs';

const hash = (page) => page.evaluate(() => location.hash);

test('from the overview to two reports side by side and back with the back button', async () => {
  await withPage(async ({ page, errors }) => {
    await loadSamples(page);
    await page.waitForSelector('.overview-pane');
    assert.equal(await hash(page), '#v=keyness');
    // The own-text share of 001 (— before comparing) opens it with 比对.
    await page.click('.overview-table tbody tr.line >> nth=1 >> td >> nth=8 >> button');
    await page.waitForSelector('.compare-result', { timeout: 60_000 });
    assert.equal(await hash(page), '#r=2&v=compare');
    // A heatmap cell: 000 beside 002.
    await clickHeatmapCell(page, '000', '002');
    await page.waitForSelector('.side-by-side');
    assert.equal(await hash(page), '#r=2&p=1,3&v=compare');
    const fragment = await hash(page);
    assert.ok(!/[\u4e00-\u9fff]|txt|_/.test(fragment), `the fragment carries nothing of the files: ${fragment}`);
    // Back: the report with 比对, then the overview.
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector('.side-by-side') && document.querySelector('.reader-scroll'));
    assert.equal(await hash(page), '#r=2&v=compare');
    assert.match(await page.textContent('.file-item.selected'), /^001_/);
    await page.goBack();
    await page.waitForSelector('.overview-pane');
    assert.equal(await page.textContent('.view-tab.active'), '特色词');
    // Forward again: the report, then the pair.
    await page.goForward();
    await page.waitForSelector('.reader-scroll');
    await page.goForward();
    await page.waitForSelector('.side-by-side');
    assert.match(await page.textContent('.sbs-column#sbs-left .sbs-name'), /^000_/);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
