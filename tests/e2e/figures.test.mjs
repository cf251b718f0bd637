// The 数据 view: every figure (实绩数据) of the samples in one table, each
// report's count, density and redactions, filters, a row opening the reader
// at the figure, and the CSV export. Screenshot at 1366×768.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { SEED_FILES, cliJson, cspViolations, screenshot, waitForDictionary, waitForReports, withPage } from './browser.mjs';

/** What the CLI finds, as { file: figures }. */
function cliFigures() {
  return cliJson(['figures', '--json', ...SEED_FILES]);
}

test('the figures of the samples, filtered, opened and exported', async () => {
  await withPage(async ({ page, errors }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitForDictionary(page);
    await page.click('#load-samples');
    await waitForReports(page, 5);
    await page.click('.view-tab:has-text("数据")');
    await page.waitForSelector('.figures-panel');
    const expected = cliFigures();
    const total = expected.reduce((sum, record) => sum + record.figures.length, 0);
    assert.match(await page.textContent('.figures-summary'), new RegExp(`共 ${total} 个数据，当前列出 ${total} 个`));
    const density = await page.$$eval('.figure-density tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
    assert.deepEqual(density.map((row) => Number(row[1])), expected.map((record) => record.figures.length));
    assert.equal(Number(density[0][3]), expected[0].figures.filter((f) => f.redacted).length);
    // Narrowed to seed 002: its figures in text order, as the CLI lists them.
    await page.selectOption('.figure-filters select[aria-label="按报告筛选"]', { label: '002_d150bcfd3ac612c2.txt' });
    const texts = await page.$$eval('.figures .figure-text', (cells) => cells.map((cell) => cell.textContent));
    assert.deepEqual(texts, expected[2].figures.map((f) => f.text));
    await screenshot(page, 'figures-1366');
    // A row opens the reader at its figure.
    await page.click('.figures .figure-row >> nth=0');
    await page.waitForFunction(() => document.querySelector('.reader-pane h2, .reader-pane .reader-title')?.textContent.includes('002_'));
    // Only the redacted ones of all reports.
    // By section: the figures of 002's 二、 section only, its heading shown.
    await page.fill('.figure-filters input[aria-label="按章节"]', '坚持思想铸魂');
    await page.press('.figure-filters input[aria-label="按章节"]', 'Enter');
    const sections = await page.$$eval('.figures .figure-section', (cells) => cells.map((cell) => cell.title));
    assert.ok(sections.length > 0 && sections.length < texts.length, `${sections.length} of ${texts.length}`);
    assert.ok(sections.every((title) => title.includes('坚持思想铸魂')), sections.join(' | '));
    await page.fill('.figure-filters input[aria-label="按章节"]', '');
    await page.press('.figure-filters input[aria-label="按章节"]', 'Enter');
    await page.selectOption('.figure-filters select[aria-label="按报告筛选"]', { label: '全部报告' });
    await page.check('.figure-filters input[type="checkbox"]');
    const redacted = await page.$$eval('.figures .figure-row', (rows) => rows.length);
    assert.equal(redacted, expected.reduce((sum, record) => sum + record.figures.filter((f) => f.redacted).length, 0));
    // The CSV export.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.figure-filters button:has-text("导出 CSV")')]);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\ufeff报告,行,数据,数值,单位,约数,是否隐去,计数对象,章节'));
    assert.equal(csv.trim().split('\r\n').length, 1 + redacted);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
