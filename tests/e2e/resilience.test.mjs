// Regression test: a panic in the worker killed the app. Release builds abort
// on panic, so a bug the core hits on one file traps the worker's wasm for
// good, and every file after it stayed 「分析中…」 for ever. The page must
// report that file as failed, replace the worker, and analyse the others;
// later drops and vocabulary changes must still work. The panic is caused
// through the `?selftest` hook (`ToWorker::Crash`), which exists for this
// test only and is not reachable from the page's interface.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ROOT, SEED_FILES, dropFiles, openPage, screenshot, seedFiles, topLevelTitles, waitForDictionary, waitForReports,
} from './browser.mjs';

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

// The analysis workers read the files the user picked (they are posted the
// browser's File, not its bytes). A file that can no longer be read when its
// worker comes to it — deleted, or moved, after it was picked — fails alone,
// with the browser's reason, and the others are analysed.
describe('a picked file that is gone when its worker reads it', () => {
  let session;
  let folder;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'gongwen-gone-'));
    session = await openPage();
  });
  after(async () => {
    await session?.close();
    await rm(folder, { recursive: true, force: true });
  });

  test('is reported as unreadable and the other files are analysed', async () => {
    const { page } = session;
    const paths = [];
    for (const seed of SEED_FILES.slice(0, 3)) {
      paths.push(join(folder, basename(seed)));
      await copyFile(join(ROOT, seed), paths.at(-1));
    }
    // Picked while the pool still loads its dictionaries, so that no worker
    // has read anything when the second file is deleted.
    await page.waitForSelector('#file-input', { state: 'attached' });
    await page.setInputFiles('#file-input', paths);
    await unlink(paths[1]);
    const ready = await page.$('[data-dictionary="ready"]');
    assert.equal(ready, null, 'the pool was not ready yet when the file was deleted');
    await waitForReports(page, 3);
    const items = await fileItems(page);
    assert.deepEqual(items.map((item) => item.status), ['done', 'failed', 'done']);
    assert.match(items[1].text, /^无法分析：浏览器无法读取该文件：选择之后它已被删除或移走，请重新选择/);
    await page.click('.file-item >> nth=2');
    assert.ok((await topLevelTitles(page)).length > 0, 'the third file was analysed');
    await screenshot(page, 'file-gone');
    assert.deepEqual(session.pageErrors, [], 'nothing escaped to the page');
  });
});
