// The page fits its panes: at 1366×768 and 1920×1080, with the samples
// loaded, no element of the sidebar, the outline, the reader or the right
// pane reaches past its pane's right edge, in any of the right pane's views
// (the outline once clipped its counts by 8 px), and the view tabs stay on
// one line. Screenshots at both sizes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot, waitForDictionary, waitForReports, withPage } from './browser.mjs';

/** Elements that reach past the right edge of their pane, as `pane > element`. */
function overflowing(page) {
  return page.evaluate(() => {
    const out = [];
    for (const pane of document.querySelectorAll('.sidebar, .outline-pane, .reader-pane, .chart-pane')) {
      const edge = pane.getBoundingClientRect().right;
      for (const element of pane.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        // Scrolled-away rows and hidden elements have no width.
        if (box.width > 0 && box.right > edge + 1) {
          out.push(`${pane.className} > ${element.tagName.toLowerCase()}.${element.className} by ${Math.round(box.right - edge)} px`);
          break;
        }
      }
    }
    return out;
  });
}

for (const [width, height] of [[1366, 768], [1920, 1080]]) {
  test(`nothing overflows its pane at ${width}×${height}`, async () => {
    await withPage(async ({ page }) => {
      await page.setViewportSize({ width, height });
      await waitForDictionary(page);
      await page.click('#load-samples');
      await waitForReports(page, 5);
      // The view tabs stay on one line.
      const tabTops = await page.$$eval('.view-tab', (tabs) => tabs.map((tab) => tab.getBoundingClientRect().top));
      assert.equal(new Set(tabTops).size, 1, `the ${tabTops.length} view tabs are on one line at ${width}×${height}`);
      for (const tab of ['特色词', '词频', '提法', '主题', '比对', '数据', '结构', '校对', '篇幅']) {
        await page.click(`.view-tab:has-text("${tab}")`);
        if (tab === '比对') await page.waitForSelector('.compare-result', { timeout: 60_000 });
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        assert.deepEqual(await overflowing(page), [], `${tab} at ${width}×${height}`);
      }
      await screenshot(page, `layout-${width}`);
      // A tooltip of the leftmost segment of 篇幅 (views.test.mjs checks it
      // stays inside the window), found where ECharts drew the top bar.
      const segment = await page.$eval('.chart-pane .chart-canvas', (element) => {
        const data = globalThis.echarts.getInstanceByDom(element).getModel().getSeriesByIndex(0).getData();
        const { x, y, height } = data.getItemGraphicEl(data.count() - 1).shape;
        const box = element.getBoundingClientRect();
        return { x: box.x + x + 3, y: box.y + y + height / 2 };
      });
      await page.mouse.move(segment.x, segment.y);
      await page.waitForTimeout(300);
      await screenshot(page, `shares-tooltip-${width}`);
    });
  });
}
