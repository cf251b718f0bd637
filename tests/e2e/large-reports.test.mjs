// Regression test: a large report killed the page. Its reader rendered one
// element per word (2.9 million for 28 MB), the page froze for half a minute,
// the tab grew to gigabytes and every click then threw `unreachable`. The
// reports are made here, never committed: seed 002 repeated to 28 MB, all
// seeds run together into one 5 MB line, and a 50,000-row Markdown table;
// they are dropped beside the seeds. The page must stay usable: the reader
// holds a bounded number of elements wherever it is scrolled, headings are
// still reached, another report still opens, and nothing throws. Timings and
// heap sizes are printed, not asserted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openPage, screenshot, seedFiles, topLevelTitles, waitForDictionary } from './browser.mjs';

/** The most elements the reader may hold at any time. */
const READER_ELEMENT_BOUND = 5_000;

const LARGE = { name: 'large-28mb.txt', bytes: 28_000_000 };
const LINE = { name: 'single-line-5mb.txt', bytes: 5_000_000 };
const TABLE = { name: 'table-50000-rows.md', rows: 50_000 };

/** Builds the three files in the page (no megabytes cross the wire) and drops them with the seeds. */
function dropLargeFiles(page, seeds) {
  return page.evaluate(({ seeds, large, line, table }) => {
    const utf8Length = (text) => new Blob([text]).size;
    const seed = seeds[2].text;
    const files = seeds.map((s) => new File([s.text], s.name, { type: 'text/plain' }));
    files.push(new File([seed.repeat(Math.ceil(large.bytes / utf8Length(seed)))], large.name, { type: 'text/plain' }));
    const joined = seeds.map((s) => s.text).join('').replace(/\s+/g, '');
    files.push(new File([joined.repeat(Math.ceil(line.bytes / utf8Length(joined)))], line.name, { type: 'text/plain' }));
    const rows = ['# 任务清单', '', '| 序号 | 工作事项 | 责任单位 | 完成情况 |', '| --- | --- | --- | --- |'];
    for (let row = 1; row <= table.rows; row += 1) {
      rows.push(`| ${row} | 落实全面从严治党主体责任第 ${row} 项任务 | 机关党委 | 已完成 |`);
    }
    files.push(new File([rows.join('\n')], table.name, { type: 'text/markdown' }));
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    const zone = document.querySelector('#drop-zone');
    zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return files.map((file) => ({ name: file.name, size: file.size }));
  }, { seeds, large: LARGE, line: LINE, table: TABLE });
}

/** Elements in the reader, and in the whole document. */
function elementCounts(page) {
  return page.evaluate(() => ({
    reader: document.querySelectorAll('.reader *').length,
    document: document.querySelectorAll('*').length,
  }));
}

/** The JS heap in MB, as the page sees it and as DevTools reports it. */
async function heap(page, cdp) {
  const pageHeap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  return `performance.memory ${mb(pageHeap)} MB; CDP JSHeapUsedSize ${mb(metric('JSHeapUsedSize'))} MB of ${mb(metric('JSHeapTotalSize'))} MB, ${metric('Nodes')} DOM nodes`;
}

async function selectReport(page, name) {
  const started = Date.now();
  await page.click(`.file-item .file-name[title="${name}"]`);
  await page.waitForFunction((name) => document.querySelector('.reader-header h2')?.textContent === name, name, { timeout: 60_000 });
  await page.waitForSelector('.reader-paragraph');
  return Date.now() - started;
}

/** Scrolls the reader to `fraction` of its height and waits for the window to follow. */
async function scrollReader(page, fraction) {
  await page.evaluate((fraction) => {
    const scroller = document.querySelector('.reader-scroll');
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * fraction;
  }, fraction);
  // Two frames: the scroll event, then the render it asks for.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(100);
  return page.evaluate(() => {
    const scroller = document.querySelector('.reader-scroll');
    const box = scroller.getBoundingClientRect();
    const shown = [...document.querySelectorAll('.reader-paragraph')].filter((p) => {
      const rect = p.getBoundingClientRect();
      return rect.bottom > box.top && rect.top < box.bottom;
    });
    return { visible: shown.length, firstLine: Number(shown[0]?.dataset.line ?? 0) };
  });
}

