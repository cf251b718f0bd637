// The analysis pool: the page runs several analysis workers (at least two,
// whatever the machine) and spreads a drop's files over them, shows a
// progress bar with counts while it works, and 「取消」 stops every worker:
// the files not analysed yet are reported as cancelled and nothing more
// arrives, and the pool analyses the next drop as before. Each file in the
// list says which worker analysed it (`data-worker`, from 1). A large pick
// is taken in a batch at a time and every file is listed in the order
// picked. No timing is asserted.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dropFiles, openPage, screenshot, seedFiles, waitForPool, waitForReports, openReport } from './browser.mjs';

/** Every file item's name, status and worker. */
function fileItems(page) {
  return page.$$eval('.file-item', (items) => items.map((item) => ({
    name: item.querySelector('.file-name').getAttribute('title'),
    status: item.dataset.status,
    worker: item.dataset.worker,
    text: item.querySelector('.file-status').textContent,
  })));
}

/** `count` distinct reports built from the seeds: each seed with a numbered title and paragraph. */
function reportsFrom(seeds, count, prefix) {
  return Array.from({ length: count }, (_, index) => {
    const seed = seeds[index % seeds.length];
    return { name: `${prefix}-${String(index).padStart(3, '0')}.txt`, text: `第${index}份 ${seed.text}\n本单位第${index}项特色工作。` };
  });
}

describe('the analysis pool', () => {
  let session;
  let seeds;
  before(async () => {
    seeds = await seedFiles();
    session = await openPage();
  });
  after(async () => session?.close());

  test('spreads twenty dropped reports over its workers', async () => {
    const { page } = session;
    const workers = await waitForPool(page);
    assert.ok(workers >= 2, `the pool has at least two workers (${workers})`);
    await dropFiles(page, reportsFrom(seeds, 20, 'spread'));
    await waitForReports(page, 20, 60_000);
    const items = await fileItems(page);
    assert.deepEqual(items.map((item) => item.status), items.map(() => 'done'));
    const perWorker = {};
    for (const item of items) perWorker[item.worker] = (perWorker[item.worker] ?? 0) + 1;
    console.log(`# ${workers} workers; reports per worker: ${JSON.stringify(perWorker)}`);
    assert.ok(Object.keys(perWorker).length >= 2, `several workers analysed some of the reports: ${JSON.stringify(perWorker)}`);
    for (const worker of Object.keys(perWorker)) {
      assert.ok(Number(worker) >= 1 && Number(worker) <= workers, `worker ${worker} is one of the pool's`);
    }
    assert.equal(await page.$('.analysis-progress'), null, 'the progress bar is gone once everything is analysed');
    // The distinctive words come from the keyness worker, against the 19 others.
    await openReport(page);
    await page.waitForFunction(() => document.querySelector('.keyness-panel .list-title')?.textContent.includes('其余 19 份'));
    await page.waitForSelector('.keyness-panel .distinctive, .keyness-panel .keyness-empty');
  });

  test('shows its progress and stops every worker on 取消', async () => {
    const { page } = session;
    const before = (await fileItems(page)).length;
    // Enough text that the pool is still busy when 取消 is clicked.
    const large = reportsFrom(seeds, 300, 'cancel').map((report) => ({ ...report, text: report.text.repeat(6) }));
    await dropFiles(page, large);
    const total = before + large.length;
    // The drop is registered a hundred files at a time (their sizes read
    // twenty per task): the bar counts all of it once the last group is in.
    await page.waitForFunction((total) => Number(document.querySelector('.analysis-progress progress')?.max) === total
      && Number(document.querySelector('.analysis-count')?.dataset.finished) > 0, total, { timeout: 60_000 });
    const progress = await page.$eval('.analysis-progress', (element) => ({
      text: element.querySelector('.analysis-count').textContent,
      value: Number(element.querySelector('progress').value),
      max: Number(element.querySelector('progress').max),
    }));
    assert.match(progress.text, new RegExp(`^已分析 \\d+/${total} 份$`));
    assert.equal(progress.max, total);
    await screenshot(page, 'pool-progress');

    await page.click('#cancel-analysis');
    await waitForReports(page, total, 30_000);
    assert.equal(await page.$('.analysis-progress'), null, 'the progress bar is gone after 取消');
    const afterCancel = await fileItems(page);
    const cancelled = afterCancel.filter((item) => item.status === 'failed');
    const analysed = afterCancel.filter((item) => item.name.startsWith('cancel-') && item.status === 'done');
    console.log(`# 取消 after ${progress.value} of ${total}: ${analysed.length} analysed, ${cancelled.length} cancelled`);
    assert.ok(cancelled.length > 0, 'some files were cancelled');
    for (const item of cancelled) assert.match(item.text, /^无法分析：已取消分析/);
    // Nothing more arrives: every worker stopped.
    await page.waitForTimeout(1_500);
    assert.deepEqual(await fileItems(page), afterCancel, 'no file changes after 取消');
    await screenshot(page, 'pool-cancelled');

    // The pool analyses the next drop as before.
    await dropFiles(page, reportsFrom(seeds, 4, 'again'));
    await waitForReports(page, total + 4, 60_000);
    const again = (await fileItems(page)).filter((item) => item.name.startsWith('again-'));
    assert.deepEqual(again.map((item) => item.status), ['done', 'done', 'done', 'done']);
    assert.deepEqual(session.pageErrors, [], 'nothing threw');
  });

  test('takes a pick of 250 files from disk a batch at a time, every one listed in the order picked', async () => {
    const { page } = session;
    const folder = await mkdtemp(join(tmpdir(), 'gongwen-pick-'));
    try {
      const names = Array.from({ length: 250 }, (_, index) => `picked-${String(index).padStart(3, '0')}.txt`);
      const paths = [];
      for (const [index, name] of names.entries()) {
        const path = join(folder, name);
        await writeFile(path, `第${index}号单位述职报告\n一、主要工作\n本单位完成第${index}项任务。\n`);
        paths.push(path);
      }
      const before = (await fileItems(page)).length;
      await page.setInputFiles('#file-input', paths);
      await waitForReports(page, before + names.length, 120_000);
      const picked = (await fileItems(page)).filter((item) => item.name.startsWith('picked-'));
      assert.deepEqual(picked.map((item) => item.name), names, 'every file is listed once, in the order picked');
      assert.deepEqual([...new Set(picked.map((item) => item.status))], ['done']);
      assert.deepEqual(session.pageErrors, [], 'nothing threw');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
