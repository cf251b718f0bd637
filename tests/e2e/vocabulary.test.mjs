// End-to-end tests of the vocabulary views (issue 4) in headless Chromium:
// click a word in the cloud and read its concordance, open a line in the
// reader, sort and widen it, change the vocabulary (kept across reloads), and
// see the empty state of 特色词 when two reports are the same.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dropFiles, openPage, screenshot, seedFiles, waitForDictionary, waitForReports, openReport } from './browser.mjs';

/** Rows of the concordance as { left, match, right, report }. */
function kwicRows(page) {
  return page.$$eval('.kwic-line', (rows) => rows.map((row) => ({
    left: row.querySelector('.kwic-left').textContent,
    match: row.querySelector('.kwic-match').textContent,
    right: row.querySelector('.kwic-right').textContent,
    report: row.querySelector('.kwic-report').textContent,
  })));
}

/** Clicks the word cloud's word `word` where ECharts drew it. */
async function clickCloudWord(page, word) {
  const handle = await page.waitForFunction((word) => {
    const element = document.querySelector('.word-cloud .chart-canvas');
    const chart = element && globalThis.echarts?.getInstanceByDom(element);
    const data = chart?.getModel().getSeriesByIndex(0)?.getData();
    if (!data) return null;
    for (let index = 0; index < data.count(); index += 1) {
      const text = data.getItemGraphicEl(index);
      if (data.getName(index) === word && text) return { x: text.x, y: text.y };
    }
    return null;
  }, word);
  const position = await handle.jsonValue();
  const box = await (await page.$('.word-cloud .chart-canvas canvas')).boundingBox();
  await page.mouse.click(box.x + position.x, box.y + position.y);
}

