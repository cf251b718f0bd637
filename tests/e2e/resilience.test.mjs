// Regression test: a panic in the worker killed the app. Release builds abort
// on panic, so a bug the core hits on one file traps the worker's wasm for
// good, and every file after it stayed 「分析中…」 for ever. The page must
// report that file as failed, replace the worker, and analyse the others;
// later drops and vocabulary changes must still work. The panic is caused
// through the `?selftest` hook (`ToWorker::Crash`), which exists for this
// test only and is not reachable from the page's interface.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dropFiles, openPage, screenshot, seedFiles, topLevelTitles, waitForDictionary, waitForReports } from './browser.mjs';

function fileItems(page) {
  return page.$$eval('.file-item', (items) => items.map((item) => ({
    name: item.querySelector('.file-name').getAttribute('title'),
    status: item.dataset.status,
    text: item.querySelector('.file-status').textContent,
  })));
}

describe('a crash of the analysis worker', () => {
  let session;
  let seeds;
  before(async () => {
    seeds = await seedFiles();
    session = await openPage({ query: '?selftest' });
  });
  after(async () => session?.close());

  test('fails the file being analysed and analyses the others in a new worker', async () => {
    const { page } = session;
    await waitForDictionary(page);
    await page.evaluate((name) => window.__gongwenSelftest.crashWhileAnalyzing(name), seeds[1].name);
    await dropFiles(page, seeds.slice(0, 3));
    await waitForReports(page, 3);
    const items = await fileItems(page);
    assert.deepEqual(items.map((item) => item.status), ['done', 'failed', 'done']);
    assert.match(items[1].text, /^无法分析：分析此文件时出错（程序异常），已跳过；其余文件继续分析/);
    await page.click('.file-item >> nth=2');
    assert.ok((await topLevelTitles(page)).includes('深化正风肃纪，坚定不移推进全面从严治党'));
    await screenshot(page, 'worker-crash');
  });

  test('after the crash, a fresh drop and a vocabulary change still work', async () => {
    const { page } = session;
    await dropFiles(page, seeds.slice(3));
    await waitForReports(page, 5);
    assert.deepEqual((await fileItems(page)).map((item) => item.status), ['done', 'failed', 'done', 'done', 'done']);

    // The new worker was given the files analysed before the crash: a
    // vocabulary change analyses every one of them again.
    await page.click('#open-vocabulary');
    await page.fill('textarea[data-list="0"]', '清廉文化大讲堂');
    await page.click('.dialog button:has-text("应用")');
    await waitForReports(page, 5);
    assert.deepEqual((await fileItems(page)).map((item) => item.status), ['done', 'failed', 'done', 'done', 'done']);
    await page.click('.file-item >> nth=3');
    await page.click('.view-tab:has-text("提法")');
    await page.waitForFunction(() => document.querySelector('.formulation-panel')?.textContent.includes('清廉文化大讲堂'));
    assert.deepEqual(session.pageErrors, [], 'nothing escaped to the page');
  });
});
