// 打印摘要: after comparing the samples, the overview's 「打印摘要」 draws one
// page per report — its numbers, outline, structure, figures, findings and
// the passages it shares — seen only in print: Chromium prints them as one
// A4 page or more per report, and nothing of the page around them.
// Screenshot of the print layout at 1366×768.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEED_FILES, cliJson, cspViolations, loadSamples, screenshot, withPage } from './browser.mjs';

const SEEDS = SEED_FILES;

test('one summary page per report, for the 评议 meeting', async () => {
  await withPage(async ({ page, errors }) => {
    await loadSamples(page);
    await page.click('.view-tab:has-text("比对")');
    await page.waitForSelector('.compare-result', { timeout: 60_000 });
    await page.click('#show-overview');
    await page.waitForFunction(() => [...document.querySelectorAll('.overview-table tbody tr.line td:nth-child(9)')].every((td) => /%$/.test(td.textContent)));
    await page.click('.overview-exports button:has-text("打印摘要")');
    await page.waitForFunction(() => document.querySelectorAll('.print-view .print-report').length === 5);
    assert.equal(await page.isVisible('.print-view'), false, 'on screen the pages are hidden');
    const expected = cliJson(['overview', '--json', ...SEEDS]);
    const reports = await page.$$eval('.print-report', (pages) => pages.map((report) => ({
      title: report.querySelector('h1').textContent,
      facts: report.querySelector('.print-facts').textContent,
      sections: [...report.querySelectorAll('h2')].map((h) => h.textContent),
      passages: report.querySelectorAll('.print-passages li').length,
    })));
    reports.forEach((report, index) => {
      const row = expected[index];
      assert.equal(report.title, row.title ?? SEEDS[index].slice('seeds/'.length));
      assert.ok(report.facts.includes(`${row.chars} 字`) && report.facts.includes(`校对 ${row.lint} 处`), report.facts);
      assert.deepEqual(report.sections, ['大纲', '结构', '实绩数据', '校对', '共有段落']);
      assert.ok(report.passages > 0, 'each sample shares passages with another');
    });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('.print-view'), true);
    assert.equal(await page.isVisible('.toolbar'), false, 'the page around them is not printed');
    await screenshot(page, 'print-1366');
    // Chromium's own print to PDF (print media): the page tree's count.
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = Math.max(0, ...[...pdf.toString('latin1').matchAll(/\/Count\s+(\d+)/g)].map((m) => Number(m[1])));
    assert.ok(pages >= 5 && pages <= 10, `${pages} printed pages for 5 reports`);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