describe('the vocabulary views', () => {
  let session;
  before(async () => {
    session = await openPage();
    await session.page.click('#load-samples');
    await waitForReports(session.page, 5);
    await openReport(session.page);
  });
  after(async () => session?.close());

  test('distinctive words come first, with their G²', async () => {
    const { page } = session;
    await page.click('.file-item >> nth=3');
    assert.equal(await page.textContent('.view-tab.active'), '特色词');
    // The lists are computed in a worker: wait for this report's.
    await page.waitForSelector('.keyness-panel[aria-busy="false"]');
    const rows = await page.$$eval('.score-table.distinctive tbody tr', (rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));
    assert.ok(rows.length > 3, 'a report among five has distinctive words');
    const scores = rows.map((row) => Number(row[1]));
    assert.ok(scores.every((score, i) => i === 0 || score <= scores[i - 1]), 'sorted by G²');
    // Only significant words (p < 0.05 by default), each with its effect size.
    assert.ok(scores.every((score) => score >= 3.84), JSON.stringify(scores));
    assert.ok(rows.every((row) => Number(row[2]) > 0), 'every log ratio shows overuse');
    assert.match(await page.textContent('.keyness-explanation'), /G² ≥ 3\.84 即 p < 0\.05/);
    // A stricter level keeps fewer or as many words, all above its value.
    await page.click('.significance-levels .chip:has-text("p < 0.001")');
    const strict = await page.$$eval('.score-table.distinctive tbody tr td:nth-child(2)', (cells) => cells.map((cell) => Number(cell.textContent)));
    assert.ok(strict.length <= rows.length && strict.every((score) => score >= 10.83), JSON.stringify(strict));
    await screenshot(page, 'keyness');
    await page.click('.significance-levels .chip:has-text("p < 0.05")');
  });

  test('clicking a word in the cloud lists its occurrences in the concordance', async () => {
    const { page } = session;
    await page.click('.view-tab:has-text("词频")');
    await page.click('.chip:has-text("词云")');
    await page.click('.chip:has-text("全部 5 份")');
    await clickCloudWord(page, '主题教育');
    await page.waitForSelector('.concordance');
    assert.equal(await page.textContent('.concordance-header strong'), '主题教育');
    const rows = await kwicRows(page);
    assert.ok(rows.every((row) => row.match === '主题教育'));
    // As many lines as the word is written over all five reports (原文次数,
    // what Ctrl-F finds), never fewer than it is counted as a word (词次).
    await page.click('.chip:has-text("词频表")');
    await page.fill('.word-filter', '主题教育');
    const [tokens, count] = await page.$$eval('.word-table tbody tr', (rows) => {
      const cells = rows.find((row) => row.querySelector('.word-link').textContent === '主题教育').querySelectorAll('td');
      return [Number(cells[1].textContent), Number(cells[2].textContent)];
    });
    assert.equal(rows.length, count);
    assert.ok(count >= tokens, `${count} written, ${tokens} as a word`);
    const ticks = await page.$$eval('.dispersion-tick', (ticks) => ticks.length);
    assert.equal(ticks, count, 'one dispersion tick per occurrence');
    await screenshot(page, 'concordance');
  });

  test('a concordance line opens the reader at the occurrence', async () => {
    const { page } = session;
    const rows = await kwicRows(page);
    const last = rows.length - 1;
    await page.click(`.kwic-line >> nth=${last}`);
    const mark = await page.waitForSelector('#reader-focus');
    assert.equal(await mark.textContent(), '主题教育');
    assert.equal(await page.textContent('.reader-header h2'), rows[last].report);
    const visible = await mark.evaluate((element) => {
      const pane = element.closest('.reader-scroll').getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    });
    assert.ok(visible, 'the occurrence is scrolled into view');
  });

  test('the concordance sorts by context and changes its width', async () => {
    const { page } = session;
    // Chinese sorts by pinyin, as the browser's zh-CN collator orders it
    // (code point order where it finds two strings equal).
    const pinyinSorted = (texts) => page.evaluate((texts) => {
      const collator = new Intl.Collator('zh-CN');
      return [...texts].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    }, texts);
    await page.click('.concordance .chip:has-text("按右侧")');
    const right = (await kwicRows(page)).map((row) => row.right);
    assert.deepEqual(right, await pinyinSorted(right));
    await page.click('.concordance .chip:has-text("按左侧")');
    const left = (await kwicRows(page)).map((row) => [...row.left].reverse().join(''));
    assert.deepEqual(left, await pinyinSorted(left));
    await page.$eval('.width-control input', (input) => {
      input.value = '8';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => document.querySelector('.width-control').textContent.includes('8 字'));
    const widths = (await kwicRows(page)).map((row) => Math.max([...row.left].length, [...row.right].length));
    assert.ok(Math.max(...widths) <= 8);
  });

  test('clicking a word in the reader looks it up', async () => {
    const { page } = session;
    const word = await page.$eval('.reader-body .w', (element) => element.textContent);
    await page.click('.reader-body .w >> nth=0');
    await page.waitForFunction((word) => document.querySelector('.concordance-header strong')?.textContent.length > 0, word);
    assert.ok((await kwicRows(page)).length > 0);
  });

  test('a word added in the vocabulary dialog is kept whole, counted and remembered', async () => {
    const { page } = session;
    await page.click('.file-item:has-text("003_")');
    await page.click('.view-tab:has-text("提法")');
    assert.ok(!(await page.textContent('.formulation-panel')).includes('清廉文化大讲堂'));
    await page.click('#open-vocabulary');
    await page.fill('textarea[data-list="0"]', '清廉文化大讲堂');
    await page.click('.dialog button:has-text("应用")');
    await waitForReports(page, 5);
    await page.waitForFunction(() => document.querySelector('.formulation-panel')?.textContent.includes('清廉文化大讲堂'));
    const row = await page.$$eval('.formulations tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)).find((cells) => cells[0] === '清廉文化大讲堂'));
    assert.deepEqual(row.slice(0, 3), ['清廉文化大讲堂', '自定义', '1']);
    await screenshot(page, 'vocabulary-added');

    // The change survives a reload.
    await page.reload();
    await page.click('#load-samples');
    await waitForReports(page, 5);
    await page.click('#open-vocabulary');
    assert.equal(await page.inputValue('textarea[data-list="0"]'), '清廉文化大讲堂');
    await page.click('.dialog button:has-text("恢复默认")');
    await page.click('.dialog button:has-text("应用")');
    await waitForReports(page, 5);
    assert.equal(await page.evaluate(() => localStorage.getItem('gongwen-lens.vocabulary.v1')), null);
    assert.deepEqual(session.errors, []);
  });
});

test('two identical reports have no distinctive words, and the panel says so', async () => {
  const { page, close, errors } = await openPage();
  try {
    await waitForDictionary(page);
    const [seed] = await seedFiles();
    await dropFiles(page, [{ name: 'a.txt', text: seed.text }, { name: 'b.txt', text: seed.text }]);
    await waitForReports(page, 2);
    await page.click('.file-item >> nth=0');
    await page.click('.view-tab:has-text("特色词")');
    await page.waitForSelector('.keyness-panel[aria-busy="false"]');
    assert.equal(await page.$$eval('.score-table.distinctive tbody tr', (rows) => rows.length), 0);
    assert.match(await page.textContent('.keyness-empty'), /与其余 1 份报告相比，没有在 p < 0\.05 水平上显著多用的词（G² ≥ 3\.84）/);
    await screenshot(page, 'keyness-empty');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
