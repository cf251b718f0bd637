// Saved work (opt-in): off by default, a reload forgets the reports; on, a
// reload restores them (samples, dropped files, a removal), the toolbar says
// it is on, and 「清空」 deletes what was kept and turns it off.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { dropFiles, loadSamples, screenshot, waitForDictionary, waitForReports, withPage } from './browser.mjs';

/** The names in the file list. */
const fileNames = (page) => page.$$eval('.file-item .file-name', (nodes) => nodes.map((node) => node.textContent));

/**
 * The records in the page's IndexedDB store (0 when the store does not
 * exist). Opening a database makes it: this looks for it first.
 */
const storedRecords = (page) => page.evaluate(async () => {
  if (!(await indexedDB.databases()).some((database) => database.name === 'gongwen-lens')) return 0;
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('gongwen-lens');
    request.onsuccess = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains('files')) {
        database.close();
        resolve(0);
        return;
      }
      const count = database.transaction('files').objectStore('files').count();
      count.onsuccess = () => {
        database.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error);
    };
    request.onerror = () => reject(request.error);
  });
});

/** Waits until the store holds `count` records. */
async function waitForStored(page, count) {
  for (let tries = 0; tries < 100; tries += 1) {
    if (await storedRecords(page) === count) return;
    await page.waitForTimeout(100);
  }
  assert.equal(await storedRecords(page), count, `the store holds ${count} records`);
}

/** Reloads the page and waits for its dictionary. */
async function reload(page) {
  await page.reload();
  await waitForDictionary(page);
}

test('saved work is off by default, keeps reports across reloads when on, and 清空 deletes it', async () => {
  await withPage(async (session) => {
    const { page } = session;
    await loadSamples(page);
    const samples = await fileNames(page);
    assert.equal(samples.length, 5);
    assert.equal(await page.getAttribute('.saved-work', 'data-saved-work'), 'off');
    assert.equal(await page.isChecked('#saved-work'), false);

    // Off: a reload forgets everything, and nothing was stored.
    await reload(page);
    assert.deepEqual(await fileNames(page), []);
    assert.equal(await storedRecords(page), 0);

    // On: what is loaded now and later is kept, and shown as kept.
    await loadSamples(page);
    await page.check('#saved-work');
    await page.waitForFunction(() => document.querySelector('.saved-work')?.textContent.includes('已开（5 份）'));
    await dropFiles(page, [{ name: '2024年述职报告.txt', text: '一、主要工作\n今年完成三项任务，投入资金120万元。\n二、存在问题\n学习不够深入。\n' }]);
    await waitForReports(page, 6);
    assert.equal(await page.getAttribute('.saved-work', 'data-saved-work'), 'on');
    await screenshot(page, 'saved-work-on');
    await waitForStored(page, 6);

    // A reload restores all six, in the order they were loaded.
    await reload(page);
    await waitForReports(page, 6);
    assert.deepEqual(await fileNames(page), [...samples, '2024年述职报告.txt']);
    assert.equal(await page.isChecked('#saved-work'), true);
    await page.waitForSelector('.overview-table tbody tr.line');

    // A removed report stays removed after a reload.
    await page.click('.file-item:has-text("2024年述职报告") .file-remove');
    await page.waitForFunction(() => document.querySelectorAll('.file-item').length === 5);
    // The store is written in the background: a reload may cut off a write
    // still under way.
    await waitForStored(page, 5);
    await reload(page);
    await waitForReports(page, 5);
    assert.deepEqual(await fileNames(page), samples);

    // 清空 deletes what was kept and turns saving off.
    page.removeAllListeners('dialog');
    const questions = [];
    page.on('dialog', (dialog) => {
      questions.push(dialog.message());
      dialog.accept().catch(() => {});
    });
    await page.click('#clear-all');
    await page.waitForFunction(() => document.querySelectorAll('.file-item').length === 0);
    assert.match(questions[0], /删除本浏览器中保存的报告/);
    assert.equal(await page.getAttribute('.saved-work', 'data-saved-work'), 'off');
    await waitForStored(page, 0);
    await reload(page);
    assert.deepEqual(await fileNames(page), []);
    assert.equal(await page.isChecked('#saved-work'), false);
    assert.deepEqual(session.pageErrors, []);
  });
});

test('turning saved work off deletes what was kept', async () => {
  await withPage(async (session) => {
    const { page } = session;
    await loadSamples(page);
    await page.check('#saved-work');
    await page.waitForFunction(() => document.querySelector('.saved-work')?.textContent.includes('已开'));
    await waitForStored(page, 5);
    await page.uncheck('#saved-work');
    assert.equal(await page.getAttribute('.saved-work', 'data-saved-work'), 'off');
    await waitForStored(page, 0);
    await reload(page);
    assert.deepEqual(await fileNames(page), []);
  });
});
