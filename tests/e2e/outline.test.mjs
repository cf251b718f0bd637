// End-to-end tests of the outline views (issue 3) in headless Chromium: HTML
// and Markdown reports, collapsing, section sizes, numbering diagnostics
// beside their nodes, and the structure chart that opens sections.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, openPage, screenshot, topLevelTitles, waitForDictionary, waitForReports } from './browser.mjs';

const CORPUS = ['01_seed002_saved_page.html', '02_seed000_front_matter.md', '10_numbering_flaws.txt', '11_problems_paragraph.txt'];

async function pickCorpus(page) {
  const files = await Promise.all(CORPUS.map(async (name) => ({
    name, mimeType: 'application/octet-stream', buffer: await readFile(join(ROOT, 'tests/corpus', name)),
  })));
  await page.setInputFiles('#file-input', files);
  await waitForReports(page, CORPUS.length);
}

async function selectReport(page, name) {
  await page.click(`.file-item .file-name[title="${name}"]`);
  await page.waitForFunction((name) => document.querySelector('.reader-header h2')?.textContent === name, name);
}

describe('the outline views', () => {
  // One page for the three tests, which build on each other; closed even if one fails.
  let session;
  before(async () => {
    session = await openPage();
  });
  after(async () => session?.close());

  test('HTML and Markdown reports get their outlines; nodes collapse and show sizes', async () => {
    const { page } = session;
    await waitForDictionary(page);
    await pickCorpus(page);

    await selectReport(page, '01_seed002_saved_page.html');
    assert.equal(await page.textContent('.outline-doc-title'), '2023年度局党组书记抓基层党建工作述职报告');
    const topTitles = await topLevelTitles(page);
    assert.equal(topTitles.length, 5);
    assert.equal(topTitles[4].slice(0, 4), '回顾过去');
    const firstSize = await page.textContent('.outline > .outline-level > li > .outline-row .outline-size');
    assert.match(firstSize, /^\d+ 字 · 3 点$/);
    // The reader shows text, not markup.
    const reader = await page.textContent('.reader-body');
    assert.ok(!reader.includes('<') && !reader.includes('&ldquo;') && !reader.includes('当前位置'));

    const nodesBefore = await page.$$eval('.outline-node', (nodes) => nodes.length);
    await page.click('.outline > .outline-level > li:first-child .outline-toggle');
    const nodesCollapsed = await page.$$eval('.outline-node', (nodes) => nodes.length);
    assert.equal(nodesCollapsed, nodesBefore - 3, 'collapsing hides the three points');
    await page.click('text=全部折叠');
    assert.equal(await page.$$eval('.outline-node', (nodes) => nodes.length), 5);
    await page.click('text=全部展开');
    assert.equal(await page.$$eval('.outline-node', (nodes) => nodes.length), nodesBefore);

    await selectReport(page, '02_seed000_front_matter.md');
    assert.equal(await page.textContent('.outline-doc-title'), '2023年度局党组书记抓基层党建工作述职报告');
    await page.click('.outline-node[data-heading="1"]');
    const focused = await page.waitForSelector('#heading-1.focused');
    assert.equal(await focused.textContent(), '突出思想引领，扎实开展主题教育');
  });

  test('numbering diagnostics stand beside the nodes they concern', async () => {
    const { page } = session;
    await selectReport(page, '10_numbering_flaws.txt');
    const diagnostics = await page.$$eval('.outline-diagnostic', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(diagnostics.some((text) => text.startsWith('编号跳号：3 之后是 5')), JSON.stringify(diagnostics));
    const gapNode = await page.$eval('.outline-diagnostic', (node) =>
      node.closest('li').querySelector('.outline-title').textContent);
    assert.equal(gapNode, '抓好学习检查');
    assert.match(await page.textContent('.outline-warnings'), /⚠ 7 处编号问题/);
    await screenshot(page, 'outline-diagnostics');
  });

  test('the structure chart shows every report and opens a section on click', async () => {
    const { page } = session;
    await page.click('.view-tab:has-text("篇幅")');
    const chartBox = await page.waitForSelector('.structure-chart .chart-canvas canvas');
    const layout = await page.evaluate(() => {
      const element = document.querySelector('.structure-chart .chart-canvas');
      const chart = globalThis.echarts.getInstanceByDom(element);
      const option = chart.getOption();
      const reports = option.yAxis[0].data;
      // Bars run bottom-up: the last category is the first report in the list.
      const row = reports.indexOf('11_problems_paragraph.txt');
      const shares = option.series.map((series) => series.data[row]);
      const problems = shares.findIndex((item) => item?.label?.formatter === '问题');
      const before = shares.slice(0, problems).reduce((sum, item) => sum + item.value, 0);
      const [x, y] = chart.convertToPixel({ gridIndex: 0 }, [before + shares[problems].value / 2, row]);
      return { reports, x, y, name: shares[problems].name };
    });
    assert.deepEqual([...layout.reports].reverse(), CORPUS);
    const box = await chartBox.boundingBox();
    await page.mouse.click(box.x + layout.x, box.y + layout.y);
    await page.waitForFunction(() => document.querySelector('.reader-header h2')?.textContent === '11_problems_paragraph.txt');
    const focused = await page.waitForSelector('.reader-heading.focused');
    assert.equal(await focused.textContent(), '但也清醒地认识到，自身还存在一些问题和不足');
    await screenshot(page, 'structure-chart');
    assert.deepEqual(session.errors, []);
  });
});