describe('large reports', () => {
  let session;
  let cdp;
  let seeds;
  before(async () => {
    seeds = await seedFiles();
    session = await openPage();
    cdp = await session.page.context().newCDPSession(session.page);
    await cdp.send('Performance.enable');
  });
  after(async () => session?.close());

  test('a 28 MB report, a 5 MB line and a 50,000-row table leave the page usable', async () => {
    const { page } = session;
    await waitForDictionary(page);
    const dropped = Date.now();
    const files = await dropLargeFiles(page, seeds);
    console.log(`# dropped: ${files.map((f) => `${f.name} ${(f.size / 1e6).toFixed(1)} MB`).join(', ')}`);

    // Poll the list: each file's time from drop to result, and how long the
    // page takes to answer meanwhile (a frozen page answers late).
    const finished = {};
    let slowestAnswer = 0;
    while (Object.keys(finished).length < files.length) {
      assert.ok(Date.now() - dropped < 900_000, `analysed within 15 minutes (done: ${Object.keys(finished)})`);
      const asked = Date.now();
      const statuses = await page.$$eval('.file-item', (items) =>
        items.map((item) => ({ name: item.querySelector('.file-name').getAttribute('title'), status: item.dataset.status })));
      slowestAnswer = Math.max(slowestAnswer, Date.now() - asked);
      for (const { name, status } of statuses) {
        if (status !== 'analyzing' && !(name in finished)) finished[name] = { status, millis: Date.now() - dropped };
      }
      await new Promise((done) => setTimeout(done, 200));
    }
    for (const { name } of files) console.log(`# drop → ${finished[name].status}: ${name} ${finished[name].millis} ms`);
    console.log(`# slowest answer of the page while analysing: ${slowestAnswer} ms`);
    console.log(`# after analysis: ${await heap(page, cdp)}`);
    assert.deepEqual(Object.values(finished).map((f) => f.status), files.map(() => 'done'));
    const sizes = await page.$$eval('.file-item', (items) =>
      Object.fromEntries(items.map((item) => [item.querySelector('.file-name').getAttribute('title'), item.querySelector('.file-size').textContent])));
    assert.match(sizes[LARGE.name], /^2[67]\.\d MB$/, 'a 28 MB file is shown in MB');
    assert.match(sizes[TABLE.name], /^\d\.\d MB$/);

    for (const name of [LARGE.name, LINE.name, TABLE.name]) {
      const millis = await selectReport(page, name);
      const counts = [await elementCounts(page)];
      for (const fraction of [0.5, 1, 0.25]) {
        const shown = await scrollReader(page, fraction);
        assert.ok(shown.visible > 0, `${name}: text is shown at ${fraction * 100}% (${JSON.stringify(shown)})`);
        counts.push(await elementCounts(page));
      }
      console.log(`# ${name}: opened in ${millis} ms; reader elements ${counts.map((c) => c.reader).join(' / ')}; document ${counts.map((c) => c.document).join(' / ')}`);
      for (const count of counts) {
        assert.ok(count.reader < READER_ELEMENT_BOUND, `${name}: the reader holds ${count.reader} elements`);
      }
      if (name === LARGE.name) {
        // The last heading the outline lists is found, deep in the report.
        const heading = await page.$$eval('.outline-node', (nodes) => nodes.at(-1).dataset.heading);
        await page.click(`.outline-node[data-heading="${heading}"]`);
        const focused = await page.waitForSelector(`#heading-${heading}.focused`);
        const inView = await focused.evaluate((element) => {
          const pane = element.closest('.reader-scroll').getBoundingClientRect();
          const box = element.getBoundingClientRect();
          return box.top >= pane.top && box.bottom <= pane.bottom;
        });
        assert.ok(inView, `heading ${heading} is scrolled into view`);
        assert.ok(await page.$('.outline-more'), 'the outline offers more headings than it shows');
        await screenshot(page, 'large-report');
        // Every view of the right-hand pane, and a word's concordance.
        const views = [];
        for (const tab of ['词频', '提法', '主题', '篇幅', '特色词']) {
          const started = Date.now();
          await page.click(`.view-tab:has-text("${tab}")`);
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
          views.push(`${tab} ${Date.now() - started} ms`);
        }
        const started = Date.now();
        // The virtualised reader may swap the word's element between
        // Playwright's checks and the click (seen once in 20 runs on a loaded
        // machine): a click that opened nothing is repeated, twice at most.
        for (let attempt = 1; ; attempt++) {
          await page.click('.reader-body .w >> nth=0');
          const opened = await page.waitForSelector('.kwic-line', { timeout: 40_000 }).then(() => true, () => false);
          if (opened) break;
          assert.ok(attempt < 3, 'clicking a word opens its concordance');
          console.log(`# click ${attempt} on a word opened no concordance; clicking again`);
        }
        views.push(`concordance of “${await page.textContent('.concordance-header strong')}” ${Date.now() - started} ms (${await page.textContent('.concordance-count')})`);
        console.log(`# ${name}: views ${views.join(', ')}; document ${(await elementCounts(page)).document} elements`);
        assert.ok((await elementCounts(page)).reader < READER_ELEMENT_BOUND);
        await page.click('.concordance-close');
      }
    }

    // Another report still opens, with its outline.
    await selectReport(page, seeds[4].name);
    assert.ok((await topLevelTitles(page)).includes('践行两个维护，持续加强政治建设'));
    console.log(`# at the end: ${await heap(page, cdp)}`);
    assert.deepEqual(session.pageErrors, [], 'nothing threw');
    assert.deepEqual(session.errors, [], 'no errors on the console');
  });
});
