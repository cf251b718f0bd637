// End-to-end tests of the built page in headless Chromium: drop the seeds,
// pick them with the file input, load the samples, and survive a bad file.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { assertOnlyOwnStaticFiles, dropFiles, screenshot, seedFiles, topLevelTitles, waitForDictionary, waitForReports, withPage } from './browser.mjs';

/** Top-level headings of each seed, read off the files by hand (DOMAIN.md §1–2). */
const TOP_LEVEL_HEADINGS = {
  '000': ['主要工作成效', '下一步工作打算'],
  '001': ['主要工作情况', '下一步工作打算'],
  '002': [
    '坚持政治建设首位首抓，聚焦“两个维护”落实主体责任',
    '坚持思想铸魂，扎实开展习近平新时代中国特色社会主义思想主题教育',
    '深化基层组织和干部队伍建设，夯实基层战斗堡垒',
    '深化正风肃纪，坚定不移推进全面从严治党',
  ],
  '003': [
    '扎实开展习近平新时代中国特色社会主义思想主题教育，夯实思想建设根基',
    '加强基层党组织和干部队伍建设，建强基层战斗堡垒',
    '坚持正风肃纪，推动干部作风明显好转',
  ],
  '004': [
    '坚持思想铸魂，扎实推进习近平新时代中国特色社会主义思想',
    '践行两个维护，持续加强政治建设',
    '夯实战斗堡垒，统筹抓好基层组织和干部队伍建设',
    '织密廉洁自律防线，不断深化党风廉政建设',
  ],
};

/** Number of bars the word chart's ECharts instance holds (0 if none). */
function chartBars(page) {
  return page.evaluate(() => {
    const element = document.querySelector('.word-chart .chart-canvas');
    const chart = element && globalThis.echarts?.getInstanceByDom(element);
    return chart ? chart.getOption().series[0].data.length : 0;
  });
}

/** Checks every report of the list: its outline's top-level headings and its chart. */
async function checkEveryReport(page) {
  const items = await page.$$('.file-item');
  assert.equal(items.length, 5);
  for (const item of items) {
    const name = await item.$eval('.file-name', (node) => node.textContent);
    await item.click();
    await page.waitForFunction(
      (name) => document.querySelector('.reader-header h2')?.textContent === name, name);
    // The word chart lives in the 词频 view.
    await page.click('.view-tab:has-text("词频")');
    const expected = TOP_LEVEL_HEADINGS[name.slice(0, 3)];
    const titles = await topLevelTitles(page);
    for (const title of expected) {
      assert.ok(titles.includes(title), `${name}: outline shows “${title}” (has ${JSON.stringify(titles)})`);
    }
    await page.waitForFunction(() => {
      const element = document.querySelector('.word-chart .chart-canvas');
      const chart = element && globalThis.echarts?.getInstanceByDom(element);
      return chart && chart.getOption().series[0].data.length === 30;
    });
    assert.equal(await chartBars(page), 30, `${name}: the chart shows 30 words`);
    assert.ok(await page.$('.word-chart canvas'), `${name}: the chart is drawn on a canvas`);
  }
}

