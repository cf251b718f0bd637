// This year against last year (对照) on the page: seed 001 as the 2023
// report and tests/fixtures/year-over-year/001-2022.txt as the 2022 one,
// named so that only the year differs, are paired automatically; the view
// shows the two side by side with 「沿用 94.8%」, and the sentences
// highlighted as new in 2023 and struck through as dropped from 2022 are
// exactly those of the fixture's expected.json; the year change is marked
// as an edit; the section table accounts for every character. Choosing
// another report by hand offers no earlier one until one is picked.
// Screenshots at 1366×768 and 1920×1080.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, cspViolations, dropFiles, screenshot, waitForDictionary, waitForReports, withPage, openReport } from './browser.mjs';

const FIXTURE = join(ROOT, 'tests/fixtures/year-over-year');
const LATER = '市局2023年度述职报告.txt';
const EARLIER = '市局2022年度述职报告.txt';

/**
 * The compared characters of a text: letters and digits (CJK included) and
 * the asterisks of redacted figures (**), as the core's normalize keeps them.
 */
const compact = (text) => [...text].filter((c) => /[\p{L}\p{N}*＊]/u.test(c)).join('');

/** The texts of the marks matching `selector`, one per change (a change may span paragraphs). */
function changes(page, selector) {
  return page.$$eval(selector, (marks) => {
    const byChange = new Map();
    for (const mark of marks) byChange.set(mark.dataset.change, (byChange.get(mark.dataset.change) ?? '') + mark.textContent);
    return [...byChange.values()];
  });
}

for (const [width, height] of [[1366, 768], [1920, 1080]]) {
  test(`2023 against 2022, paired by name, at ${width}×${height}`, async () => {
    const expected = JSON.parse(await readFile(join(FIXTURE, 'expected.json'), 'utf8'));
    const files = [
      { name: EARLIER, text: await readFile(join(FIXTURE, '001-2022.txt'), 'utf8') },
      { name: LATER, text: await readFile(join(ROOT, 'seeds/001_f49475697f059043.txt'), 'utf8') },
    ];
    await withPage(async ({ page, errors }) => {
      await page.setViewportSize({ width, height });
      await waitForDictionary(page);
      await dropFiles(page, files);
      await waitForReports(page, 2);
      await openReport(page);
      await page.click('.view-tab:has-text("比对")');
      await page.click('.compare-mode:has-text("对照")');

      // Paired automatically: the later report with the earlier one.
      const pairs = await page.$$eval('.year-pair', (items) => items.map((item) =>
        [item.querySelector('.year-later').textContent, item.querySelector('.year-earlier').textContent]));
      assert.deepEqual(pairs, [[LATER, EARLIER]]);
      assert.match(await page.$eval('.year-current', (select) => select.selectedOptions[0].textContent), /^市局2023年度述职报告\.txt（2023 年）$/);
      assert.match(await page.$eval('.year-previous', (select) => select.selectedOptions[0].textContent), /^市局2022年度述职报告\.txt（2022 年）$/);

      await page.click('.year-pair .year-open');
      await page.waitForSelector('.year-view .yoy-kept-share', { timeout: 30_000 });
      assert.equal(await page.textContent('.yoy-kept-share'), '沿用 94.8%');
      assert.match(await page.textContent('.year-view .sbs-title'), /上一年的 97\.0% 仍在 · 新写 2 处 · 删去 2 处/);
      assert.match(await page.textContent('#yoy-current .sbs-name'), /^今年：市局2023/);
      assert.match(await page.textContent('#yoy-previous .sbs-name'), /^上一年：市局2022/);

      // Exactly the fixture's new and dropped sentences are highlighted, each on its side.
      assert.deepEqual((await changes(page, '#yoy-current ins.yoy-new')).map(compact), expected.new.map(compact));
      assert.deepEqual((await changes(page, '#yoy-previous del.yoy-dropped')).map(compact), expected.dropped.map(compact));
      assert.equal(await page.$$eval('#yoy-current del, #yoy-previous ins', (marks) => marks.length), 0);
      // The changed year is an edit in both: 2023 on the right, 2022 on the left.
      const edited = async (side) => (await page.$$eval(`#yoy-${side} mark.yoy-edited`, (marks) => marks.map((m) => m.textContent))).join('|');
      assert.match(await edited('current'), /3/);
      assert.match(await edited('previous'), /2/);

      // The sections: every compared character counted, the new text all in 一、.
      const rows = await page.$$eval('.yoy-section-table.yoy-current tbody tr', (trs) => trs.map((tr) =>
        [...tr.cells].map((cell) => cell.textContent)));
      assert.deepEqual(rows.map((row) => row[0]), ['（开头）', '一、主要工作情况', '二、下一步工作打算']);
      const counted = rows.reduce((sum, row) => sum + Number(row[1]) + Number(row[2]) + Number(row[3]), 0);
      assert.equal(counted, compact(files[1].text).length, 'kept + edited + new = every compared character');
      const kept = rows.reduce((sum, row) => sum + Number(row[1]) + Number(row[2]), 0);
      assert.equal(`沿用 ${(kept / counted * 100).toFixed(1)}%`, '沿用 94.8%', 'the table agrees with the header');
      assert.deepEqual(rows.map((row) => Number(row[3]) > 0), [false, true, false]);
      assert.equal(rows[1][3], String(expected.new.map(compact).join('').length));

      // A new sentence's link scrolls the right column to it.
      await page.click('.yoy-changes .sbs-chip.yoy-new >> nth=1');
      await page.waitForFunction(() => {
        const column = document.querySelector('#yoy-current').getBoundingClientRect();
        const mark = document.querySelector('#yoy-current ins.yoy-new.jumped')?.getBoundingClientRect();
        return mark && mark.top >= column.top && mark.bottom <= column.bottom;
      }, null, { timeout: 5_000 });
      await screenshot(page, `compare-years-${width}`);

      // By hand: the 2022 report has no earlier one until one is chosen.
      await page.selectOption('.year-current', { label: `${EARLIER}（2022 年）` });
      assert.equal(await page.$eval('.year-previous', (select) => select.selectedOptions[0].textContent), '（请选择）');
      assert.ok(await page.$eval('.year-choice .year-open', (button) => button.disabled));
      await page.selectOption('.year-previous', { label: `${LATER}（2023 年）` });
      await page.click('.year-choice .year-open');
      await page.waitForFunction(() => /^今年：市局2022/.test(document.querySelector('#yoy-current .sbs-name')?.textContent ?? ''));
      await page.click('.year-view .sbs-header button:has-text("关闭")');
      await page.waitForSelector('.reader-scroll');
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(errors, []);
    });
  });
}
