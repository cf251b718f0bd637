// The set's tables as CSV (UTF-8 with BOM, for Excel and WPS): every
// report's words, formulations and 校对 findings, and the comparison's
// similarity matrix and shared passages — each checked against the CLI's
// JSON for the same seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { SEED_FILES, cliJson, loadSamples, openReport, withPage } from './browser.mjs';

const SEEDS = SEED_FILES;
const NAMES = SEEDS.map((path) => path.slice('seeds/'.length));

/** Clicks `selector` and reads the CSV it downloads: its name, header and rows (cells split on commas, none quoted here). */
async function takeCsv(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const text = await readFile(await download.path(), 'utf8');
  assert.ok(text.startsWith('\ufeff'), 'UTF-8 with a byte order mark');
  const lines = text.slice(1).split('\r\n');
  assert.equal(lines.pop(), '', 'CRLF after every row');
  const [header, ...rows] = lines.map((line) => line.split(','));
  return { name: download.suggestedFilename(), header, rows };
}

test('words, formulations, findings, similarity and passages export as CSV', async () => {
  await withPage(async ({ page, errors }) => {
    await loadSamples(page);
    await openReport(page);

    await page.click('.view-tab:has-text("词频")');
    const words = await takeCsv(page, '.word-panel .export-csv');
    assert.equal(words.name, '词频.csv');
    assert.deepEqual(words.header, ['文件', '词语', '词次', '原文次数']);
    const cliWords = cliJson(['words', '--json', ...SEEDS]);
    cliWords.forEach((record, index) => {
      for (const { word, count, text_count: textCount } of record.top.slice(0, 5)) {
        const row = words.rows.find((cells) => cells[0] === NAMES[index] && cells[1] === word);
        assert.deepEqual(row?.slice(2).map(Number), [count, textCount], `${NAMES[index]} 「${word}」`);
      }
      assert.equal(words.rows.filter((cells) => cells[0] === NAMES[index]).length > record.top.length, true, 'every word, not only the top');
    });

    await page.click('.view-tab:has-text("提法")');
    const formulations = await takeCsv(page, '.formulation-panel .export-csv');
    assert.deepEqual(formulations.header, ['文件', '条目', '类别', '次数', '每千字']);
    cliWords.forEach((record, index) => {
      const listed = formulations.rows.filter((cells) => cells[0] === NAMES[index]).map((cells) => [cells[1], Number(cells[3])]);
      assert.deepEqual(listed, record.formulations.map((f) => [f.term, f.count]), NAMES[index]);
    });

    await page.click('.view-tab:has-text("校对")');
    const findings = await takeCsv(page, '.lint-panel .export-csv');
    assert.deepEqual(findings.header, ['文件', '行', '类别', '程度', '原文', '说明', '建议']);
    const cliLint = cliJson(['lint', '--json', ...SEEDS]);
    assert.equal(findings.rows.length, cliLint.reduce((sum, record) => sum + record.diagnostics.length, 0));

    await page.click('.view-tab:has-text("比对")');
    await page.waitForSelector('.compare-result', { timeout: 60_000 });
    const cliCompare = cliJson(['compare', '--json', ...SEEDS]);
    const similarity = await takeCsv(page, '[data-export="similarity"]');
    assert.deepEqual(similarity.header, ['报告', ...NAMES]);
    similarity.rows.forEach((cells, row) => {
      assert.equal(cells[0], NAMES[row]);
      cells.slice(1).forEach((cell, column) => {
        if (row === column) assert.equal(cell, '');
        else assert.ok(Math.abs(Number(cell) - cliCompare.similarity[row][column]) < 0.0002, `${row},${column}: ${cell}`);
      });
    });
    const passages = await takeCsv(page, '[data-export="passages"]');
    assert.deepEqual(passages.header.slice(0, 7), ['段落', '字数', '份数', '套话', '近似', '文件', '行']);
    const occurrences = cliCompare.passages.reduce((sum, passage) => sum + passage.occurrences.length, 0);
    assert.equal(passages.rows.length, occurrences, 'a row per occurrence');
    // Each row's 文字, the last cell, is its passage's text as the CLI has
    // it (the page reads it from the report: the worker sends none).
    const texts = cliCompare.passages.flatMap((passage) => passage.occurrences.map(() => passage.text));
    passages.rows.forEach((row, index) => {
      const cell = row.slice(7).join(',');
      const text = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      assert.equal(text, texts[index], `row ${index}`);
    });
    assert.deepEqual(errors, []);
  });
});

test("a report's outline downloads as Markdown, one file per report", async () => {
  await withPage(async ({ page, errors }) => {
    await loadSamples(page);
    await openReport(page, '002_');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.outline-markdown')]);
    assert.equal(download.suggestedFilename(), '002_d150bcfd3ac612c2.md');
    const markdown = await readFile(await download.path(), 'utf8');
    const headings = cliJson(['outline', '--json', SEEDS[2]])[0].headings.filter((heading) => heading.level === 1);
    for (const heading of headings) assert.ok(markdown.includes(`\n## ${heading.marker}${heading.title}`), `## ${heading.marker}${heading.title}`);
    assert.deepEqual(errors, []);
  });
});
