// The overview (总览): the landing view once the samples are in — one line
// per report with the numbers of `gongwen overview --json`, sorted by a
// column, filtered; a line opens its report and the 总览 button comes back;
// a number opens the view behind it (数据, 校对); the comparison runs by
// itself once every report is analysed, and the own-text shares appear
// without 比对 being opened; a thousand reports scroll with only the lines in
// view drawn; the CSV, Markdown and JSON exports; 清空. Screenshots at
// 1366×768 and 1920×1080.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import {
  SEED_FILES, cliJson, cspViolations, dropFiles, loadSamples, screenshot, waitForDictionary, waitForReports, withPage,
} from './browser.mjs';

const SEEDS = SEED_FILES;

/** The overview's lines as rows of cell texts. */
function lines(page) {
  return page.$$eval('.overview-table tbody tr.line', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
}

test('the overview of the samples, sorted, filtered and followed', async () => {
  await withPage(async ({ page, errors }) => {
    await loadSamples(page);
    await page.waitForSelector('.overview-pane');
    assert.equal(await page.$('.reader-pane'), null, 'the overview takes the reader\'s place');
    const expected = cliJson(['overview', '--json', ...SEEDS]);
    // The distinctive words come from the keyness worker a moment later.
    await page.waitForFunction(() => [...document.querySelectorAll('.overview-distinctive')].every((td) => td.textContent.trim() !== ''));
    const shown = await lines(page);
    assert.equal(shown.length, 5);
    shown.forEach((cells, index) => {
      const row = expected[index];
      assert.equal(cells[0], row.title ?? SEEDS[index].slice('seeds/'.length));
      assert.equal(cells[1], row.unit ?? '');
      assert.equal(Number(cells[2]), row.chars);
      assert.equal(Number(cells[3]), row.sections);
      assert.equal(Number(cells[4]), row.points);
      assert.equal(cells[5], row.figures_per_thousand.toFixed(2));
      assert.equal(Number(cells[6]), row.redactions);
      assert.equal(cells[7], row.problems_share === null ? '无' : `${(row.problems_share * 100).toFixed(1)}%`);
      assert.match(cells[8], /^(—|\d+%)$/, 'an own-text share once compared, a dash before');
      assert.equal(cells[9], `${row.lint}（${row.lint_warnings}）`);
      assert.equal(cells[10].trim(), row.distinctive.join(' · '), 'the distinctive words of `gongwen overview`');
    });
    // Beside the overview, a view of one report names it.
    assert.match(await page.textContent('.view-subject'), /当前报告：000_75e6ea62ff7e3e22\.txt/);
    await screenshot(page, 'overview-1366');
    // Sorted by characters, most first, then the other way.
    await page.click('.overview-table th button:has-text("字数")');
    const byChars = (await lines(page)).map((cells) => Number(cells[2]));
    assert.deepEqual(byChars, expected.map((row) => row.chars).sort((a, b) => b - a));
    await page.click('.overview-table th button:has-text("字数")');
    assert.deepEqual((await lines(page)).map((cells) => Number(cells[2])), [...byChars].reverse());
    // Filtered by file name, and by a distinctive word.
    await page.fill('.overview-filter', '002_');
    assert.equal((await lines(page)).length, 1);
    const word = expected[3].distinctive[0];
    await page.fill('.overview-filter', word);
    const found = (await lines(page)).map((cells) => cells[10]);
    assert.ok(found.length >= 1 && found.every((cell) => cell.includes(word)), `the filter 「${word}」 keeps the reports with it`);
    await page.fill('.overview-filter', '');
    // A distinctive word's cell opens 特色词 of its report.
    await page.click('.overview-table tbody tr.line >> nth=1 >> .overview-distinctive button');
    await page.waitForSelector('.reader-pane');
    assert.equal(await page.textContent('.view-tab.active'), '特色词');
    await page.click('#show-overview');
    await page.waitForSelector('.overview-pane');
    // A line opens its report; 总览 comes back.
    await page.click('.overview-table th button:has-text("报告")');
    await page.click('.overview-table tbody tr.line >> nth=2 >> .report-link');
    await page.waitForSelector('.reader-pane');
    assert.match(await page.textContent('.file-item.selected, .file-item[aria-current="true"]'), /002_/);
    await page.click('#show-overview');
    await page.waitForSelector('.overview-pane');
    // A number opens the view behind it: 校对 of seed 004.
    await page.click('.overview-table tbody tr.line >> nth=4 >> td >> nth=9 >> button');
    await page.waitForSelector('.reader-pane');
    assert.equal(await page.textContent('.view-tab.active'), '校对');
    // The comparison has run by itself: own-text shares, 比对 never opened.
    await page.click('#show-overview');
    await page.waitForFunction(() => [...document.querySelectorAll('.overview-table tbody tr.line td:nth-child(9)')].every((td) => /%$/.test(td.textContent)), null, { timeout: 30_000 });
    const compare = cliJson(['compare', '--json', ...SEEDS]);
    const own = (await lines(page)).map((cells) => cells[8]);
    assert.deepEqual(own, compare.reports.map((report) => `${(report.own_share * 100).toFixed(0)}%`));
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'overview-1920');
    // Exports: the overview as CSV (UTF-8 with BOM), the outlines as
    // Markdown, the whole analysis as JSON with its schema and the comparison.
    const take = async (label) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`.overview-exports button:has-text("${label}")`)]);
      return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
    };
    const csv = await take('导出 CSV');
    assert.ok(csv.text.startsWith('\ufeff文件,标题,单位,年份,字数,章节,要点,数据,数据/千字,隐去,问题占比,自有文字,校对,校对警告,特色词\r\n'));
    const csvRows = csv.text.trim().split('\r\n').slice(1).map((row) => row.split(','));
    assert.deepEqual(csvRows.map((row) => Number(row[4])), expected.map((row) => row.chars));
    assert.deepEqual(csvRows.map((row) => row[14]), expected.map((row) => row.distinctive.join('、')));
    assert.deepEqual(csvRows.map((row) => Number(row[11]).toFixed(4)), compare.reports.map((report) => report.own_share.toFixed(4)));
    const markdown = await take('导出大纲');
    assert.equal(markdown.name, '大纲.md');
    assert.equal(markdown.text.split('\n---\n').length, 5);
    assert.match(markdown.text, /^# 000\\_75e6ea62ff7e3e22\.txt\n/, 'the title escaped for Markdown');
    assert.match(markdown.text, /\n# 2023年度党组书记抓基层党建工作述职报告\n/);
    // The workbook: a zip whose entries are stored, so its XML reads as is.
    const [workbookDownload] = await Promise.all([page.waitForEvent('download'), page.click('.overview-exports button:has-text("导出 Excel")')]);
    const workbook = await readFile(await workbookDownload.path());
    assert.equal(workbook.subarray(0, 2).toString('latin1'), 'PK');
    const parts = workbook.toString('utf8');
    for (const sheet of ['总览', '数据', '结构', '校对']) assert.ok(parts.includes(`<sheet name="${sheet}"`), sheet);
    assert.ok(parts.includes('000_75e6ea62ff7e3e22.txt</t>'), 'the reports are named');
    assert.ok(parts.includes(`${expected[0].distinctive.join('、')}</t>`), 'the distinctive words are in the 总览 sheet');
    const exported = JSON.parse((await take('导出 JSON')).text);
    assert.equal(exported.schema, 'gongwen-lens/analysis');
    assert.equal(exported.version, 1);
    assert.deepEqual(exported.reports.map((report) => report.chars), expected.map((row) => row.chars));
    assert.equal(exported.comparison.reports.length, 5);
    assert.deepEqual(exported.comparison.passages.map((passage) => passage.text), compare.passages.map((passage) => passage.text),
      "the passages' texts, read back from the reports");
    // 清空 forgets every report, after asking.
    // (The helper dismisses every dialog; this one is accepted, after its question is checked.)
    page.removeAllListeners('dialog');
    const question = new Promise((resolve) => page.once('dialog', (dialog) => {
      resolve(dialog.message());
      dialog.accept();
    }));
    await page.click('#clear-all');
    assert.match(await question, /清空全部 5 份报告/);
    await page.waitForSelector('.welcome');
    assert.equal(await page.$$eval('.file-item', (items) => items.length), 0);
    assert.equal(await page.$('#clear-all'), null);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  });
});

