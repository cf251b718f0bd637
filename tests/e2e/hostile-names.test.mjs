// Regression test: file names were rendered raw. A name or a text that looks
// like HTML must be shown as text and never run (no dialog may open), and a
// bidirectional override in a name (`name_rtl_\u202Etxt.exe`, which shows as
// `…exe.txt`) must be shown escaped as `\u{202E}`: in the file list, its
// tooltip, the reader, the concordance and the charts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cspViolations, dropFiles, openPage, screenshot, seedFiles, waitForDictionary, waitForReports } from './browser.mjs';

const HTML_NAME = '<img src=x onerror=alert(1)>.txt';
const HTML_TEXT = '<script>alert(1)</script>\n一、总体情况\n坚持“两个维护”。<a href="javascript:alert(2)">y</a>\n';
const RTL_NAME = 'name_rtl_\u202Etxt.exe';
const RTL_SHOWN = 'name_rtl_\\u{202E}txt.exe';

/** The names ECharts holds for the structure chart's reports. */
function structureChartNames(page) {
  return page.evaluate(() => {
    const element = document.querySelector('.structure-chart .chart-canvas');
    return globalThis.echarts.getInstanceByDom(element).getOption().yAxis[0].data;
  });
}

describe('hostile file names and contents', () => {
  let session;
  before(async () => {
    session = await openPage();
  });
  after(async () => session?.close());

  test('names and texts are shown as text, never as HTML, with controls escaped', async () => {
    const { page } = session;
    const seeds = await seedFiles();
    await waitForDictionary(page);
    await dropFiles(page, [
      { name: HTML_NAME, text: HTML_TEXT },
      { name: RTL_NAME, text: seeds[0].text },
      seeds[1],
    ]);
    await waitForReports(page, 3);

    const items = await page.$$eval('.file-item', (items) => items.map((item) => ({
      name: item.querySelector('.file-name').textContent,
      title: item.querySelector('.file-name').getAttribute('title'),
      status: item.dataset.status,
    })));
    assert.deepEqual(items.map((item) => item.name), [HTML_NAME, RTL_SHOWN, seeds[1].name]);
    assert.deepEqual(items.map((item) => item.title), [HTML_NAME, RTL_SHOWN, seeds[1].name]);
    assert.equal(await page.$$eval('img, a[href^="javascript"], body script', (nodes) => nodes.length), 0,
      'no element was made from a name or a text');

    // The reader shows the markup as text.
    await page.click('.file-item >> nth=0');
    assert.equal(await page.textContent('.reader-header h2'), HTML_NAME);
    const text = await page.textContent('.reader-body');
    assert.ok(text.includes('<script>alert(1)</script>'), text);
    assert.ok(text.includes('<a href="javascript:alert(2)">y</a>'), text);

    // The concordance names the report as the list does.
    await page.click('.file-item >> nth=1');
    assert.equal(await page.textContent('.reader-header h2'), RTL_SHOWN);
    await page.click('.reader-body .w >> nth=0');
    await page.waitForSelector('.kwic-line');
    const reports = await page.$$eval('.kwic-report, .dispersion-name', (nodes) => nodes.map((node) => node.textContent));
    assert.ok(reports.includes(RTL_SHOWN), JSON.stringify(reports));
    assert.ok(!reports.some((name) => name.includes('\u202E')), 'no raw override in the concordance');

    // The charts: names escaped, tooltips drawn on the canvas (never HTML).
    await page.click('.view-tab:has-text("篇幅")');
    await page.waitForSelector('.structure-chart .chart-canvas canvas');
    assert.deepEqual([...(await structureChartNames(page))].reverse(), [HTML_NAME, RTL_SHOWN, seeds[1].name]);
    const chart = await (await page.$('.structure-chart .chart-canvas')).boundingBox();
    for (let step = 1; step < 10; step += 1) {
      await page.mouse.move(chart.x + chart.width * (0.2 + step * 0.07), chart.y + chart.height * (step / 10));
    }
    // An HTML tooltip would be text in the chart's DOM; a canvas one is not.
    assert.equal((await page.textContent('.structure-chart .chart-canvas')).trim(), '', 'no HTML tooltip');
    await page.click('.view-tab:has-text("主题")');
    await page.waitForSelector('.theme-chart .chart-canvas canvas');
    const legend = await page.evaluate(() => {
      const element = document.querySelector('.theme-chart .chart-canvas');
      return globalThis.echarts.getInstanceByDom(element).getOption().series[0].data[0].name;
    });
    assert.equal(legend, RTL_SHOWN);
    await screenshot(page, 'hostile-names');

    assert.deepEqual(session.dialogs, [], 'no dialog opened');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(session.pageErrors, []);
  });
});
