// The 词表 view (词表统计): the sample word list counted in the five samples
// matches `gongwen count --json` with the same list; sorting by a term; the
// density measure; a count opens the concordance of its term; the CSV
// export opens as UTF-8 with BOM; a GBK word list loaded from a file; a list
// with no term gets a message in Chinese; the list is remembered after a
// reload. Screenshot at 1366×768.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  SEED_FILES, cliJson, cspViolations, loadSamples, screenshot, waitForDictionary, waitForReports, withPage,
} from './browser.mjs';

const SEEDS = SEED_FILES;

/** The table's body as rows of cell texts. */
function tableRows(page) {
  return page.$$eval('.term-table tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
}

test('a word list counted in the samples, sorted, exported and remembered', async () => {
  await withPage(async ({ page, errors }) => {
    await loadSamples(page);
    await page.click('.view-tab:has-text("词表")');
    await page.waitForSelector('.term-panel');
    await page.click('.term-actions button:has-text("示例词表")');
    await page.waitForSelector('.term-table tbody tr');
    const list = await page.inputValue('.term-input textarea');
    const directory = await mkdtemp(join(tmpdir(), 'gongwen-terms-'));
    const listFile = join(directory, 'terms.txt');
    await writeFile(listFile, list);
    const expected = cliJson(['count', '--json', '--words', listFile, ...SEEDS]);
    const terms = Object.keys(expected[0].counts);
    const categories = Object.keys(expected[0].categories);
    const header = await page.$$eval('.term-table thead th', (cells) => cells.map((cell) => cell.textContent));
    assert.deepEqual(header, ['报告', '年份', '单位', '字数', ...terms, ...categories.map((c) => `类：${c}`)]);
    const rows = await tableRows(page);
    assert.equal(rows.length, 5);
    rows.forEach((row, index) => {
      const record = expected[index];
      assert.equal(row[0], SEEDS[index].slice('seeds/'.length));
      assert.equal(row[1], record.year === null ? '' : String(record.year));
      assert.equal(row[2], record.unit ?? '');
      assert.equal(Number(row[3]), record.chars);
      assert.deepEqual(row.slice(4, 4 + terms.length).map(Number), terms.map((term) => record.counts[term]));
      assert.deepEqual(row.slice(4 + terms.length).map(Number), categories.map((category) => record.categories[category]));
    });
    assert.ok(expected.some((record) => Object.values(record.counts).some((count) => count > 0)), 'the samples use the sample list');
    // Sorted by the first category, most first.
    await page.click(`.term-table thead button:has-text("类：${categories[0]}")`);
    const byCategory = (await tableRows(page)).map((row) => Number(row[4 + terms.length]));
    assert.deepEqual(byCategory, [...byCategory].sort((a, b) => b - a));
    // Densities per 10,000 characters, to two places.
    await page.selectOption('.term-actions select[aria-label="显示"]', 'density');
    await page.click('.term-table thead button:has-text("报告")');
    const densities = (await tableRows(page)).map((row) => row[4]);
    assert.deepEqual(densities, expected.map((record) => record.densities[terms[0]].toFixed(2)));
    await screenshot(page, 'term-counts-1366');
    await page.selectOption('.term-actions select[aria-label="显示"]', 'count');
    // A count opens the concordance of its term.
    await page.click('.term-table tbody tr >> nth=0 >> td.term-count >> nth=0');
    await page.waitForFunction((word) => document.querySelector('.concordance-header strong')?.textContent === word, terms[0]);
    // The CSV export: UTF-8 with BOM, one row per report.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.term-actions button:has-text("导出 CSV")')]);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith(`\ufeff文件,单位,年份,字数,${terms.join(',')}`), csv.slice(0, 80));
    assert.equal(csv.trim().split('\r\n').length, 6);
    // A list with no term is refused in Chinese; the counts of the last list stay.
    await page.fill('.term-input textarea', '# 只有注释\n\n');
    await page.click('.term-actions button:has-text("统计")');
    assert.match(await page.textContent('.term-error'), /词表里没有词/);
    assert.equal((await tableRows(page)).length, 5);
    // A GBK word list from a file.
    const gbk = Buffer.from([0xb5, 0xb3, 0xbd, 0xa8, 0x0a]); // 党建\n in GBK
    await page.setInputFiles('.term-actions input[type="file"]', { name: 'gbk.txt', mimeType: 'text/plain', buffer: gbk });
    await page.waitForFunction(() => document.querySelector('.term-table thead')?.textContent.includes('党建'));
    assert.equal(await page.inputValue('.term-input textarea'), '党建\n');
    const partyFile = join(directory, 'party.txt');
    await writeFile(partyFile, '党建\n');
    const partyCounts = cliJson(['count', '--json', '--words', partyFile, ...SEEDS]).map((record) => record.counts['党建']);
    assert.deepEqual((await tableRows(page)).map((row) => Number(row[4])), partyCounts);
    // Remembered after a reload.
    await page.reload();
    await waitForDictionary(page);
    await page.click('#load-samples');
    await waitForReports(page, 5);
    await page.click('.view-tab:has-text("词表")');
    await page.waitForSelector('.term-table tbody tr');
    assert.equal(await page.inputValue('.term-input textarea'), '党建\n');
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