describe('the page in headless Chromium', () => {
  let seeds;
  before(async () => {
    seeds = await seedFiles();
  });

  test('dropping the five seeds shows each outline and word chart', () => withPage(async (session) => {
    const { page } = session;
    // The page's wasm starts after the load event: wait for its first render, not for the dictionary.
    await page.waitForSelector('[data-dictionary="loading"], [data-dictionary="ready"]', { timeout: 10_000 });
    await waitForDictionary(page);
    const readyMillis = Date.now() - session.navigationStart;
    const dropped = Date.now();
    await dropFiles(page, seeds);
    await waitForReports(page, 5);
    const resultsMillis = Date.now() - dropped;
    console.log(`# navigation → dictionary ready: ${readyMillis} ms; drop → 5 results: ${resultsMillis} ms`);
    const statuses = await page.$$eval('.file-item', (items) => items.map((item) => item.dataset.status));
    assert.deepEqual(statuses, ['done', 'done', 'done', 'done', 'done']);
    // Each file shows its format, encoding and size (7.4 KB, not 7542 B or 0.0 MB).
    const details = await page.$$eval('.file-status', (nodes) => nodes.map((node) => node.textContent));
    for (const text of details) assert.match(text, /^纯文本 · utf-8 · \d+ 个标题 · \d+ 词\d+\.\d KB$/);
    await checkEveryReport(page);

    // Clicking a heading scrolls the reader to it and highlights it.
    await page.click('.file-item >> nth=2');
    await page.click('.outline-node[data-heading="14"]');
    const focused = await page.waitForSelector('#heading-14.focused');
    assert.equal(await focused.textContent(), '涵养风清气正良好生态');
    const inView = await focused.evaluate((element) => {
      const pane = element.closest('.reader-pane').getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    });
    assert.ok(inView, 'the focused heading is visible in the reader pane');
    await screenshot(page, 'dropped-seeds');
    assertOnlyOwnStaticFiles(session.requests, session.url);
    assert.deepEqual(session.errors, [], 'no errors on the console');
  }));

  test('picking the five seeds with the file input', () => withPage(async (session) => {
    const { page } = session;
    await page.setInputFiles('#file-input', seeds.map((seed) => ({
      name: seed.name, mimeType: 'text/plain', buffer: Buffer.from(seed.text, 'utf8'),
    })));
    await waitForReports(page, 5);
    await checkEveryReport(page);
    assertOnlyOwnStaticFiles(session.requests, session.url);
  }));

  test('files dropped while the page is still loading are analysed once it has loaded', async () => {
    // The page's module is held back: only index.html's shell and main.js run.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const holdModule = (context) => context.route('**/gongwen-app_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await withPage(async ({ page, errors }) => {
      await page.waitForSelector('#early-drop[data-ready="true"]');
      assert.equal(await page.$('#drop-zone'), null, 'the page\'s module has not mounted its drop zone');
      await dropFiles(page, seeds, '#early-drop');
      assert.match(await page.textContent('#early-drop-count'), /已收到 5 项/);
      await screenshot(page, 'early-drop');
      release();
      await page.waitForSelector('#drop-zone');
      await waitForReports(page, 5);
      assert.equal(await page.$('#early-drop'), null, 'the shell is gone once the page has mounted');
      const names = await page.$$eval('.file-name', (nodes) => nodes.map((node) => node.textContent));
      assert.deepEqual(names, seeds.map((seed) => seed.name), 'each early file once, none lost');
      assert.deepEqual(errors, []);
    }, { beforeNavigation: holdModule });
  });

  test('the sample reports are one click away', () => withPage(async (session) => {
    const { page } = session;
    await page.click('#load-samples');
    await waitForReports(page, 5);
    const names = await page.$$eval('.file-name', (nodes) => nodes.map((node) => node.textContent));
    assert.deepEqual(names, seeds.map((seed) => seed.name));
    await screenshot(page, 'samples');
  }));

  test('a bad file gets a Chinese error and the others are still analysed', () => withPage(async (session) => {
    const { page } = session;
    await waitForDictionary(page);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const gbk = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]); // 一、总体情况 in GBK
    await dropFiles(page, [{ name: 'picture.txt', bytes: png }, seeds[0], { name: 'gbk.txt', bytes: gbk }]);
    await waitForReports(page, 3);
    const items = await page.$$eval('.file-item', (items) =>
      items.map((item) => ({ status: item.dataset.status, text: item.querySelector('.file-status').textContent })));
    assert.equal(items[0].status, 'failed');
    assert.match(items[0].text, /^无法分析：.*PNG 图片/);
    assert.equal(items[1].status, 'done');
    assert.equal(items[2].status, 'done');
    assert.match(items[2].text, /^纯文本 · gb18030 · /);
    assert.match(items[2].text, /12 B$/);
    await page.click('.file-item >> nth=2');
    assert.deepEqual(await topLevelTitles(page), ['总体情况']);
    await screenshot(page, 'bad-file');
  }));
});