test('a thousand reports: only the lines in view are drawn', async () => {
  await withPage(async ({ page, errors }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitForDictionary(page);
    const files = Array.from({ length: 1000 }, (_, index) => ({
      name: `单位${String(index).padStart(4, '0')}述职报告.txt`,
      text: `一、主要工作\n全年开展活动${index + 1}次，覆盖党员${(index * 7) % 500}人。\n二、存在问题\n学习不够深入。\n三、下步打算\n继续加强学习。\n`,
    }));
    await dropFiles(page, files);
    await waitForReports(page, 1000, 120_000);
    await page.waitForSelector('.overview-pane');
    const drawn = await page.$$eval('.overview-table tbody tr.line', (rows) => rows.length);
    assert.ok(drawn > 10 && drawn < 80, `${drawn} lines drawn of 1000`);
    assert.equal(await page.getAttribute('.overview-table', 'aria-rowcount'), '1001');
    // Scrolled to the end: the last reports are drawn.
    await page.$eval('.overview-scroll', (box) => { box.scrollTop = box.scrollHeight; });
    await page.waitForFunction(() => [...document.querySelectorAll('.overview-table tbody tr.line')].some((row) => row.textContent.includes('单位0999')));
    const first = await page.$eval('.overview-table tbody tr.line', (row) => Number(row.getAttribute('aria-rowindex')));
    assert.ok(first > 900, `the first line drawn is number ${first}`);
    assert.deepEqual(errors, []);
  });
});
